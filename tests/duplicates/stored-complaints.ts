import { complaintBody, daysAgo } from "../helpers/complaints.js";

/**
 * One matter told three times at Dukcapil Kabupaten Kupang, and another matter of the same
 * reporter: the API bodies of the duplicate-check tests.
 */
const dukcapil = { regionCode: "53.01", unitName: "Dinas Kependudukan dan Pencatatan Sipil", priorComplaint: { made: false } };

/** Yohanes Bere writes to the Ombudsman, formally, with his NIK. */
export const ombudsmanComplaint = (overrides: Record<string, unknown> = {}) =>
  complaintBody({
    ...dukcapil,
    reporter: { name: "Yohanes Bere", nik: "5301011203850001", phone: "0812-3456-7890", email: "yohanes.bere@contoh.id", confidentiality: "confidential" },
    subject: "KTP elektronik belum dicetak dan diminta uang Rp 150.000",
    description:
      "Saya sudah merekam KTP elektronik di kantor Dukcapil Oelamasi pada bulan Juli tetapi sampai sekarang belum dicetak. Petugas loket bernama Pak Markus meminta uang Rp 150.000 supaya KTP saya dicetak lebih cepat. Saya tidak mau membayar karena pelayanan KTP gratis.",
    incidentDate: daysAgo(20),
    ...overrides,
  });

/** The same man, the same matter, told again at the Inspektorat: another spelling, no NIK, the phone written otherwise, colloquial. */
export const inspektoratDuplicate = (overrides: Record<string, unknown> = {}) =>
  complaintBody({
    ...dukcapil,
    unitName: "Disdukcapil",
    reporter: { name: "Bpk. Yohanis Bere", phone: "+62 812 3456 7890", email: "", nik: "", confidentiality: "public" },
    subject: "Pungutan liar cetak e-KTP di Disdukcapil",
    description:
      "Sy mau lapor, e-KTP sy sdh rekam dr bln 7 tp blm jg dicetak. Wkt sy tanya di loket, pak Markus blg hrs bayar 150rb baru bs cetak cepat. Sy tdk bayar krn setau sy urus KTP itu gratis. Mohon ditindak.",
    incidentDate: daysAgo(17),
    ...overrides,
  });

/** Another reporter about the same officer's same demand, the same week. */
export const relatedComplaint = (overrides: Record<string, unknown> = {}) =>
  complaintBody({
    ...dukcapil,
    reporter: { name: "Maria Goreti Seran", phone: "081298765432", email: "maria.seran@contoh.id", nik: "", confidentiality: "public" },
    subject: "Petugas Dukcapil minta uang untuk cetak KTP",
    description:
      "Pada minggu lalu saya mengurus KTP elektronik di Dukcapil Oelamasi. Petugas loket Pak Markus meminta Rp 150.000 agar KTP dicetak hari itu juga. Banyak warga lain juga dimintai uang yang sama.",
    incidentDate: daysAgo(19),
    ...overrides,
  });

/** Yohanes Bere again, about something else entirely. */
export const otherMatterOfSameReporter = (overrides: Record<string, unknown> = {}) =>
  complaintBody({
    ...dukcapil,
    reporter: { name: "Yohanes Bere", nik: "5301011203850001", phone: "0812-3456-7890", email: "yohanes.bere@contoh.id", confidentiality: "confidential" },
    subject: "Akta kelahiran anak belum terbit",
    description:
      "Saya mengajukan akta kelahiran untuk anak saya di Dukcapil sejak bulan Agustus, berkas sudah lengkap tetapi akta belum terbit juga. Setiap kali saya datang, petugas hanya menyuruh menunggu.",
    incidentDate: daysAgo(22),
    ...overrides,
  });
