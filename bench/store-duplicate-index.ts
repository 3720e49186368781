import Database from "better-sqlite3";
import { isPostgresqlUrl, openPostgresqlLoader, withoutPostgresqlIndexes } from "./bench-database.js";
import { buildMatchingProfile } from "../src/duplicates/build-matching-profile.js";
import { identityKeys } from "../src/duplicates/identity-keys.js";
import { searchTokensOf } from "../src/duplicates/index-complaints.js";
import { toComplaintForMatching, type StoredUnit } from "../src/duplicates/matching-input.js";

/**
 * Fills the duplicate index of complaints stored straight into a benchmark database (see
 * store-complaints.ts): the same profiles, identity keys and search tokens as indexComplaints
 * writes, with the same pure functions, but through better-sqlite3 in big transactions, since a
 * million complaints through the application's path would take an hour.
 */
export function storeDuplicateIndex(databaseFile: string, secret: string, options: { batchSize?: number; onProgress?: (done: number) => void } = {}): number {
  const sqlite = new Database(databaseFile, { fileMustExist: true });
  const batchSize = options.batchSize ?? 20_000;
  try {
    sqlite.pragma("journal_mode = MEMORY");
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("cache_size = -262144");
    const units = sqlite.prepare(`SELECT id, regionId, name, kind, aliases FROM "Unit"`).all() as Array<StoredUnit & { regionId: number }>;
    const unitsByRegion = groupUnits(units);
    const read = sqlite.prepare(
      `SELECT c.id, c.regionId, r.code AS regionCode, c.unitId, c.unitName, c.subject, c.description, c.incidentDate, c.category,
              p.name, p.nik, p.phone, p.email
         FROM "Complaint" c JOIN "Region" r ON r.id = c.regionId LEFT JOIN "Reporter" p ON p.complaintId = c.id
        WHERE c.id > ? ORDER BY c.id LIMIT ?`,
    );
    const insertProfile = sqlite.prepare(`INSERT OR REPLACE INTO "ComplaintMatchProfile" (complaintId, regionId, unitId, incidentDate, profile, version, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const insertKey = sqlite.prepare(`INSERT INTO "ComplaintIdentityKey" (complaintId, kind, keyHash, regionId, incidentDate) VALUES (?, ?, ?, ?, ?)`);
    const insertTokens = sqlite.prepare(`INSERT INTO "ComplaintSearch" (rowid, tokens) VALUES (?, ?)`);
    const createdAt = new Date().toISOString().replace("Z", "+00:00");
    const store = sqlite.transaction((rows: IndexedRow[]) => {
      for (const row of rows) {
        const { profile, keys, tokens } = indexEntriesOf(row, unitsByRegion, secret);
        insertProfile.run(row.id, row.regionId, profile.unitId, row.incidentDate, JSON.stringify(profile), profile.version, createdAt);
        for (const key of keys) insertKey.run(row.id, key.kind, key.digest, row.regionId, row.incidentDate);
        if (tokens.length) insertTokens.run(row.id, tokens.join(" "));
      }
    });
    let afterId = 0;
    let done = 0;
    for (;;) {
      const rows = read.all(afterId, batchSize) as IndexedRow[];
      if (rows.length === 0) break;
      store(rows);
      afterId = rows[rows.length - 1]!.id;
      done += rows.length;
      options.onProgress?.(done);
    }
    sqlite.exec(`UPDATE "Complaint" SET duplicateCheckedAt = COALESCE(duplicateCheckedAt, createdAt)`);
    // Merge the FTS5 segments, as a long-running index ends up after its automatic merges.
    sqlite.exec(`INSERT INTO "ComplaintSearch" ("ComplaintSearch") VALUES ('optimize')`);
    sqlite.exec("ANALYZE");
    sqlite.pragma("journal_mode = WAL");
    return done;
  } finally {
    sqlite.close();
  }
}

/** A stored complaint as the index reads it (complaint, Pemda code, reporter). */
type IndexedRow = { id: number; regionId: number; regionCode: string; unitId: number | null; unitName: string | null; subject: string; description: string; incidentDate: string; category: string | null; name: string | null; nik: string | null; phone: string | null; email: string | null };

function groupUnits(units: Array<StoredUnit & { regionId: number }>): Map<number, StoredUnit[]> {
  const unitsByRegion = new Map<number, StoredUnit[]>();
  for (const unit of units) unitsByRegion.set(unit.regionId, [...(unitsByRegion.get(unit.regionId) ?? []), unit]);
  return unitsByRegion;
}

/** What indexComplaints writes for one complaint: its profile, identity keys and search tokens. */
function indexEntriesOf(row: IndexedRow, unitsByRegion: ReadonlyMap<number, StoredUnit[]>, secret: string) {
  const reporter = row.name === null ? null : { name: row.name, nik: row.nik, phone: row.phone, email: row.email };
  const profile = buildMatchingProfile(toComplaintForMatching({ ...row, reporter }, unitsByRegion.get(row.regionId) ?? []), secret);
  return { profile, keys: identityKeys(profile), tokens: searchTokensOf(row.regionId, profile) };
}

/**
 * storeDuplicateIndex for a database of either kind, by its DATABASE_URL: on PostgreSQL the same
 * rows through `pg` (a few thousand per statement, the search tokens as a text[] with its GIN
 * index), secondary indexes built after the load.
 */
export async function storeDuplicateIndexAt(databaseUrl: string, secret: string, options: { batchSize?: number } = {}): Promise<number> {
  if (!isPostgresqlUrl(databaseUrl)) return storeDuplicateIndex(databaseUrl.replace(/^file:/, ""), secret, options);
  const batchSize = options.batchSize ?? 10_000;
  const client = await openPostgresqlLoader(databaseUrl);
  try {
    const units = (await client.query<StoredUnit & { regionId: number }>(`SELECT id, "regionId", name, kind, aliases FROM "Unit"`)).rows;
    const unitsByRegion = groupUnits(units);
    const createdAt = new Date().toISOString();
    const rebuildIndexes = await withoutPostgresqlIndexes(client, ["ComplaintMatchProfile", "ComplaintIdentityKey", "ComplaintSearch"]);
    let afterId = 0;
    let done = 0;
    try {
      for (;;) {
        const { rows } = await client.query<IndexedRow>(
          `SELECT c.id, c."regionId", r.code AS "regionCode", c."unitId", c."unitName", c.subject, c.description, c."incidentDate", c.category,
                  p.name, p.nik, p.phone, p.email
             FROM "Complaint" c JOIN "Region" r ON r.id = c."regionId" LEFT JOIN "Reporter" p ON p."complaintId" = c.id
            WHERE c.id > $1 ORDER BY c.id LIMIT $2`,
          [afterId, batchSize],
        );
        if (rows.length === 0) break;
        const profiles: unknown[][] = [[], [], [], [], [], []];
        const keys: unknown[][] = [[], [], [], [], []];
        const search: unknown[][] = [[], []];
        for (const row of rows) {
          const entries = indexEntriesOf(row, unitsByRegion, secret);
          for (const [i, value] of [row.id, row.regionId, entries.profile.unitId, row.incidentDate, JSON.stringify(entries.profile), entries.profile.version].entries()) profiles[i]!.push(value);
          for (const key of entries.keys) for (const [i, value] of [row.id, key.kind, key.digest, row.regionId, row.incidentDate].entries()) keys[i]!.push(value);
          if (entries.tokens.length) {
            search[0]!.push(row.id);
            search[1]!.push(entries.tokens.join(" "));
          }
        }
        await client.query(
          `INSERT INTO "ComplaintMatchProfile" ("complaintId", "regionId", "unitId", "incidentDate", profile, version, "createdAt")
           SELECT u.*, $7::timestamp(3) FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::int[]) AS u`,
          [...profiles, createdAt],
        );
        await client.query(`INSERT INTO "ComplaintIdentityKey" ("complaintId", kind, "keyHash", "regionId", "incidentDate") SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[])`, keys);
        await client.query(`INSERT INTO "ComplaintSearch" ("complaintId", tokens) SELECT id, string_to_array(t, ' ') FROM unnest($1::int[], $2::text[]) AS u(id, t)`, search);
        afterId = rows[rows.length - 1]!.id;
        done += rows.length;
      }
    } finally {
      await rebuildIndexes();
    }
    await client.query(`UPDATE "Complaint" SET "duplicateCheckedAt" = COALESCE("duplicateCheckedAt", "createdAt")`);
    await client.query(`ANALYZE "Complaint", "ComplaintMatchProfile", "ComplaintIdentityKey", "ComplaintSearch"`);
    return done;
  } finally {
    await client.end();
  }
}
