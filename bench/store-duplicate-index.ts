import Database from "better-sqlite3";
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
    const unitsByRegion = new Map<number, StoredUnit[]>();
    for (const unit of units) unitsByRegion.set(unit.regionId, [...(unitsByRegion.get(unit.regionId) ?? []), unit]);
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
    type Row = { id: number; regionId: number; regionCode: string; unitId: number | null; unitName: string | null; subject: string; description: string; incidentDate: string; category: string | null; name: string | null; nik: string | null; phone: string | null; email: string | null };
    const store = sqlite.transaction((rows: Row[]) => {
      for (const row of rows) {
        const reporter = row.name === null ? null : { name: row.name, nik: row.nik, phone: row.phone, email: row.email };
        const profile = buildMatchingProfile(toComplaintForMatching({ ...row, reporter }, unitsByRegion.get(row.regionId) ?? []), secret);
        insertProfile.run(row.id, row.regionId, profile.unitId, row.incidentDate, JSON.stringify(profile), profile.version, createdAt);
        for (const key of identityKeys(profile)) insertKey.run(row.id, key.kind, key.digest, row.regionId, row.incidentDate);
        const tokens = searchTokensOf(row.regionId, profile);
        if (tokens.length) insertTokens.run(row.id, tokens.join(" "));
      }
    });
    let afterId = 0;
    let done = 0;
    for (;;) {
      const rows = read.all(afterId, batchSize) as Row[];
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
