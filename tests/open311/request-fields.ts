import { daysAgo } from "../helpers/complaints.js";

/**
 * A complete, valid Open311 service request as a civic-reporting client sends it (flat form
 * fields, attributes as attribute[code]); override what a test is about, "" to leave a field out.
 */
export function serviceRequestFields(overrides: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = {
    jurisdiction_id: "53.01",
    service_code: "permintaan_imbalan",
    description: "Petugas loket Dukcapil Oelamasi meminta uang Rp50.000 supaya KTP elektronik saya cepat dicetak.\nPadahal pelayanannya gratis.",
    first_name: "Yohanes",
    last_name: "Bere",
    email: "yohanes.bere@contoh.id",
    phone: "0812-3456-7890",
    "attribute[unit]": "other",
    "attribute[unit_name]": "Dinas Kependudukan dan Pencatatan Sipil",
    "attribute[incident_date]": daysAgo(14),
    "attribute[prior_complaint]": "no",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ""));
}

/** The fields as an application/x-www-form-urlencoded body, brackets and all, as the spec's example sends them. */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
