/**
 * The columns of an Inspektorat register file (CSV). Each has one Indonesian name, which the
 * template uses, and aliases (English and the spellings registers use in practice). Headers are
 * compared after `normalizeHeader`, so "Nomor Register", "NOMOR_REGISTER" and "nomor-register"
 * are the same column. Their meaning, per language, is in the locale files under
 * `register_import.columns.<header>`.
 */
export const REGISTER_COLUMNS = [
  { key: "externalRef", header: "nomor_register", aliases: ["no_register", "nomor_registrasi", "no_registrasi", "no_reg", "register_number", "register_no", "external_ref"], isRequired: true },
  { key: "receivedDate", header: "tanggal_diterima", aliases: ["tanggal_terima", "tgl_diterima", "tgl_terima", "received_date", "received_at"], isRequired: true },
  { key: "regionCode", header: "kode_wilayah", aliases: ["kode_pemda", "kode_daerah", "region_code"], isRequired: false },
  { key: "unit", header: "unit_layanan", aliases: ["unit", "nama_unit", "terlapor", "unit_id", "unit_name", "service_unit"], isRequired: true },
  { key: "reporterName", header: "nama_pelapor", aliases: ["pelapor", "nama", "reporter_name"], isRequired: true },
  { key: "nik", header: "nik", aliases: ["nik_pelapor", "reporter_nik"], isRequired: false },
  { key: "phone", header: "telepon", aliases: ["no_telepon", "nomor_telepon", "no_hp", "nomor_hp", "hp", "phone", "reporter_phone"], isRequired: false },
  { key: "email", header: "email", aliases: ["surel", "e_mail", "reporter_email"], isRequired: false },
  { key: "address", header: "alamat", aliases: ["alamat_pelapor", "address", "reporter_address"], isRequired: false },
  { key: "confidentiality", header: "kerahasiaan", aliases: ["identitas", "kerahasiaan_identitas", "confidentiality"], isRequired: false },
  { key: "subject", header: "judul", aliases: ["perihal", "pokok_pengaduan", "subject"], isRequired: true },
  { key: "description", header: "uraian", aliases: ["isi_pengaduan", "uraian_pengaduan", "description"], isRequired: true },
  { key: "incidentDate", header: "tanggal_kejadian", aliases: ["tgl_kejadian", "incident_date"], isRequired: true },
  { key: "category", header: "kategori", aliases: ["kategori_maladministrasi", "jenis_maladministrasi", "category"], isRequired: false },
  { key: "priorMade", header: "pengaduan_sebelumnya", aliases: ["sudah_mengadu", "prior_complaint"], isRequired: false },
  { key: "priorTo", header: "pengaduan_sebelumnya_kepada", aliases: ["mengadu_kepada", "prior_complaint_to"], isRequired: false },
  { key: "priorDate", header: "tanggal_pengaduan_sebelumnya", aliases: ["tgl_pengaduan_sebelumnya", "prior_complaint_date"], isRequired: false },
  { key: "priorResponse", header: "tanggapan_sebelumnya", aliases: ["jawaban_sebelumnya", "prior_complaint_response"], isRequired: false },
  { key: "registerStatus", header: "status", aliases: ["status_register", "register_status"], isRequired: false },
] as const;

export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];
export type ColumnKey = RegisterColumn["key"];

/** A header as people type it, reduced to lower-case words joined by "_" ("No. Register" → "no_register"). */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const columnByName = new Map<string, RegisterColumn>(REGISTER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((name) => [name, c] as const)));

export interface HeaderLayout {
  /** Number of fields in the header row. */
  width: number;
  /** Field index in each record → column key. */
  indexes: Array<[number, ColumnKey]>;
  /** Column key → the header exactly as the file wrote it (reasons name the column the way the user knows it). */
  headerOf: Partial<Record<ColumnKey, string>>;
  /** Headers no column matched (their values are ignored). */
  ignored: string[];
  /** Problems that make the file unusable: locale key and params. */
  problems: Array<{ messageKey: string; params?: Record<string, unknown> }>;
}

/**
 * Matches a file's header row to the register columns. `hasRegion` says whether the Pemda is
 * known without a region column (a focal point's own, or one chosen for the whole file).
 */
export function readHeader(headers: string[], options: { hasRegion: boolean }): HeaderLayout {
  const layout: HeaderLayout = { width: headers.length, indexes: [], headerOf: {}, ignored: [], problems: [] };
  const seen = new Map<ColumnKey, string[]>();
  headers.forEach((raw, index) => {
    const header = raw.trim();
    const column = columnByName.get(normalizeHeader(header));
    if (!column) {
      if (header) layout.ignored.push(header);
      return;
    }
    seen.set(column.key, [...(seen.get(column.key) ?? []), header]);
    if (layout.headerOf[column.key] === undefined) {
      layout.headerOf[column.key] = header;
      layout.indexes.push([index, column.key]);
    }
  });
  for (const [key, names] of seen) {
    if (names.length > 1) layout.problems.push({ messageKey: "register_import.errors.duplicate_columns", params: { column: headerName(key), headers: names.join(", ") } });
  }
  const missing: string[] = REGISTER_COLUMNS.filter((c) => c.isRequired && !seen.has(c.key)).map((c) => c.header);
  // Either contact column will do; one list names everything missing (a form shows one message per field).
  if (!seen.has("phone") && !seen.has("email")) missing.push(`${headerName("phone")}/${headerName("email")}`);
  if (missing.length) layout.problems.push({ messageKey: "register_import.errors.missing_columns", params: { columns: missing.join(", ") } });
  if (!options.hasRegion && !seen.has("regionCode")) layout.problems.push({ messageKey: "register_import.errors.missing_region_column" });
  return layout;
}

/** The canonical (Indonesian) name of a column. */
export function headerName(key: ColumnKey): string {
  return REGISTER_COLUMNS.find((c) => c.key === key)!.header;
}

/**
 * The separator of a CSV file from its header line: ";" when it has more semicolons than commas
 * outside quotes (Excel in an Indonesian locale writes ";", since "," is the decimal comma), else ",".
 */
export function delimiterOf(headerLine: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let isQuoted = false;
  for (const char of headerLine) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && char === ";") semicolons++;
    else if (!isQuoted && char === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}
