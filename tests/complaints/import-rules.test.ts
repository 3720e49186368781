import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { civilDateStartAt, earliestIncidentDate, intakeDateIssues } from "../../src/complaints/intake-rules.js";
import { delimiterOf, normalizeHeader, readHeader } from "../../src/complaints/register-columns.js";
import { checkRegisterRow, normalizeWords, parseRegisterDate, registerVocabulary, type RegisterRegion, type RowContext, type RowValues } from "../../src/complaints/register-row.js";

describe("register dates", () => {
  it.each([
    ["2025-06-10", "2025-06-10"],
    ["10/06/2025", "2025-06-10"],
    ["3/6/2025", "2025-06-03"],
    ["03-06-2025", "2025-06-03"],
    ["03.06.2025", "2025-06-03"],
    [" 29/02/2024 ", "2024-02-29"],
    ["10/06/2025 00:00", "2025-06-10"],
    ["2025-06-10 00:00:00", "2025-06-10"],
    ["2025-06-10T08.30", "2025-06-10"],
  ])("reads %j as %s (day before month, as Indonesia writes it)", (value, expected) => {
    expect(parseRegisterDate(value)).toBe(expected);
  });

  it.each(["29/02/2025", "31/04/2025", "2025-13-01", "06/10/25", "2025/06/10", "10 Juni 2025", "", "45678"])("refuses %j", (value) => {
    expect(parseRegisterDate(value)).toBeNull();
  });
});

describe("register headers", () => {
  it.each([
    ["Nomor Register", "nomor_register"],
    ["  No. Register ", "no_register"],
    ["TANGGAL_DITERIMA", "tanggal_diterima"],
    ["E-mail", "e_mail"],
    ["Kode  Wilayah (Kemendagri)", "kode_wilayah_kemendagri"],
    ["Catégorie", "categorie"],
  ])("compares %j as %s", (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });

  it("finds the separator from the header line, ignoring separators inside quotes", () => {
    expect(delimiterOf("nomor_register;tanggal_diterima;judul")).toBe(";");
    expect(delimiterOf("nomor_register,tanggal_diterima,judul")).toBe(",");
    expect(delimiterOf('"a,b,c";d;e')).toBe(";");
    expect(delimiterOf('"a;b;c",d,e')).toBe(",");
    expect(delimiterOf("judul")).toBe(",");
  });

  it("matches Indonesian names and aliases, ignores unknown columns and keeps the header as written", () => {
    const layout = readHeader(["No Register", "Received Date", "Unit", "Pelapor", "Phone", "Perihal", "Description", "Incident Date", "Catatan", ""], { hasRegion: true });
    expect(layout.problems).toEqual([]);
    expect(layout.ignored).toEqual(["Catatan"]);
    expect(layout.headerOf).toMatchObject({ externalRef: "No Register", receivedDate: "Received Date", phone: "Phone", subject: "Perihal" });
    expect(layout.indexes).toContainEqual([7, "incidentDate"]);
    expect(layout.width).toBe(10);
  });

  it("names what is missing or repeated", () => {
    const layout = readHeader(["nomor_register", "no_register", "judul"], { hasRegion: false });
    expect(layout.problems).toEqual([
      { messageKey: "register_import.errors.duplicate_columns", params: { column: "nomor_register", headers: "nomor_register, no_register" } },
      { messageKey: "register_import.errors.missing_columns", params: { columns: "tanggal_diterima, unit_layanan, nama_pelapor, uraian, tanggal_kejadian, telepon/email" } },
      { messageKey: "register_import.errors.missing_region_column" },
    ]);
  });
});

