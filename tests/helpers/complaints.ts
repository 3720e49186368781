import { civilDateIn } from "../../src/complaints/intake-rules.js";

/** A date `days` before today in WITA, as the form expects it. */
export function daysAgo(days: number, now = new Date()): string {
  return civilDateIn("Asia/Makassar", new Date(now.getTime() - days * 24 * 3600_000));
}

/** A complete, valid complaint as the JSON API takes it; override what a test is about. */
export function complaintBody(overrides: Record<string, unknown> = {}) {
  const { reporter, ...rest } = overrides as { reporter?: Record<string, unknown> };
  return {
    reporter: { name: "Yohanes Bere", nik: "5301011203850001", phone: "0812-3456-7890", email: "yohanes.bere@contoh.id", confidentiality: "confidential", ...(reporter ?? {}) },
    regionCode: "53.01",
    unitName: "Dinas Kependudukan dan Pencatatan Sipil",
    subject: "KTP elektronik belum dicetak",
    description: "Saya sudah merekam KTP elektronik di kantor Dukcapil Oelamasi tiga bulan lalu tetapi sampai sekarang belum dicetak.",
    incidentDate: daysAgo(30),
    priorComplaint: { made: true, to: "unit", date: daysAgo(20), response: "Disuruh menunggu blanko" },
    ...rest,
  };
}

/** The same complaint as web form fields (bracket names, as the browser sends them). */
export function complaintFormFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    "reporter[name]": "Maria Goreti Seran",
    "reporter[nik]": "",
    "reporter[phone]": "081234567891",
    "reporter[email]": "maria.seran@contoh.id",
    "reporter[address]": "Oelamasi",
    "reporter[confidentiality]": "confidential",
    regionCode: "53.01",
    unitId: "",
    unitName: "",
    subject: "Pungutan untuk akta kelahiran",
    description: "Petugas loket meminta uang Rp100.000 untuk mempercepat akta kelahiran anak saya, padahal pelayanannya gratis.",
    incidentDate: daysAgo(10),
    category: "permintaan_imbalan",
    isBeforeCourt: "no",
    "priorComplaint[made]": "no",
    "priorComplaint[to]": "",
    "priorComplaint[date]": "",
    "priorComplaint[response]": "",
    ...overrides,
  };
}
