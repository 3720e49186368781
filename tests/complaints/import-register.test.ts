import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toCurrentUser } from "../../src/accounts/current-user.js";
import { verifyAuditChain } from "../../src/audit/verify-audit-chain.js";
import { importRegister, type RegisterImportReport } from "../../src/complaints/import-register.js";
import { importReportLines } from "../../src/complaints/import-report.js";
import { config } from "../../src/config.js";
import { db } from "../../src/db.js";
import { ValidationError, type DomainError } from "../../src/http/errors.js";
import { translator } from "../../src/i18n/index.js";
import { projectRoot } from "../../src/paths.js";
import { buildUser } from "../factories.js";

const fixture = (name: string) => path.join(projectRoot, "tests", "fixtures", "registers", name);
let written = 0;

/** Writes a register file for one test (in this test file's own data directory). */
function registerFile(lines: string[], options: { bom?: boolean; eol?: string } = {}) {
  const file = path.join(config.dataDir, `register-${++written}.csv`);
  fs.writeFileSync(file, (options.bom ? "\uFEFF" : "") + lines.join(options.eol ?? "\n") + (options.eol ?? "\n"));
  return file;
}

const HEADER = "nomor_register,tanggal_diterima,kode_wilayah,unit_layanan,nama_pelapor,telepon,judul,uraian,tanggal_kejadian";
const row = (ref: string, overrides: Partial<Record<"received" | "region" | "unit" | "name" | "phone" | "subject" | "description" | "incident", string>> = {}) =>
  [
    ref,
    overrides.received ?? "2025-07-01",
    overrides.region ?? "53.01",
    overrides.unit ?? "Dinas Sosial",
    overrides.name ?? "Paulus Tefa",
    overrides.phone ?? "081234567893",
    overrides.subject ?? "Bantuan sosial dipotong",
    overrides.description ?? "Bantuan sosial yang saya terima dipotong petugas tanpa penjelasan.",
    overrides.incident ?? "2025-06-01",
  ].join(",");

async function focalPoint(regionCode = "53.01", office: "inspektorat" | "organisasi" = "inspektorat") {
  return toCurrentUser(await buildUser({ role: "focal_point", regionCode, office }));
}

/** The refused rows as "line: column: message key", the way a person reads the report. */
function refusals(report: RegisterImportReport) {
  return report.refusedRows.flatMap((r) => r.problems.map((p) => `${r.line}: ${p.column ?? "-"}: ${p.messageKey}`));
}

