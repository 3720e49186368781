import { describe, expect, it } from "vitest";
import { countProblems, fileProblems, hasPeoplesData, keyCheck, keyWarnings, restoreRefusals } from "../../src/backup/backup-rules.js";
import { manifestSchema } from "../../src/backup/manifest.js";

const sha = (c: string) => c.repeat(64);
const database = (overrides: Partial<{ provider: "sqlite" | "postgresql"; migrations: string[] }> = {}) => ({
  database: { provider: overrides.provider ?? "sqlite", file: "database.sqlite", migration: "0002_b", migrations: overrides.migrations ?? ["0001_a", "0002_b"], tables: { Complaint: 3 } },
});
const seeded = { Region: 23, Unit: 161, Complaint: 0, User: 0, AuditEvent: 0 };

describe("fileProblems", () => {
  const listed = [
    { path: "database.sqlite", sizeBytes: 10, sha256: sha("a") },
    { path: "uploads/2026/11/x", sizeBytes: 5, sha256: sha("b") },
  ];

  it("finds nothing wrong when every listed file is there with its size and checksum", () => {
    expect(fileProblems(listed, [...listed].reverse())).toEqual([]);
  });

  it("names a changed, a resized, a missing and an unlisted file", () => {
    expect(fileProblems(listed, [{ ...listed[0]!, sha256: sha("c") }, { path: "uploads/extra", sizeBytes: 1, sha256: sha("d") }])).toEqual([
      "database.sqlite: checksum does not match the manifest",
      "uploads/2026/11/x: missing",
      "uploads/extra: not listed in the manifest",
    ]);
    expect(fileProblems(listed, [listed[0]!, { ...listed[1]!, sizeBytes: 6 }])).toEqual(["uploads/2026/11/x: 6 bytes, the manifest says 5"]);
  });
});

describe("restoreRefusals", () => {
  const base = { provider: "sqlite" as const, codeMigrations: ["0001_a", "0002_b", "0003_c"], targetTables: null, targetUploadCount: 0, force: false };

  it("accepts an older backup onto a new, never-migrated database", () => {
    expect(restoreRefusals({ ...base, manifest: database() })).toEqual([]);
  });

  it("accepts a database that holds only the seeded reference data without --force", () => {
    expect(restoreRefusals({ ...base, manifest: database(), targetTables: seeded })).toEqual([]);
  });

  it("refuses a backup with a migration the code does not have", () => {
    const refusals = restoreRefusals({ ...base, manifest: database({ migrations: ["0001_a", "0004_d"] }) });
    expect(refusals).toEqual([{ code: "newer_migration", detail: expect.stringContaining("(0004_d)") }]);
  });

  it("refuses a backup of the other database provider", () => {
    expect(restoreRefusals({ ...base, manifest: database({ provider: "postgresql" }) }).map((r) => r.code)).toEqual(["provider_mismatch"]);
  });

  it("refuses complaints, accounts, audit entries or files already present, unless forced", () => {
    const target = { ...base, manifest: database(), targetTables: { ...seeded, User: 1 }, targetUploadCount: 2 };
    expect(restoreRefusals(target)).toEqual([
      { code: "target_not_empty", detail: "the database holds 0 Complaint, 1 User, 0 AuditEvent rows; the upload directory holds 2 files: add --force to replace them" },
    ]);
    expect(restoreRefusals({ ...target, force: true })).toEqual([]);
    expect(restoreRefusals({ ...base, manifest: database(), targetUploadCount: 1 }).map((r) => r.code)).toEqual(["target_not_empty"]);
  });

  it("never lets --force restore a newer backup", () => {
    expect(restoreRefusals({ ...base, manifest: database({ migrations: ["0009_z"] }), force: true }).map((r) => r.code)).toEqual(["newer_migration"]);
  });
});

describe("hasPeoplesData and countProblems", () => {
  it("counts complaints, staff accounts and audit entries as people's data, reference data not", () => {
    expect(hasPeoplesData(null)).toBe(false);
    expect(hasPeoplesData(seeded)).toBe(false);
    expect(hasPeoplesData({ ...seeded, AuditEvent: 1 })).toBe(true);
  });

  it("names every table whose count differs from the manifest's, and every table gone", () => {
    expect(countProblems({ Complaint: 3, Attachment: 4, Holiday: 53 }, { Complaint: 3, Attachment: 2 })).toEqual([
      "table Attachment: 2 rows, the manifest says 4",
      "table Holiday: missing",
    ]);
  });
});

describe("the manifest", () => {
  it("accepts only paths of the database file or under uploads/, never one that climbs out", () => {
    const manifest = (path: string) => ({
      format: "penghubung-backup",
      formatVersion: 1,
      createdAt: "2026-11-23T10:00:00.000Z",
      ...database(),
      uploads: { fileCount: 1, totalBytes: 1 },
      keyChecks: { session: "0123456789abcdef", matching: "fedcba9876543210" },
      files: [{ path, sizeBytes: 1, sha256: sha("e") }],
    });
    expect(manifestSchema.safeParse(manifest("uploads/2026/11/abc")).success).toBe(true);
    for (const bad of ["uploads/../../etc/passwd", "/etc/passwd", "uploads//x", "notes.txt", "./database.sqlite"]) {
      expect(manifestSchema.safeParse(manifest(bad)).success, bad).toBe(false);
    }
  });
});

describe("keyWarnings", () => {
  const secret = "a-session-secret-of-at-least-32-characters";
  const same = { session: keyCheck(secret), matching: keyCheck(`${secret}:matching`) };

  it("says nothing when the restoring server has the backup's secrets", () => {
    expect(keyWarnings(same, { ...same })).toEqual([]);
  });

  it("warns that access codes stop working when SESSION_SECRET differs, and that the duplicate index needs a rebuild when MATCHING_SECRET does", () => {
    const warnings = keyWarnings(same, { session: keyCheck("another-secret"), matching: keyCheck("another-matching-secret") });
    expect(warnings).toEqual([expect.stringContaining("access codes"), expect.stringContaining("duplicates rebuild --all")]);
  });

  it("keeps the secret out of the check value", () => {
    expect(keyCheck(secret)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyCheck(secret)).not.toContain(secret.slice(0, 8));
  });
});