describe("intake date rules", () => {
  const today = "2026-11-23";
  it.each([
    // received, incident, prior, expected paths and keys
    ["2026-03-01", "2024-03-02", null, []],
    ["2026-03-01", "2024-03-01", null, ["incidentDate:errors.incident_too_old"]],
    ["2026-03-01", "2026-03-01", null, []],
    ["2026-03-01", "2026-03-02", null, ["incidentDate:errors.incident_in_future"]],
    ["2028-02-29", "2026-02-28", null, ["receivedAt:errors.received_in_future", "incidentDate:errors.incident_too_old"]],
    ["2026-11-24", "2026-11-01", null, ["receivedAt:errors.received_in_future"]],
    ["2026-11-23", "2026-11-01", "2026-11-24", ["priorComplaint.date:errors.date_in_future"]],
    ["2026-11-23", "2026-11-01", "2026-11-23", []],
  ])("received %s, event %s, earlier complaint %s: %j", (receivedDate, incidentDate, priorComplaintDate, expected) => {
    expect(intakeDateIssues({ receivedDate, incidentDate, priorComplaintDate, today }).map((i) => `${i.path}:${i.messageKey}`)).toEqual(expected);
  });

  it("says from when an event can still be reported, leap days included", () => {
    expect(earliestIncidentDate("2026-03-01")).toBe("2024-03-02");
    expect(earliestIncidentDate("2028-02-29")).toBe("2026-03-01");
    expect(earliestIncidentDate("2026-01-01")).toBe("2024-01-02");
    expect(intakeDateIssues({ receivedDate: "2026-03-01", incidentDate: "2020-01-01", today })[0]!.params).toEqual({ earliest: "2024-03-02" });
  });

  it.each([
    ["2025-06-10", "Asia/Makassar", "2025-06-09T16:00:00.000Z"],
    ["2025-06-10", "Asia/Jakarta", "2025-06-09T17:00:00.000Z"],
    ["2025-06-10", "Asia/Jayapura", "2025-06-09T15:00:00.000Z"],
    ["2025-01-01", "UTC", "2025-01-01T00:00:00.000Z"],
    ["2025-03-30", "Europe/Berlin", "2025-03-29T23:00:00.000Z"],
    ["2025-10-26", "Europe/Berlin", "2025-10-25T22:00:00.000Z"],
    // Chile moves its clocks at midnight: on 7 September 2025 the day begins at 01:00 local time.
    ["2025-09-07", "America/Santiago", "2025-09-07T04:00:00.000Z"],
  ])("starts %s in %s at %s", (date, timeZone, expected) => {
    expect(civilDateStartAt(date, timeZone).toISOString()).toBe(expected);
  });
});