describe("importing an Inspektorat's register", () => {
  it("imports the good rows and refuses the others with their line, column and reason", async () => {
    const user = await focalPoint();
    const report = await importRegister({ filePath: fixture("kupang-mixed.csv"), fileName: "kupang-mixed.csv", desk: "inspektorat", importedBy: user });

    expect(report).toMatchObject({ rowCount: 9, importedCount: 4, alreadyPresentCount: 0, refusedCount: 5, regionCode: "53.01", delimiter: ",", readProblem: null });
    expect(refusals(report)).toEqual([
      "4: nik: errors.nik_format",
      "5: nomor_register: errors.required",
      "6: tanggal_kejadian: register_import.errors.incident_too_old",
      "7: kode_wilayah: register_import.errors.other_region",
      "8: nomor_register: register_import.errors.duplicate_in_file",
    ]);
    const tooOld = report.refusedRows.find((r) => r.line === 6)!.problems[0]!;
    expect(translator("id")(tooOld.messageKey, tooOld.params)).toContain("2023-06-10 terjadi 2 tahun atau lebih sebelum pengaduan diterima (2025-06-10)");
    expect(report.refusedRows.find((r) => r.line === 8)!.problems[0]!.params).toEqual({ ref: "INSP-KPG/2025/001", line: 2 });

    const stored = await db.complaint.findMany({ where: { channel: "inspektorat_register", externalRef: { startsWith: "INSP-" } }, include: { reporter: true, unit: true }, orderBy: { externalRef: "asc" } });
    expect(stored.map((c) => c.externalRef)).toEqual(["INSP-KPG/2025/001", "INSP-KPG/2025/002", "INSP-KPG/2025/005", "INSP-KPG/2025/006"]);
    const [dukcapil, puskesmas, multiLine, dpmptsp] = stored;
    expect(dukcapil).toMatchObject({ desk: "inspektorat", status: "received", accessCodeHash: null, unitName: null, category: "penundaan_berlarut", hasPriorComplaint: true, priorComplaintTo: "unit", createdById: user.id });
    expect(dukcapil!.unit?.kind).toBe("DUKCAPIL");
    expect(dukcapil!.receivedAt.toISOString()).toBe("2025-06-09T16:00:00.000Z"); // midnight WITA
    expect(dukcapil!.reporter).toMatchObject({ name: "Yohanes Bere", nik: "5301011203850001", phone: "+6281234567890", confidentiality: "confidential" });
    expect(puskesmas).toMatchObject({ unitId: null, unitName: "Puskesmas Oesao", category: "permintaan_imbalan", hasPriorComplaint: false });
    expect(puskesmas!.reporter?.confidentiality).toBe("anonymous");
    expect(multiLine!.description).toBe("Antrean di loket sangat panjang,\npetugas datang terlambat setiap hari.");
    expect(dpmptsp!.unit?.kind).toBe("DPMPTSP");
    expect(dpmptsp!.incidentDate).toBe("2025-04-15");
  });

  it("changes nothing when the same file is imported again", async () => {
    const user = await focalPoint();
    await importRegister({ filePath: fixture("kupang-mixed.csv"), fileName: "kupang-mixed.csv", desk: "inspektorat", importedBy: user });
    const before = await db.complaint.findMany({ where: { channel: "inspektorat_register" }, orderBy: { id: "asc" } });
    const events = await db.auditEvent.count({ where: { stream: { startsWith: "complaint:" } } });

    const again = await importRegister({ filePath: fixture("kupang-mixed.csv"), fileName: "kupang-mixed.csv", desk: "inspektorat", importedBy: user, chunkSize: 2 });

    expect(again).toMatchObject({ rowCount: 9, importedCount: 0, alreadyPresentCount: 4, refusedCount: 5 });
    expect(await db.complaint.findMany({ where: { channel: "inspektorat_register" }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { stream: { startsWith: "complaint:" } } })).toBe(events);
  });

  it("reads semicolons, a BOM, Windows line ends, DD/MM/YYYY dates, Indonesian labels and other column names", async () => {
    const report = await importRegister({ filePath: fixture("semicolon-bom.csv"), fileName: "semicolon-bom.csv", desk: "inspektorat", importedBy: await focalPoint() });

    expect(report).toMatchObject({ delimiter: ";", rowCount: 2, importedCount: 2, refusedCount: 0, ignoredColumns: ["Keterangan"] });
    const [health, education] = await db.complaint.findMany({ where: { externalRef: { in: ["053/ITDA/VI/2025", "054/ITDA/VI/2025"] } }, include: { reporter: true, unit: true }, orderBy: { externalRef: "asc" } });
    expect(health).toMatchObject({ incidentDate: "2025-05-15", category: "penundaan_berlarut", hasPriorComplaint: true, priorComplaintTo: "superior", priorComplaintDate: "2025-05-20" });
    expect(health!.receivedAt.toISOString()).toBe("2025-06-01T16:00:00.000Z");
    expect(health!.unit?.kind).toBe("KESEHATAN");
    expect(health!.reporter).toMatchObject({ name: "Yohanis Bere", nik: "5301011203850001", phone: "+6281234567890", address: "Jl. Timor Raya, Oelamasi", confidentiality: "public" });
    expect(education).toMatchObject({ incidentDate: "2025-04-01", category: "penyalahgunaan_wewenang", hasPriorComplaint: false });
    expect(education!.receivedAt.toISOString()).toBe("2025-06-02T16:00:00.000Z");
    expect(education!.unit?.kind).toBe("PENDIDIKAN");
  });

  it("lets an administrator import every Pemda's rows, and keeps a register number used by another Pemda from being mistaken for this one", async () => {
    const admin = toCurrentUser(await buildUser({ role: "admin" }));
    const tts = await importRegister({ filePath: registerFile([HEADER, row("REG-7", { region: "53.02" })]), fileName: "tts.csv", desk: "inspektorat", importedBy: admin });
    expect(tts.importedCount).toBe(1);

    const kupang = await importRegister({ filePath: registerFile([HEADER, row("REG-7")]), fileName: "kupang.csv", desk: "inspektorat", importedBy: await focalPoint() });
    expect(refusals(kupang)).toEqual(["2: nomor_register: register_import.errors.ref_taken"]);
    expect(kupang.refusedRows[0]!.problems[0]!.params).toMatchObject({ ref: "REG-7", code: "53.02" });
  });

  it("refuses a unit id of another Pemda and keeps an unknown unit name as written", async () => {
    const otherUnit = await db.unit.findFirstOrThrow({ where: { region: { code: "53.02" } } });
    const ownUnit = await db.unit.findFirstOrThrow({ where: { region: { code: "53.01" }, kind: "SOSIAL" } });
    const report = await importRegister({
      filePath: registerFile([HEADER, row("U-1", { unit: String(otherUnit.id) }), row("U-2", { unit: String(ownUnit.id) }), row("U-3", { unit: "UPT Puskesmas Baumata" })]),
      fileName: "units.csv",
      desk: "inspektorat",
      importedBy: await focalPoint(),
    });
    expect(refusals(report)).toEqual(["2: unit_layanan: register_import.errors.unit_not_in_region"]);
    expect(await db.complaint.findFirst({ where: { externalRef: "U-2" }, select: { unitId: true, unitName: true } })).toEqual({ unitId: ownUnit.id, unitName: null });
    expect(await db.complaint.findFirst({ where: { externalRef: "U-3" }, select: { unitId: true, unitName: true } })).toEqual({ unitId: null, unitName: "UPT Puskesmas Baumata" });
  });

  it("lists every problem of a row, each with the column named as the file names it", async () => {
    const file = registerFile(["No. Register,Tanggal Diterima,Kode Wilayah,Unit Layanan,Nama Pelapor,Telepon,Judul,Uraian,Tanggal Kejadian", row("P-1", { received: "31/02/2025", phone: "12", subject: "Hai", name: "" })]);
    const report = await importRegister({ filePath: file, fileName: "p.csv", desk: "inspektorat", importedBy: await focalPoint() });
    expect(refusals(report)).toEqual([
      "2: Tanggal Diterima: register_import.errors.date_format",
      "2: Nama Pelapor: errors.required",
      "2: Telepon: errors.phone_format",
      "2: Judul: errors.subject_too_short",
    ]);
    const lines = importReportLines(report, translator("en"));
    expect(lines).toContain("    column Tanggal Diterima: Date \"31/02/2025\" not recognised. Write YYYY-MM-DD (2026-03-02) or DD/MM/YYYY (02/03/2026).");
  });

  it("refuses an event after the received date and a received date in the future", async () => {
    const report = await importRegister({
      filePath: registerFile([HEADER, row("D-1", { received: "2025-07-01", incident: "2025-07-02" }), row("D-2", { received: "2999-01-01", incident: "2998-12-01" })]),
      fileName: "d.csv",
      desk: "inspektorat",
      importedBy: await focalPoint(),
    });
    expect(refusals(report)).toEqual(["2: tanggal_kejadian: register_import.errors.incident_after_received", "3: tanggal_diterima: errors.received_in_future"]);
  });

  it("refuses a row whose values overflow the header, since its columns have shifted", async () => {
    const report = await importRegister({
      filePath: registerFile([HEADER, row("S-1", { description: "Petugas datang terlambat, loket tutup siang" }), row("S-2") + ",,"]),
      fileName: "s.csv",
      desk: "inspektorat",
      importedBy: await focalPoint(),
    });
    expect(refusals(report)).toEqual(["2: -: register_import.errors.extra_fields"]);
    expect(report.importedCount).toBe(1); // trailing empty fields are harmless
  });

  it("stops at a broken quote, keeps what it read before and says where", async () => {
    const report = await importRegister({
      filePath: registerFile([HEADER, row("Q-1"), row("Q-2", { description: '"Uraian tanpa tanda kutip penutup' })]),
      fileName: "q.csv",
      desk: "inspektorat",
      importedBy: await focalPoint(),
    });
    expect(report.importedCount).toBe(1);
    expect(report.readProblem).toMatchObject({ messageKey: "register_import.errors.unreadable", line: 3 });
  });

  it("refuses a file without its required columns before reading any row", async () => {
    const attempt = importRegister({ filePath: registerFile(["nomor_register,judul,nama", "X-1,Judul,Nama"]), fileName: "x.csv", desk: "inspektorat", importedBy: await focalPoint() });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    const issues = await attempt.then(() => [], (e: ValidationError) => e.issues);
    expect(issues.map((i) => i.messageKey)).toEqual(["register_import.errors.missing_columns"]);
    expect(issues[0]!.params).toEqual({ columns: "tanggal_diterima, unit_layanan, uraian, tanggal_kejadian, telepon/email" });
    expect(await db.complaint.count({ where: { externalRef: "X-1" } })).toBe(0);
  });

  it("needs the Pemda of every row when no register Pemda is set", async () => {
    const admin = toCurrentUser(await buildUser({ role: "admin" }));
    const withoutRegion = registerFile(["nomor_register,tanggal_diterima,unit_layanan,nama_pelapor,telepon,judul,uraian,tanggal_kejadian", "R-1,2025-07-01,Dinas Sosial,Paulus,081234567893,Judul aduan,Uraian aduan yang cukup panjang.,2025-06-01"]);
    await expect(importRegister({ filePath: withoutRegion, fileName: "r.csv", desk: "inspektorat", importedBy: admin })).rejects.toBeInstanceOf(ValidationError);
    const report = await importRegister({ filePath: withoutRegion, fileName: "r.csv", desk: "inspektorat", regionCode: "53.03", importedBy: admin });
    expect(report.importedCount).toBe(1);
    expect(await db.complaint.findFirst({ where: { externalRef: "R-1" }, select: { region: { select: { code: true } } } })).toEqual({ region: { code: "53.03" } });
  });

  it("records who imported what: an audit entry per complaint and one for the import, in an intact chain", async () => {
    const user = await focalPoint();
    const file = registerFile([`${HEADER},status`, `${row("AU-1")},Selesai`, `${row("AU-2")},`, `${row("AU-3")},Dalam proses`, `${row("")},`]);
    const report = await importRegister({ filePath: file, fileName: "audit.csv", desk: "inspektorat", importedBy: user, chunkSize: 2 });
    const complaint = await db.complaint.findFirstOrThrow({ where: { externalRef: "AU-1" } });
    const events = await db.auditEvent.findMany({ where: { stream: `complaint:${complaint.id}` } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ seq: 1, action: "complaint.received", actorKind: "user", actorUserId: user.id, isPublic: true, prevHash: null });
    expect(events[0]!.data).toEqual({ channel: "inspektorat_register", desk: "inspektorat", regionCode: "53.01", files: 0, externalRef: "AU-1", importId: report.importId, importedBy: user.id, registerStatus: "Selesai" });
    const [imported] = await db.auditEvent.findMany({ where: { stream: `import:${report.importId}` } });
    expect(imported).toMatchObject({ action: "register.imported", actorUserId: user.id });
    expect(imported!.data).toMatchObject({ fileName: "audit.csv", rows: 4, imported: 3, alreadyPresent: 0, refused: 1, isComplete: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await verifyAuditChain()).toMatchObject({ isIntact: true });
  });

  it("writes its timestamps in the same format as every other complaint", async () => {
    await importRegister({ filePath: registerFile([HEADER, row("T-1")]), fileName: "t.csv", desk: "inspektorat", importedBy: await focalPoint() });
    if (config.databaseProvider === "postgresql") {
      // Typed timestamp columns: nothing to get wrong in the text, check the instant.
      expect((await db.complaint.findFirstOrThrow({ where: { externalRef: "T-1" } })).receivedAt.toISOString()).toBe("2025-06-30T16:00:00.000Z");
      return;
    }
    const [stored] = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "Complaint" WHERE "externalRef" = 'T-1'`);
    const [raw] = await db.$queryRawUnsafe<Array<Record<string, string | null>>>(
      `SELECT ${Object.keys(stored!).map((c) => `CAST("${c}" AS TEXT) AS "${c}"`).join(", ")} FROM "Complaint" WHERE "externalRef" = 'T-1'`,
    );
    // A column the database filled with its own CURRENT_TIMESTAMP would read "2026-01-01 10:00:00".
    for (const value of Object.values(raw!)) expect(value ?? "").not.toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(raw!.receivedAt).toBe("2025-06-30T16:00:00.000+00:00");
  });

  it("lets only administrators and the Inspektorat's focal points import, each focal point for their own Pemda", async () => {
    const file = registerFile([HEADER, row("A-1")]);
    const attempt = async (user: Awaited<ReturnType<typeof focalPoint>>, regionCode?: string) =>
      importRegister({ filePath: file, fileName: "a.csv", desk: "inspektorat", importedBy: user, regionCode }).then(
        () => "allowed",
        (e: DomainError) => e.code,
      );
    expect(await attempt(toCurrentUser(await buildUser({ role: "assistant" })))).toBe("forbidden");
    expect(await attempt(toCurrentUser(await buildUser({ role: "auditor" })))).toBe("forbidden");
    expect(await attempt(await focalPoint("53.01", "organisasi"))).toBe("forbidden");
    expect(await attempt(await focalPoint("53.01"), "53.02")).toBe("forbidden");
    expect(await db.complaint.count({ where: { externalRef: "A-1" } })).toBe(0);
    expect(await attempt(await focalPoint("53.01"))).toBe("allowed");
  });

  it("imports only into the Inspektorat's desk", async () => {
    const attempt = importRegister({ filePath: registerFile([HEADER, row("O-1")]), fileName: "o.csv", desk: "ombudsman", importedBy: null });
    await expect(attempt).rejects.toMatchObject({ issues: [{ path: "desk", messageKey: "register_import.errors.desk_inspektorat_only" }] });
  });
});
