import { stringify } from "csv-stringify/sync";
import { REGISTER_COLUMNS, type ColumnKey } from "./register-columns.js";

/** A civil date `days` before another ("YYYY-MM-DD"). */
function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * The downloadable register template: the header row and one example row that imports as it is
 * (dates relative to `today`, so the example never becomes two years old). Semicolons and a BOM,
 * because Excel in an Indonesian locale opens such a file in columns and as UTF-8.
 */
export function registerTemplateCsv(options: { regionCode: string; today: string }): string {
  const received = daysBefore(options.today, 3);
  const [year, month, day] = received.split("-");
  const example: Record<ColumnKey, string> = {
    externalRef: `001/INSP/${year}`,
    receivedDate: `${day}/${month}/${year}`,
    regionCode: options.regionCode,
    unit: "Dinas Kependudukan dan Pencatatan Sipil",
    reporterName: "Yohanes Bere",
    nik: "5301011203850001",
    phone: "0812 3456 7890",
    email: "yohanes.bere@contoh.id",
    address: "Jl. Timor Raya No. 5, Oelamasi",
    confidentiality: "rahasia",
    subject: "KTP elektronik belum dicetak",
    description: "Saya merekam KTP elektronik tiga bulan lalu; sampai sekarang belum dicetak dan petugas meminta saya datang lagi bulan depan.",
    incidentDate: daysBefore(options.today, 30),
    category: "penundaan_berlarut",
    priorMade: "ya",
    priorTo: "unit",
    priorDate: daysBefore(options.today, 20),
    priorResponse: "Disuruh menunggu blanko",
    registerStatus: "Dalam proses",
  };
  return stringify([REGISTER_COLUMNS.map((c) => c.header), REGISTER_COLUMNS.map((c) => example[c.key])], { delimiter: ";", record_delimiter: "windows", bom: true });
}