describe("one register row", () => {
  const region = (code: string, id: number): RegisterRegion => ({
    id,
    code,
    today: "2026-11-23",
    timeZone: "Asia/Makassar",
    unitByName: new Map([
      [normalizeWords("Dukcapil"), id * 10 + 1],
      [normalizeWords("Dinas Kependudukan dan Pencatatan Sipil"), id * 10 + 1],
    ]),
    unitIds: new Set([id * 10 + 1]),
  });
  const context = (overrides: Partial<RowContext> = {}): RowContext => ({
    regions: new Map([
      ["53.01", region("53.01", 1)],
      ["53.02", region("53.02", 2)],
    ]),
    registerRegionCode: "53.01",
    mayImportRegion: () => true,
    vocabulary: registerVocabulary([translator("id"), translator("en")]),
    ...overrides,
  });
  const values = (overrides: RowValues = {}): RowValues => ({
    externalRef: "REG-1",
    receivedDate: "01/07/2025",
    unit: "Dukcapil",
    reporterName: "Yohanes Bere",
    phone: "0812 3456 7890",
    subject: "KTP belum dicetak",
    description: "KTP elektronik belum dicetak sejak tiga bulan lalu.",
    incidentDate: "2025-06-01",
    ...overrides,
  });
  const problems = (outcome: ReturnType<typeof checkRegisterRow>) => (outcome.isValid ? [] : outcome.problems.map((p) => `${p.column}:${p.messageKey}`));

  it("keeps the identity confidential unless the register says otherwise", () => {
    const outcome = checkRegisterRow(values(), context());
    expect(outcome.isValid && outcome.row.input.reporter.confidentiality).toBe("confidential");
    for (const [written, expected] of [["Rahasia", "confidential"], ["ANONIM", "anonymous"], ["terbuka", "public"], ["Anonymous in public listings", "anonymous"], ["public", "public"]]) {
      const row = checkRegisterRow(values({ confidentiality: written }), context());
      expect(row.isValid && row.row.input.reporter.confidentiality).toBe(expected);
    }
    expect(problems(checkRegisterRow(values({ confidentiality: "tertutup" }), context()))).toEqual(["confidentiality:register_import.errors.confidentiality"]);
  });

  it("reads categories by key, by name in either language, or as the register's own word", () => {
    for (const [written, expected] of [["penundaan_berlarut", "penundaan_berlarut"], ["Penundaan berlarut", "penundaan_berlarut"], ["Permintaan imbalan (uang/barang/jasa)", "permintaan_imbalan"], ["Pungli", "permintaan_imbalan"], ["Discrimination", "diskriminasi"]]) {
      const row = checkRegisterRow(values({ category: written }), context());
      expect(row.isValid && row.row.input.category).toBe(expected);
    }
    expect(problems(checkRegisterRow(values({ category: "lain-lain" }), context()))).toEqual(["category:register_import.errors.category"]);
  });

  it("takes a named earlier complaint as a yes, and needs to whom when the register says yes", () => {
    const inferred = checkRegisterRow(values({ priorTo: "Atasan", priorDate: "15/06/2025" }), context());
    expect(inferred.isValid && inferred.row.input.priorComplaint).toEqual({ made: true, to: "superior", date: "2025-06-15" });
    const said = checkRegisterRow(values({ priorMade: "Belum" }), context());
    expect(said.isValid && said.row.input.priorComplaint.made).toBe(false);
    expect(problems(checkRegisterRow(values({ priorMade: "sudah" }), context()))).toEqual(["priorTo:register_import.errors.prior_to_required"]);
    expect(problems(checkRegisterRow(values({ priorMade: "mungkin" }), context()))).toEqual(["priorMade:register_import.errors.yes_no"]);
  });

  it("matches units by name or alias in any case, and keeps any other name as written", () => {
    const alias = checkRegisterRow(values({ unit: "  DUKCAPIL " }), context());
    expect(alias.isValid && [alias.row.input.unitId, alias.row.input.unitName]).toEqual([11, undefined]);
    const other = checkRegisterRow(values({ unit: "UPT Puskesmas Baumata" }), context());
    expect(other.isValid && [other.row.input.unitId, other.row.input.unitName]).toEqual([undefined, "UPT Puskesmas Baumata"]);
    expect(problems(checkRegisterRow(values({ unit: "21" }), context()))).toEqual(["unit:register_import.errors.unit_not_in_region"]);
    expect(problems(checkRegisterRow(values({ unit: "" }), context()))).toEqual(["unit:errors.required"]);
  });

  it("holds each row to the register's Pemda and to what the importer may import", () => {
    expect(problems(checkRegisterRow(values({ regionCode: "53.02" }), context()))).toEqual(["regionCode:register_import.errors.other_region"]);
    expect(problems(checkRegisterRow(values({ regionCode: "53.99" }), context()))).toEqual(["regionCode:errors.region_unknown"]);
    expect(problems(checkRegisterRow(values(), context({ registerRegionCode: null })))).toEqual(["regionCode:errors.required"]);
    expect(problems(checkRegisterRow(values({ regionCode: "53.02" }), context({ registerRegionCode: null, mayImportRegion: (id) => id === 1 })))).toEqual(["regionCode:register_import.errors.region_not_allowed"]);
    const ok = checkRegisterRow(values({ regionCode: "53.02", unit: "Dukcapil" }), context({ registerRegionCode: null }));
    expect(ok.isValid && [ok.row.region.code, ok.row.input.unitId]).toEqual(["53.02", 21]);
  });

  it("needs a register number, a received date, a contact and the complaint itself", () => {
    expect(problems(checkRegisterRow({}, context()))).toEqual([
      "externalRef:errors.required",
      "receivedDate:errors.required",
      "incidentDate:errors.required",
      "reporterName:errors.required",
      "email:register_import.errors.contact_required",
      "subject:errors.required",
      "description:errors.required",
      "unit:errors.required",
    ]);
    expect(problems(checkRegisterRow(values({ externalRef: "x".repeat(101) }), context()))).toEqual(["externalRef:errors.too_long"]);
  });

  it("refuses an event two years or more before the register received it, whatever today is", () => {
    expect(problems(checkRegisterRow(values({ receivedDate: "2019-05-02", incidentDate: "2017-05-02" }), context()))).toEqual(["incidentDate:register_import.errors.incident_too_old"]);
    expect(checkRegisterRow(values({ receivedDate: "2019-05-02", incidentDate: "2017-05-03" }), context()).isValid).toBe(true);
  });
});
