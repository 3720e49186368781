import { config } from "../config.js";
import type { Tx } from "../db.js";
import { Prisma } from "../generated/prisma/client.js";
import { buildMatchingProfile } from "./build-matching-profile.js";
import { identityKeys } from "./identity-keys.js";
import type { MatchingProfile } from "./matching-profile.js";
import { toComplaintForMatching, type StoredUnit } from "./matching-input.js";
import { searchIndex } from "./search-index.js";
import { indexTokens } from "./search-tokens.js";

/** Rows per INSERT statement: well under both databases' parameter limits at seven columns. */
const ROWS_PER_STATEMENT = 500;

/** The tokens of a profile for the search index: its stems and the unit's distinguishing words. */
export function searchTokensOf(regionId: number, profile: MatchingProfile): string[] {
  return indexTokens(regionId, profile.incidentDay, [...profile.terms, ...profile.unitWords]);
}

/** A complaint as the index reads it (the Pemda's code and the reporter's identity with it). */
export interface IndexedComplaint {
  id: number;
  regionId: number;
  regionCode: string;
  unitId: number | null;
  unitName: string | null;
  subject: string;
  description: string;
  incidentDate: string;
  category: string | null;
  name: string | null;
  nik: string | null;
  phone: string | null;
  email: string | null;
}

/**
 * Puts complaints into the duplicate index, in the caller's transaction: each one's matching
 * profile, its identity keys (keyed digests, with its Pemda and incident date) and its search
 * tokens. Rewrites what was there (`isNew` skips that for complaints created in this very
 * transaction), so it serves intake, imports and rebuilds alike. Plain multi-row statements, since
 * intake waits for them: the client's per-statement cost is what counts here, not the rows.
 * Returns the profiles built, by complaint id.
 */
export async function indexComplaints(tx: Tx, complaintIds: readonly number[], options: { isNew?: boolean; secret?: string } = {}): Promise<Map<number, MatchingProfile>> {
  const profiles = new Map<number, MatchingProfile>();
  if (complaintIds.length === 0) return profiles;
  const complaints = await tx.$queryRaw<IndexedComplaint[]>`
    SELECT c."id", c."regionId", r."code" AS "regionCode", c."unitId", c."unitName", c."subject", c."description", c."incidentDate", c."category",
           p."name", p."nik", p."phone", p."email"
      FROM "Complaint" c JOIN "Region" r ON r."id" = c."regionId" LEFT JOIN "Reporter" p ON p."complaintId" = c."id"
     WHERE c."id" IN (${Prisma.join([...complaintIds])})`;
  const regionIds = [...new Set(complaints.map((c) => Number(c.regionId)))];
  const units = await tx.unit.findMany({ where: { regionId: { in: regionIds } }, select: { id: true, regionId: true, name: true, kind: true, aliases: true } });
  const unitsByRegion = new Map<number, StoredUnit[]>();
  for (const unit of units) unitsByRegion.set(unit.regionId, [...(unitsByRegion.get(unit.regionId) ?? []), unit]);

  const ids = complaints.map((c) => Number(c.id));
  if (!options.isNew) {
    await tx.complaintMatchProfile.deleteMany({ where: { complaintId: { in: ids } } });
    await tx.complaintIdentityKey.deleteMany({ where: { complaintId: { in: ids } } });
  }
  return writeIndexRows(tx, complaints, unitsByRegion, options);
}

/**
 * indexComplaints for one complaint created in the caller's transaction, from what the caller
 * already holds: the complaint as stored and all of its Pemda's units (inactive ones included, as
 * indexComplaints reads them). Three statements (profile, identity keys, search tokens) instead of
 * reading back what was just written. Returns its profile.
 */
export async function indexNewComplaint(tx: Tx, complaint: IndexedComplaint, regionUnits: readonly StoredUnit[], options: { secret?: string } = {}): Promise<MatchingProfile> {
  const profiles = await writeIndexRows(tx, [complaint], new Map([[complaint.regionId, [...regionUnits]]]), { ...options, isNew: true });
  return profiles.get(complaint.id)!;
}

async function writeIndexRows(
  tx: Tx,
  complaints: readonly IndexedComplaint[],
  unitsByRegion: ReadonlyMap<number, StoredUnit[]>,
  options: { isNew?: boolean; secret?: string },
): Promise<Map<number, MatchingProfile>> {
  const profiles = new Map<number, MatchingProfile>();
  const createdAt = new Date();
  const profileRows: Prisma.Sql[] = [];
  const keyRows: Prisma.Sql[] = [];
  const searchRows = [];
  for (const row of complaints) {
    const id = Number(row.id);
    const regionId = Number(row.regionId);
    const unitId = row.unitId === null ? null : Number(row.unitId);
    const reporter = row.name === null ? null : { name: row.name, nik: row.nik, phone: row.phone, email: row.email };
    const profile = buildMatchingProfile(toComplaintForMatching({ ...row, unitId, reporter }, unitsByRegion.get(regionId) ?? []), options.secret ?? config.matchingSecret);
    profiles.set(id, profile);
    profileRows.push(Prisma.sql`(${id}, ${regionId}, ${profile.unitId}, ${row.incidentDate}, ${JSON.stringify(profile)}, ${profile.version}, ${createdAt})`);
    for (const key of identityKeys(profile)) keyRows.push(Prisma.sql`(${id}, ${key.kind}, ${key.digest}, ${regionId}, ${row.incidentDate})`);
    searchRows.push({ complaintId: id, tokens: searchTokensOf(regionId, profile) });
  }
  for (let start = 0; start < profileRows.length; start += ROWS_PER_STATEMENT) {
    await tx.$executeRaw`INSERT INTO "ComplaintMatchProfile" ("complaintId", "regionId", "unitId", "incidentDate", "profile", "version", "createdAt") VALUES ${Prisma.join(profileRows.slice(start, start + ROWS_PER_STATEMENT))}`;
  }
  for (let start = 0; start < keyRows.length; start += ROWS_PER_STATEMENT) {
    await tx.$executeRaw`INSERT INTO "ComplaintIdentityKey" ("complaintId", "kind", "keyHash", "regionId", "incidentDate") VALUES ${Prisma.join(keyRows.slice(start, start + ROWS_PER_STATEMENT))}`;
  }
  await searchIndex.replace(tx, searchRows, { isNew: options.isNew });
  return profiles;
}
