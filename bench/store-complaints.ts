import crypto from "node:crypto";
import Database from "better-sqlite3";
import { auditHash } from "../src/audit/audit-hash.js";
import { generateTrackingNumber } from "../src/complaints/tracking-number.js";
import { CATEGORIES, type Category, type Channel, type Confidentiality } from "../src/complaints/vocabulary.js";
import { insertRowsPostgresql, isPostgresqlUrl, openPostgresqlLoader, queryRows, withoutPostgresqlIndexes } from "./bench-database.js";
import type { DatabaseTarget } from "./servers.js";

/**
 * Fills a benchmark database with realistic complaints, straight into the SQLite file with
 * better-sqlite3 (prepared statements, a few big transactions): 100,000 complaints with their
 * reporters, first audit entries and sent emails take seconds, where the application's own path
 * would take minutes. The same generator writes the bodies that intake benchmarks submit, so
 * stored and submitted complaints look alike.
 *
 * Deterministic: the same seed gives the same complaints (tracking numbers included).
 */

/** A Pemda as the generator needs it: code, units and the two focal-point offices. */
export interface ReferenceRegion {
  id: number;
  code: string;
  name: string;
  units: Array<{ id: number; name: string; kind: string }>;
  officeIds: number[];
}

/** The complaint as `POST /api/v1/complaints` takes it (the citizen's fields). */
export interface ComplaintBody {
  reporter: { name: string; nik?: string; phone?: string; email?: string; address?: string; confidentiality: Confidentiality };
  regionCode: string;
  unitId?: number;
  unitName?: string;
  subject: string;
  description: string;
  /** "YYYY-MM-DD" (WITA) */
  incidentDate: string;
  category?: Category;
  priorComplaint: { made: boolean; to?: string; date?: string; response?: string };
}

/** The Pemda and units of a (migrated, seeded) database; only active ones, as intake accepts. */
export function readReference(databaseFile: string): ReferenceRegion[] {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const regions = sqlite.prepare(`SELECT id, code, name FROM "Region" WHERE isActive = 1 ORDER BY code`).all() as Array<{ id: number; code: string; name: string }>;
    const units = sqlite.prepare(`SELECT id, regionId, name, kind FROM "Unit" WHERE isActive = 1 ORDER BY id`).all() as Array<{ id: number; regionId: number; name: string; kind: string }>;
    const offices = sqlite.prepare(`SELECT id, regionId FROM "Office" ORDER BY id`).all() as Array<{ id: number; regionId: number }>;
    const reference = regions.map((region) => ({
      ...region,
      units: units.filter((unit) => unit.regionId === region.id).map(({ id, name, kind }) => ({ id, name, kind })),
      officeIds: offices.filter((office) => office.regionId === region.id).map((office) => office.id),
    }));
    if (!reference.some((region) => region.units.length > 0)) throw new Error(`${databaseFile} has no units: seed the reference data first`);
    return reference;
  } finally {
    sqlite.close();
  }
}

/** mulberry32: a small, fast, seedable generator; benchmark data must not depend on Math.random. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (random: Random, p: number) => random() < p;
function weighted<T extends string>(random: Random, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as Array<[T, number]>;
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1]![0];
}

const DAY_MS = 24 * 3600_000;
const WITA_OFFSET_MS = 8 * 3600_000;
/** The civil date (WITA) of an instant. */
const civilDate = (at: number) => new Date(at + WITA_OFFSET_MS).toISOString().slice(0, 10);
/** DateTime as Prisma's SQLite adapter writes it; another format would not sort or compare right. */
const stored = (at: number) => new Date(at).toISOString().replace("Z", "+00:00");

// --- What the complaints say ---------------------------------------------------------------------

const FIRST_NAMES = [
  "Yohanes", "Maria", "Agustinus", "Yosef", "Fransiskus", "Theresia", "Martha", "Dominggus", "Petrus", "Paulus",
  "Anselmus", "Kristina", "Yuliana", "Benediktus", "Aloysius", "Margaretha", "Veronika", "Stefanus", "Elisabeth",
  "Umbu", "Rambu", "Ina", "Siti", "Muhammad", "Abdul", "Nurhayati", "Hendrik", "Yakobus", "Marselina", "Florentina",
  "Imelda", "Gregorius", "Emanuel", "Ronaldus", "Oktovianus", "Debora", "Naomi", "Selfina", "Yermias", "Agnes",
  "Wilhelmus", "Sisilia", "Yustina", "Krispinus", "Bernadetha", "Rofinus", "Adriana", "Melkianus", "Ester", "Daud",
];
const FAMILY_NAMES = [
  "Bere", "Seran", "Tefa", "Bria", "Nahak", "Lake", "Ndun", "Manafe", "Fanggidae", "Kase", "Wungu", "Ndapa", "Kolo",
  "Taolin", "Dethan", "Tallo", "Benu", "Dhae", "Wangge", "Lado", "Rihi", "Riwu", "Lende", "Bulu", "Djawa", "Pandie",
  "Toda", "Ola", "Koten", "Making", "Kewuan", "Naur", "Jehadu", "Ndolu", "Ngongo", "Mali", "Leki", "Nggadas", "Hambandima",
  "Tanggu", "Kaka", "Lamanepa", "Sogen", "Parera", "da Silva", "Fernandez", "Letor", "Goa", "Mbete", "Rato",
];
const MIDDLE_NAMES = ["Maria", "Yosef", "Goreti", "Dami", "Kristo", "Umbu", "Rambu", "Ina"];
const MAIL_DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "contoh.id"];
const MOBILE_PREFIXES = ["0812", "0813", "0821", "0822", "0823", "0852", "0853", "0811", "0817", "0818", "0819", "0859", "0877", "0878", "0815", "0816", "0856", "0857", "0858", "0895", "0896"];

/** Kecamatan and towns of each Pemda, so that texts name real places. */
const PLACES: Record<string, string[]> = {
  "53": ["Oebobo", "Kelapa Lima", "Maulafa", "Kota Raja"],
  "53.01": ["Oelamasi", "Babau", "Camplong", "Sulamu"],
  "53.02": ["Soe", "Niki-Niki", "Kapan", "Oinlasi"],
  "53.03": ["Kefamenanu", "Eban", "Wini", "Insana"],
  "53.04": ["Atambua", "Atapupu", "Haliwen", "Weluli"],
  "53.05": ["Kalabahi", "Moru", "Alor Kecil", "Baranusa"],
  "53.06": ["Larantuka", "Waiwerang", "Boru", "Witihama"],
  "53.07": ["Maumere", "Nita", "Kewapante", "Paga"],
  "53.08": ["Ende", "Wolowaru", "Nangapanda", "Detusoko"],
  "53.09": ["Bajawa", "Aimere", "Mataloko", "Riung"],
  "53.10": ["Ruteng", "Cancar", "Reo", "Satarmese"],
  "53.11": ["Waingapu", "Melolo", "Lewa", "Kambera"],
  "53.12": ["Waikabubak", "Lamboya", "Wanokaka", "Loli"],
  "53.13": ["Lewoleba", "Balauring", "Hadakewa", "Wulandoni"],
  "53.14": ["Ba'a", "Busalangga", "Papela", "Oelaba"],
  "53.15": ["Labuan Bajo", "Lembor", "Komodo", "Kuwus"],
  "53.16": ["Mbay", "Boawae", "Aesesa", "Mauponggo"],
  "53.17": ["Waibakul", "Anakalang", "Mamboro", "Katikutana"],
  "53.18": ["Tambolaka", "Waitabula", "Kodi", "Wewewa"],
  "53.19": ["Borong", "Mano", "Lamba Leda", "Elar"],
  "53.20": ["Seba", "Menia", "Liae", "Raijua"],
  "53.21": ["Betun", "Weliman", "Rinhat", "Kobalima"],
  "53.71": ["Oebobo", "Kelapa Lima", "Maulafa", "Alak"],
};

interface Topic {
  subjects: string[];
  /** What happened; {date}, {place}, {amount}, {officer}, {person}, {weeks} are filled in. */
  happened: string[];
  details: string[];
  categories: Category[];
  /** For offices outside the Pemda's list: the names reporters give them. */
  unitNames?: string[];
}

const TOPICS: Record<string, Topic[]> = {
  DUKCAPIL: [
    {
      subjects: ["KTP elektronik belum dicetak", "KTP-el tidak kunjung jadi, katanya blanko habis", "Sudah {weeks} minggu KTP elektronik belum selesai"],
      happened: [
        "Saya merekam KTP elektronik di kantor Dukcapil {place} pada {date}, tetapi sampai sekarang belum dicetak.",
        "Sejak {date} saya sudah tiga kali datang ke loket Dukcapil {place} untuk menanyakan KTP elektronik saya.",
      ],
      details: ["Petugas selalu mengatakan blanko habis dan menyuruh saya kembali minggu depan.", "Saya membutuhkan KTP untuk mendaftar pekerjaan dan membuka rekening bank."],
      categories: ["penundaan_berlarut", "tidak_memberikan_pelayanan"],
    },
    {
      subjects: ["Diminta membayar untuk akta kelahiran", "Pungutan {amount} untuk mempercepat akta kelahiran", "Calo di depan kantor Dukcapil meminta uang"],
      happened: [
        "Pada {date} saya mengurus akta kelahiran {person} di Dukcapil {place}.",
        "Ketika mengurus kartu keluarga baru di Dukcapil {place} pada {date}, {officer} menawarkan bantuan.",
      ],
      details: ["Saya diminta membayar {amount} agar dokumen cepat selesai, padahal pelayanan ini gratis.", "Uang diminta tanpa kuitansi dan tidak ada papan informasi biaya di loket."],
      categories: ["permintaan_imbalan", "penyimpangan_prosedur"],
    },
    {
      subjects: ["Data kartu keluarga salah dan tidak diperbaiki", "Nama di akta kematian salah ketik"],
      happened: ["Saya mengajukan perbaikan data kartu keluarga di Dukcapil {place} pada {date}.", "Dokumen yang saya terima pada {date} berisi nama dan tanggal lahir yang salah."],
      details: ["Permohonan perbaikan saya ditolak tanpa alasan tertulis.", "Saya disuruh mengulang semua persyaratan dari awal."],
      categories: ["tidak_kompeten", "penundaan_berlarut"],
    },
  ],
  KESEHATAN: [
    {
      subjects: ["Pasien BPJS ditolak di rumah sakit", "Peserta KIS diminta membayar obat", "Rujukan pasien dipersulit"],
      happened: ["Pada {date} saya membawa {person} berobat ke RSUD di {place} dengan kartu BPJS Kesehatan.", "{person} dirawat di {place} sejak {date} sebagai peserta KIS."],
      details: ["Petugas mengatakan kuota habis dan kami diminta membayar {amount} untuk obat.", "Kami disuruh membeli obat di apotek luar karena stok kosong."],
      categories: ["tidak_memberikan_pelayanan", "permintaan_imbalan"],
    },
    {
      subjects: ["Ambulans desa diminta bayar bensin", "Ambulans tidak datang saat dibutuhkan"],
      happened: ["Pada malam {date} kami meminta ambulans untuk membawa {person} dari {place}.", "Ambulans dinas kesehatan yang kami hubungi pada {date} baru datang keesokan harinya."],
      details: ["Sopir meminta uang bensin {amount} sebelum berangkat.", "Tidak ada petugas jaga yang bisa dihubungi."],
      categories: ["permintaan_imbalan", "penundaan_berlarut"],
    },
  ],
  PUSKESMAS: [
    {
      subjects: ["Puskesmas tutup pada jam pelayanan", "Tidak ada dokter di Puskesmas", "Petugas Puskesmas kasar kepada pasien"],
      happened: ["Pada {date} pukul sepuluh pagi saya datang ke Puskesmas {place} bersama {person}.", "Sejak {date} Puskesmas {place} sering tutup sebelum jam dua belas."],
      details: ["Tidak ada dokter maupun perawat yang melayani, kami menunggu sampai siang.", "{officer} membentak {person} ketika bertanya tentang hasil pemeriksaan."],
      categories: ["tidak_memberikan_pelayanan", "tidak_patut"],
    },
    {
      subjects: ["Imunisasi anak ditunda berkali-kali", "Obat hipertensi kosong di Puskesmas"],
      happened: ["Jadwal imunisasi {person} di Puskesmas {place} ditunda sejak {date}.", "Sejak {date} obat rutin {person} tidak tersedia di Puskesmas {place}."],
      details: ["Kami sudah datang {weeks} kali dan selalu disuruh kembali.", "Kami harus membeli sendiri di apotek dengan harga {amount}."],
      categories: ["penundaan_berlarut", "tidak_memberikan_pelayanan"],
    },
  ],
  PENDIDIKAN: [
    {
      subjects: ["Pungutan uang komite di sekolah negeri", "Ijazah ditahan karena belum bayar", "Sekolah meminta uang seragam {amount}"],
      happened: ["Pada {date} sekolah {person} di {place} meminta setiap orang tua membayar {amount}.", "Ijazah {person} dari SMP negeri di {place} ditahan sejak {date}."],
      details: ["Yang belum membayar diancam tidak boleh mengikuti ujian.", "Kepala sekolah mengatakan ijazah baru diberikan setelah tunggakan lunas."],
      categories: ["permintaan_imbalan", "penyalahgunaan_wewenang"],
    },
    {
      subjects: ["Dana PIP tidak pernah diterima siswa", "KIP Kuliah dipotong pihak sekolah"],
      happened: ["{person} terdaftar sebagai penerima Program Indonesia Pintar sejak {date} di sekolah di {place}.", "Pencairan bantuan pendidikan {person} pada {date} dilakukan oleh pihak sekolah di {place}."],
      details: ["Uangnya tidak pernah sampai ke kami, buku tabungan disimpan sekolah.", "Kami hanya menerima sebagian dan tidak ada penjelasan ke mana sisanya {amount}."],
      categories: ["penyimpangan_prosedur", "penyalahgunaan_wewenang"],
    },
    {
      subjects: ["Guru jarang masuk mengajar", "Penerimaan siswa baru tidak sesuai zonasi"],
      happened: ["Sejak {date} guru kelas {person} di sekolah dasar di {place} hanya datang dua hari seminggu.", "Pada penerimaan siswa baru {date} di {place}, {person} ditolak walaupun rumah kami dekat sekolah."],
      details: ["Anak-anak dibiarkan bermain tanpa pelajaran.", "Siswa dari luar zonasi justru diterima."],
      categories: ["tidak_kompeten", "berpihak"],
    },
  ],
  SOSIAL: [
    {
      subjects: ["Bantuan PKH tidak diterima padahal terdaftar", "Nama hilang dari daftar penerima bansos", "Bantuan BPNT dipotong pendamping"],
      happened: ["Keluarga kami terdaftar sebagai penerima PKH di {place} sejak {date}.", "Pada penyaluran bantuan sosial {date} di {place}, nama {person} tidak ada lagi di daftar."],
      details: ["Pendamping meminta {amount} setiap pencairan sebagai uang administrasi.", "Kami tidak pernah diberi tahu alasan penghapusan dari DTKS."],
      categories: ["permintaan_imbalan", "diskriminasi", "penyimpangan_prosedur"],
    },
    {
      subjects: ["Bantuan untuk penyandang disabilitas tidak sampai", "Bantuan korban bencana dibagikan kepada keluarga aparat"],
      happened: ["{person} adalah penyandang disabilitas di {place} dan sudah didata pada {date}.", "Setelah banjir di {place} pada {date}, bantuan dari dinas sosial dibagikan di kantor desa."],
      details: ["Sampai sekarang belum ada bantuan yang diterima.", "Yang menerima justru keluarga perangkat desa, bukan korban."],
      categories: ["tidak_memberikan_pelayanan", "konflik_kepentingan", "berpihak"],
    },
  ],
  DPMPTSP: [
    {
      subjects: ["Izin usaha tidak selesai lewat batas waktu", "Persetujuan bangunan gedung berlarut-larut", "Diminta biaya tidak resmi untuk izin usaha"],
      happened: ["Saya mengajukan izin usaha kios di {place} melalui mal pelayanan publik pada {date}.", "Permohonan persetujuan bangunan gedung rumah saya di {place} masuk pada {date}."],
      details: ["Sudah lewat {weeks} minggu, padahal standar pelayanan menyebut lima hari kerja.", "{officer} meminta {amount} agar berkas didahulukan."],
      categories: ["penundaan_berlarut", "permintaan_imbalan"],
    },
  ],
  OTHER: [
    {
      unitNames: ["Kantor Pertanahan"],
      subjects: ["Sertifikat tanah tidak selesai", "Pengukuran tanah meminta biaya tambahan"],
      happened: ["Saya mendaftarkan sertifikat tanah di {place} pada {date}.", "Petugas ukur datang ke tanah kami di {place} pada {date}."],
      details: ["Petugas meminta biaya tambahan {amount} di luar tarif resmi.", "Berkas saya dinyatakan hilang dan saya disuruh mengulang."],
      categories: ["penundaan_berlarut", "permintaan_imbalan"],
    },
    {
      unitNames: ["Kantor Desa", "Kantor Camat"],
      subjects: ["Surat keterangan desa dipungut biaya", "Kepala desa menolak memberikan surat pengantar"],
      happened: ["Pada {date} saya meminta surat keterangan di kantor desa di {place}.", "Saya membutuhkan surat pengantar dari desa di {place} sejak {date}."],
      details: ["Saya diminta membayar {amount} tanpa kuitansi.", "Kepala desa menolak karena saya tidak memilihnya pada pemilihan lalu."],
      categories: ["permintaan_imbalan", "diskriminasi"],
    },
    {
      unitNames: ["PDAM"],
      subjects: ["Air PDAM tidak mengalir tetapi tagihan naik", "Sambungan air baru tidak dipasang"],
      happened: ["Sejak {date} air tidak mengalir di rumah kami di {place}.", "Kami membayar sambungan air baru di {place} pada {date}."],
      details: ["Tagihan bulan lalu justru naik menjadi {amount}.", "Sampai sekarang belum ada petugas yang datang memeriksa."],
      categories: ["tidak_memberikan_pelayanan", "penundaan_berlarut"],
    },
    {
      unitNames: ["Dinas Pekerjaan Umum"],
      subjects: ["Jalan rusak tidak diperbaiki setelah dilaporkan", "Perbaikan jembatan ditinggalkan kontraktor"],
      happened: ["Jalan menuju {place} rusak berat sejak {date} dan sudah kami laporkan.", "Pekerjaan jembatan di {place} berhenti sejak {date}."],
      details: ["Sampai sekarang belum ada petugas yang datang memeriksa.", "Anak-anak harus berjalan memutar {weeks} kilometer ke sekolah."],
      categories: ["tidak_memberikan_pelayanan", "penundaan_berlarut"],
    },
    {
      unitNames: ["Polres", "Samsat"],
      subjects: ["SKCK dipungut biaya tambahan", "Pengurusan STNK diminta uang pelicin"],
      happened: ["Pada {date} saya mengurus surat di kantor pelayanan di {place}.", "Saya datang ke loket pelayanan di {place} pada {date}."],
      details: ["{officer} meminta {amount} di luar biaya resmi.", "Saya disuruh menunggu seharian tanpa kepastian."],
      categories: ["permintaan_imbalan", "penundaan_berlarut"],
    },
    {
      unitNames: ["RSUD"],
      subjects: ["Pasien ditolak di IGD rumah sakit", "Hasil laboratorium tidak diberikan"],
      happened: ["Pada {date} kami membawa {person} ke IGD rumah sakit di {place}.", "{person} diperiksa di laboratorium rumah sakit di {place} pada {date}."],
      details: ["Petugas mengatakan tempat tidur penuh tanpa memeriksa pasien.", "Kami diminta membayar {amount} padahal peserta BPJS."],
      categories: ["tidak_memberikan_pelayanan", "permintaan_imbalan"],
    },
  ],
};
const PERSONS = ["anak saya", "ibu saya", "bapak saya", "istri saya", "suami saya", "adik saya", "nenek saya", "cucu saya"];
const OFFICERS = ["seorang petugas loket", "petugas yang bertugas", "seorang pegawai", "kepala seksi", "petugas berseragam dinas"];
const CLOSINGS = [
  "Mohon Ombudsman menindaklanjuti pengaduan ini.",
  "Saya mohon masalah ini diperiksa dan petugasnya ditegur.",
  "Mohon bantuan agar pelayanan ini segera diberikan sesuai aturan.",
  "Saya berharap tidak ada lagi warga yang mengalami hal yang sama.",
  "Mohon identitas saya dirahasiakan karena saya takut dipersulit.",
];
const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const PRIOR_RESPONSES = ["Disuruh menunggu.", "Tidak ada jawaban.", "Dijanjikan segera selesai, tetapi belum ada hasil.", "Petugas mengatakan itu bukan urusannya."];
const ADDRESS_PARTS = ["Jl. El Tari", "Jl. Soekarno", "Jl. Timor Raya", "Jl. Ahmad Yani", "RT 004/RW 002", "Dusun II", "Kelurahan", "Desa"];

/** The date in the words a reporter writes: "12 Maret 2025". */
function dateInWords(civil: string): string {
  const [y, m, d] = civil.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function rupiah(random: Random): string {
  return `Rp ${(between(random, 2, 60) * 25_000).toLocaleString("id-ID")}`;
}

const asciiOnly = (name: string) => name.normalize("NFKD").replace(/[^A-Za-z]/g, "").toLowerCase();

/**
 * One complaint as a citizen would file it on `receivedAt` (ms since the epoch): a reporter with
 * a local name and contact, a unit of the Pemda (one in ten names another office), an Indonesian
 * subject and description from the unit's usual problems, an event less than two years earlier.
 */
export function sampleComplaint(random: Random, reference: readonly ReferenceRegion[], receivedAt: number): ComplaintBody {
  const region = pick(random, reference.filter((r) => r.units.length > 0));
  const isOtherUnit = chance(random, 0.1);
  const unit = isOtherUnit ? null : pick(random, region.units);
  const topic = pick(random, TOPICS[unit?.kind ?? "OTHER"] ?? TOPICS.OTHER!);
  const places = PLACES[region.code] ?? [region.name.replace(/^(Kabupaten|Kota|Provinsi) /, "")];

  const incidentAt = receivedAt - between(random, 1, 120) * DAY_MS;
  const incidentDate = civilDate(incidentAt);
  const fill = (text: string) =>
    text
      .replace(/\{date\}/g, dateInWords(incidentDate))
      .replace(/\{place\}/g, pick(random, places))
      .replace(/\{amount\}/g, rupiah(random))
      .replace(/\{officer\}/g, pick(random, OFFICERS))
      .replace(/\{person\}/g, pick(random, PERSONS))
      .replace(/\{weeks\}/g, String(between(random, 2, 12)))
      .replace(/^./, (first) => first.toUpperCase());
  const sentences = [pick(random, topic.happened), ...topic.details.filter(() => chance(random, 0.7)), pick(random, CLOSINGS)];

  const first = pick(random, FIRST_NAMES);
  const family = pick(random, FAMILY_NAMES);
  const name = chance(random, 0.25) ? `${first} ${pick(random, MIDDLE_NAMES)} ${family}` : `${first} ${family}`;
  const hasEmail = chance(random, 0.45);
  const hasPhone = !hasEmail || chance(random, 0.8);
  const prefix = pick(random, MOBILE_PREFIXES);
  const prior = chance(random, 0.55);
  const priorDate = civilDate(incidentAt + between(random, 0, Math.max(0, Math.floor((receivedAt - incidentAt) / DAY_MS))) * DAY_MS);

  return {
    reporter: {
      name,
      ...(chance(random, 0.5) ? { nik: `${region.code.replace(".", "").padEnd(4, "71")}${String(between(random, 1, 30)).padStart(2, "0")}${String(between(random, 1, 28)).padStart(2, "0")}${String(between(random, 1, 12)).padStart(2, "0")}${String(between(random, 50, 99))}${String(between(random, 1, 9999)).padStart(4, "0")}` } : {}),
      ...(hasPhone ? { phone: `${prefix}-${between(random, 1000, 9999)}-${between(random, 1000, 9999)}` } : {}),
      ...(hasEmail ? { email: `${asciiOnly(first)}.${asciiOnly(family)}${between(random, 1, 99)}@${pick(random, MAIL_DOMAINS)}` } : {}),
      ...(chance(random, 0.6) ? { address: `${pick(random, ADDRESS_PARTS)} ${pick(random, places)}` } : {}),
      confidentiality: weighted(random, { confidential: 5, anonymous: 2, public: 3 }),
    },
    regionCode: region.code,
    ...(unit ? { unitId: unit.id } : { unitName: `${pick(random, topic.unitNames ?? ["Kantor"])} ${pick(random, places)}` }),
    subject: fill(pick(random, topic.subjects)),
    description: sentences.map(fill).join(" "),
    incidentDate,
    ...(chance(random, 0.7) ? { category: pick(random, topic.categories.length ? topic.categories : CATEGORIES) } : {}),
    priorComplaint: prior ? { made: true, to: weighted(random, { unit: 6, superior: 2, inspektorat: 1, other: 1 }), date: priorDate, response: pick(random, PRIOR_RESPONSES) } : { made: false },
  };
}

/**
 * The n-th of many distinct reporters, cheap enough to call for every request of a load test:
 * the name walks through the name lists, the phone number and the email carry n itself.
 */
export function numberedReporter(n: number): ComplaintBody["reporter"] {
  const first = FIRST_NAMES[n % FIRST_NAMES.length]!;
  const family = FAMILY_NAMES[Math.floor(n / FIRST_NAMES.length) % FAMILY_NAMES.length]!;
  const digits = String(n % 100_000_000).padStart(8, "0");
  return {
    name: n % 4 === 0 ? `${first} ${MIDDLE_NAMES[n % MIDDLE_NAMES.length]} ${family}` : `${first} ${family}`,
    phone: `${MOBILE_PREFIXES[n % MOBILE_PREFIXES.length]}-${digits.slice(0, 4)}-${digits.slice(4)}`,
    // Just under half of the reporters give an email, as in the stored complaints: those cost an outbox row and a delivery.
    ...(n % 9 < 4 ? { email: `${asciiOnly(first)}.${asciiOnly(family)}.${n}@${MAIL_DOMAINS[n % MAIL_DOMAINS.length]}` } : {}),
    confidentiality: (["confidential", "anonymous", "public"] as const)[n % 3]!,
  };
}

// --- Where a stored complaint stands ---------------------------------------------------------------

const CHANNEL_WEIGHTS: Record<Channel, number> = { web: 35, api: 5, open311: 3, walk_in: 10, letter: 5, phone: 5, whatsapp: 10, sp4n_lapor: 12, inspektorat_register: 15 };
const CITIZEN_CHANNELS: readonly Channel[] = ["web", "api", "open311"];

interface Progress {
  status: string;
  /** The milestones reached, ms since the epoch. */
  verifiedAt?: number;
  routedAt?: number;
  acknowledgedAt?: number;
  firstAnsweredAt?: number;
  decidedAt?: number;
  reporterNotifiedAt?: number;
  closedAt?: number;
  outcome?: string;
  statusChangedAt: number;
}

/**
 * A plausible state for a complaint received `ageDays` ago: recent ones are still being verified
 * or routed, most older ones are decided and closed, some were rejected, withdrawn or found to
 * duplicate another. Milestones never lie in the future.
 */
function progressOf(random: Random, receivedAt: number, now: number): Progress {
  const ageDays = (now - receivedAt) / DAY_MS;
  const status =
    ageDays < 3
      ? weighted(random, { received: 6, verification: 3, incomplete: 1 })
      : ageDays < 14
        ? weighted(random, { verification: 2, incomplete: 1, duplicate_check: 1, routed: 3, acknowledged: 2, duplicate: 1 })
        : ageDays < 75
          ? weighted(random, { routed: 1, acknowledged: 2, in_progress: 4, decided: 1, rejected: 1, withdrawn: 1, duplicate: 1 })
          : weighted(random, { in_progress: 1, decided: 1, reporter_notified: 1, closed: 12, rejected: 2, withdrawn: 1, duplicate: 2 });
  const at = (from: number, minDays: number, maxDays: number) => Math.min(now - 60_000, from + (minDays + random() * (maxDays - minDays)) * DAY_MS);
  const progress: Progress = { status, statusChangedAt: receivedAt };
  const reached = (states: string[]) => states.includes(status);
  if (reached(["duplicate_check", "routed", "acknowledged", "in_progress", "decided", "reporter_notified", "closed", "rejected", "duplicate"])) progress.verifiedAt = at(receivedAt, 0.2, 3);
  if (reached(["routed", "acknowledged", "in_progress", "decided", "reporter_notified", "closed"])) progress.routedAt = at(progress.verifiedAt!, 0.05, 1);
  if (reached(["acknowledged", "in_progress", "decided", "reporter_notified", "closed"])) progress.acknowledgedAt = at(progress.routedAt!, 0.5, 6);
  if (reached(["in_progress", "decided", "reporter_notified", "closed"])) progress.firstAnsweredAt = at(receivedAt, 3, 18);
  if (reached(["decided", "reporter_notified", "closed"])) {
    progress.decidedAt = at(progress.acknowledgedAt!, 10, 70);
    progress.outcome = weighted(random, { founded: 4, unfounded: 2, resolved: 5, not_competent: 1 });
  }
  if (reached(["reporter_notified", "closed"])) progress.reporterNotifiedAt = at(progress.decidedAt!, 0.1, 10);
  if (status === "closed") progress.closedAt = at(progress.reporterNotifiedAt!, 0.5, 20);
  if (status === "rejected" || status === "withdrawn") progress.closedAt = at(receivedAt, 1, 35);
  progress.statusChangedAt = Math.max(receivedAt, ...[progress.verifiedAt, progress.routedAt, progress.acknowledgedAt, progress.firstAnsweredAt, progress.decidedAt, progress.reporterNotifiedAt, progress.closedAt].filter((t): t is number => t !== undefined));
  return progress;
}

// --- Writing -----------------------------------------------------------------------------------------

export interface StoreOptions {
  /** Same seed, same complaints. */
  seed?: number;
  /** Complaints are received over the two years before this instant (ms since the epoch). */
  now?: number;
  /** Complaints per transaction. */
  batchSize?: number;
}

const COMPLAINT_COLUMNS = [
  "id", "trackingNumber", "accessCodeHash", "status", "desk", "channel", "externalRef", "receivedAt", "regionId", "unitId", "unitName",
  "subject", "description", "incidentDate", "category", "hasPriorComplaint", "priorComplaintTo", "priorComplaintDate", "priorComplaintResponse",
  "locale", "submissionKey", "duplicateOfId", "topic", "duplicateVerdict", "duplicateCheckedAt", "assignedOfficeId", "statusChangedAt",
  "verifiedAt", "fileCompletedAt", "routedAt", "acknowledgedAt", "firstAnsweredAt", "decidedAt", "outcome", "reporterNotifiedAt", "closedAt",
  "rating", "ratedAt", "createdAt", "updatedAt",
] as const;
const REPORTER_COLUMNS = ["complaintId", "name", "nik", "phone", "email", "address", "confidentiality"] as const;
const AUDIT_COLUMNS = ["stream", "seq", "at", "actorKind", "actorUserId", "action", "entityType", "entityId", "data", "isPublic", "prevHash", "hash"] as const;
const OUTBOX_COLUMNS = ["dedupeKey", "channel", "recipient", "subject", "textBody", "status", "attempts", "nextAttemptAt", "sentAt", "createdAt"] as const;

const insertInto = (sqlite: Database.Database, table: string, columns: readonly string[]) =>
  sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);

/** "+6281234567890", as the intake schema normalises Indonesian numbers. */
const e164 = (phone: string) => `+62${phone.replace(/\D/g, "").slice(1)}`;

/** One stored complaint's rows, keyed by column, as the SQLite file keeps them (ISO timestamps, 0/1 booleans, JSON text). */
type Row = Record<string, unknown>;
interface ComplaintRows {
  complaint: Row;
  reporter: Row;
  audit: Row;
  outbox: Row | null;
}

/**
 * The rows of `count` complaints received over the two years before `now`, ids from `firstId`,
 * in id order (and so in order of reception). The same seed gives the same rows, whatever database
 * they are written to.
 */
function* complaintRows(reference: ReferenceRegion[], count: number, firstId: number, options: StoreOptions): Generator<ComplaintRows> {
  const random = seededRandom(options.seed ?? 20_240_601);
  const now = options.now ?? Date.now();
  const trackingNumbers = new Set<string>();
  const randomIndex = (n: number) => Math.floor(random() * n);
  // Earlier complaints of each Pemda, for the ones marked as duplicates of another.
  const earlierByRegion = new Map<number, number[]>();

  // Received instants in order, so that ids grow with time as they do in production.
  const span = 2 * 365 * DAY_MS - 7 * DAY_MS;
  const receivedTimes = Array.from({ length: count }, () => now - span * random() ** 1.15).sort((a, b) => a - b);

  for (let index = 0; index < count; index++) {
    const id = firstId + index;
    const receivedAt = receivedTimes[index]!;
    const body = sampleComplaint(random, reference, receivedAt);
    const region = reference.find((r) => r.code === body.regionCode)!;
    const channel = weighted(random, CHANNEL_WEIGHTS);
    const isCitizen = CITIZEN_CHANNELS.includes(channel);
    const desk = channel === "inspektorat_register" || (!isCitizen && chance(random, 0.1)) ? "inspektorat" : "ombudsman";
    const progress = progressOf(random, receivedAt, now);
    const earlier = earlierByRegion.get(region.id) ?? [];
    const duplicateOfId = progress.status === "duplicate" && earlier.length ? pick(random, earlier) : null;
    const status = progress.status === "duplicate" && !duplicateOfId ? "rejected" : progress.status;
    let trackingNumber: string;
    do trackingNumber = generateTrackingNumber(randomIndex);
    while (trackingNumbers.has(trackingNumber));
    trackingNumbers.add(trackingNumber);
    const year = new Date(receivedAt + WITA_OFFSET_MS).getUTCFullYear();
    const externalRef =
      channel === "sp4n_lapor" ? `${3_000_000 + id}` : channel === "inspektorat_register" ? `${body.regionCode}/INSP/${year}/${String(id).padStart(6, "0")}` : null;
    const checkedAt = receivedAt + between(random, 1, 30) * 60_000;
    const rated = progress.status === "closed" && chance(random, 0.3);
    const optionalAt = (at: number | undefined) => (at === undefined ? null : stored(at));

    const complaint: Row = {
      id,
      trackingNumber,
      accessCodeHash: channel === "inspektorat_register" ? null : crypto.createHash("sha256").update(trackingNumber).digest("hex"),
      status,
      desk,
      channel,
      externalRef,
      receivedAt: stored(receivedAt),
      regionId: region.id,
      unitId: body.unitId ?? null,
      unitName: body.unitName ?? null,
      subject: body.subject,
      description: body.description,
      incidentDate: body.incidentDate,
      category: body.category ?? null,
      hasPriorComplaint: body.priorComplaint.made ? 1 : 0,
      priorComplaintTo: body.priorComplaint.to ?? null,
      priorComplaintDate: body.priorComplaint.date ?? null,
      priorComplaintResponse: body.priorComplaint.response ?? null,
      locale: chance(random, 0.05) ? "en" : "id",
      submissionKey: channel === "web" ? `web:${trackingNumber}` : null,
      duplicateOfId,
      topic: "service",
      duplicateVerdict: now - receivedAt < 3_600_000 ? null : duplicateOfId ? "duplicate" : chance(random, 0.06) ? "related" : "none",
      duplicateCheckedAt: now - receivedAt < 3_600_000 ? null : stored(checkedAt),
      assignedOfficeId: progress.routedAt !== undefined && region.officeIds.length ? pick(random, region.officeIds) : null,
      statusChangedAt: stored(progress.statusChangedAt),
      verifiedAt: optionalAt(progress.verifiedAt),
      fileCompletedAt: optionalAt(progress.verifiedAt),
      routedAt: optionalAt(progress.routedAt),
      acknowledgedAt: optionalAt(progress.acknowledgedAt),
      firstAnsweredAt: optionalAt(progress.firstAnsweredAt),
      decidedAt: optionalAt(progress.decidedAt),
      outcome: progress.outcome ?? null,
      reporterNotifiedAt: optionalAt(progress.reporterNotifiedAt),
      closedAt: optionalAt(progress.closedAt),
      rating: rated ? between(random, 1, 5) : null,
      ratedAt: rated ? stored(progress.closedAt!) : null,
      createdAt: stored(receivedAt),
      updatedAt: stored(progress.statusChangedAt),
    };
    earlier.push(id);
    earlierByRegion.set(region.id, earlier);

    const phone = body.reporter.phone ? e164(body.reporter.phone) : null;
    const reporter: Row = {
      complaintId: id,
      name: body.reporter.name,
      nik: body.reporter.nik ?? null,
      phone,
      email: body.reporter.email ?? null,
      address: body.reporter.address ?? null,
      confidentiality: body.reporter.confidentiality,
    };

    const audit = {
      stream: `complaint:${id}`,
      seq: 1,
      at: new Date(receivedAt),
      actorKind: isCitizen ? "citizen" : "system",
      actorUserId: null,
      action: "complaint.received",
      entityType: "complaint",
      entityId: String(id),
      data: { channel, desk, regionCode: body.regionCode, files: 0, ...(externalRef ? { externalRef } : {}) },
      isPublic: true,
      prevHash: null,
    };
    const auditRow: Row = { ...audit, at: stored(receivedAt), data: JSON.stringify(audit.data), isPublic: 1, hash: auditHash(audit) };

    const outbox: Row | null =
      body.reporter.email && channel !== "inspektorat_register"
        ? {
            dedupeKey: `complaint-received:${id}`,
            channel: "email",
            recipient: body.reporter.email,
            subject: `Pengaduan Anda diterima: ${trackingNumber}`,
            textBody: `Yth. ${body.reporter.name},\n\npengaduan Anda "${body.subject}" telah kami terima dengan nomor ${trackingNumber}.\n`,
            status: "sent",
            attempts: 1,
            nextAttemptAt: stored(receivedAt),
            sentAt: stored(receivedAt + between(random, 2, 120) * 1000),
            createdAt: stored(receivedAt),
          }
        : null;
    yield { complaint, reporter, audit: auditRow, outbox };
  }
}

/**
 * Stores `count` complaints received over the last two years, with reporters, the first audit
 * entry of each (hash-chained as recordAuditEvent writes it, so `audit verify` passes) and, for
 * reporters with an email, the sent confirmation in the outbox. Not stored: deadlines, duplicate
 * profiles and later audit entries; access-code hashes match no code (nobody can open these
 * complaints with a code; file new ones through the API for that).
 *
 * SQLite (`target.databaseUrl` is a file: URL): prepared better-sqlite3 statements in transactions
 * of `batchSize`. PostgreSQL: the same rows through `pg`, a few thousand per statement (unnest).
 * Either way the tables' secondary indexes are dropped during the load and built again after.
 */
export async function storeComplaints(target: DatabaseTarget, count: number, options: StoreOptions = {}): Promise<void> {
  if (isPostgresqlUrl(target.databaseUrl)) return storeComplaintsPostgresql(target.databaseUrl, count, options);
  const reference = readReference(target.databaseFile);
  const batchSize = options.batchSize ?? 10_000;
  const sqlite = new Database(target.databaseFile, { fileMustExist: true });
  try {
    // A benchmark fixture: durability while loading buys nothing, a big cache keeps index pages in memory.
    sqlite.pragma("journal_mode = MEMORY");
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("cache_size = -131072");
    const firstId = (sqlite.prepare(`SELECT COALESCE(MAX(id), 0) + 1 AS id FROM "Complaint"`).get() as { id: number }).id;
    const insertComplaint = insertInto(sqlite, "Complaint", COMPLAINT_COLUMNS);
    const insertReporter = insertInto(sqlite, "Reporter", REPORTER_COLUMNS);
    const insertAudit = insertInto(sqlite, "AuditEvent", AUDIT_COLUMNS);
    const insertOutbox = insertInto(sqlite, "OutboxMessage", OUTBOX_COLUMNS);
    const rows = complaintRows(reference, count, firstId, options);
    const storeBatch = sqlite.transaction((size: number) => {
      for (let n = 0; n < size; n++) {
        const next = rows.next();
        if (next.done) return;
        insertComplaint.run(next.value.complaint);
        insertReporter.run(next.value.reporter);
        insertAudit.run(next.value.audit);
        if (next.value.outbox) insertOutbox.run(next.value.outbox);
      }
    });
    // Building each index once after the load, from sorted keys, costs about a third less CPU than
    // updating some 30 indexes (random tracking numbers, keys, streams) row by row.
    const indexes = sqlite
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Complaint', 'Reporter', 'AuditEvent', 'OutboxMessage')`)
      .all() as Array<{ name: string; sql: string }>;
    for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
    try {
      for (let start = 0; start < count; start += batchSize) storeBatch(Math.min(batchSize, count - start));
    } finally {
      for (const index of indexes) sqlite.exec(index.sql); // a UNIQUE index also checks what was loaded
    }
    sqlite.pragma("journal_mode = WAL"); // as the application opens it
  } finally {
    sqlite.close();
  }
}

/** The Pemda and units of a migrated, seeded database of either kind (see readReference). */
export async function readReferenceOf(target: DatabaseTarget): Promise<ReferenceRegion[]> {
  if (!isPostgresqlUrl(target.databaseUrl)) return readReference(target.databaseFile);
  const [regions, units, offices] = await Promise.all([
    queryRows<{ id: number; code: string; name: string }>(target.databaseUrl, `SELECT id, code, name FROM "Region" WHERE "isActive" = true ORDER BY code`),
    queryRows<{ id: number; regionId: number; name: string; kind: string }>(target.databaseUrl, `SELECT id, "regionId", name, kind FROM "Unit" WHERE "isActive" = true ORDER BY id`),
    queryRows<{ id: number; regionId: number }>(target.databaseUrl, `SELECT id, "regionId" FROM "Office" ORDER BY id`),
  ]);
  return regions.map((region) => ({
    ...region,
    units: units.filter((unit) => unit.regionId === region.id).map(({ id, name, kind }) => ({ id, name, kind })),
    officeIds: offices.filter((office) => office.regionId === region.id).map((office) => office.id),
  }));
}

async function storeComplaintsPostgresql(databaseUrl: string, count: number, options: StoreOptions): Promise<void> {
  const reference = await readReferenceOf({ databaseFile: "", databaseUrl, dataDir: "" });
  if (!reference.some((region) => region.units.length > 0)) throw new Error("the database has no units: seed the reference data first");
  const batchSize = options.batchSize ?? 10_000;
  const client = await openPostgresqlLoader(databaseUrl);
  try {
    const firstId = Number((await client.query<{ id: string }>(`SELECT COALESCE(MAX(id), 0) + 1 AS id FROM "Complaint"`)).rows[0]!.id);
    const tables = ["Complaint", "Reporter", "AuditEvent", "OutboxMessage"];
    const rebuildIndexes = await withoutPostgresqlIndexes(client, tables);
    try {
      const rows = complaintRows(reference, count, firstId, options);
      for (let start = 0; start < count; start += batchSize) {
        const batch: ComplaintRows[] = [];
        for (let n = start; n < Math.min(count, start + batchSize); n++) batch.push(rows.next().value as ComplaintRows);
        await insertRowsPostgresql(client, "Complaint", COMPLAINT_COLUMNS, batch.map((r) => r.complaint));
        await insertRowsPostgresql(client, "Reporter", REPORTER_COLUMNS, batch.map((r) => r.reporter));
        await insertRowsPostgresql(client, "AuditEvent", AUDIT_COLUMNS, batch.map((r) => r.audit));
        await insertRowsPostgresql(client, "OutboxMessage", OUTBOX_COLUMNS, batch.flatMap((r) => (r.outbox ? [r.outbox] : [])));
      }
    } finally {
      await rebuildIndexes(); // a UNIQUE index also checks what was loaded
    }
    // Ids were given explicitly: the sequence must continue after them, as the application inserts without one.
    await client.query(`SELECT setval(pg_get_serial_sequence('"Complaint"', 'id'), (SELECT MAX(id) FROM "Complaint"))`);
    await client.query(`ANALYZE "Complaint", "Reporter", "AuditEvent", "OutboxMessage"`);
  } finally {
    await client.end();
  }
}

// --- Bodies to submit or check -------------------------------------------------------------------------

/** Complaint texts (everything but the reporter) as citizens file them at `now`, from a seed. */
export function complaintTexts(reference: ReferenceRegion[], size: number, seed = 424_242, now = Date.now()): Array<Omit<ComplaintBody, "reporter">> {
  const random = seededRandom(seed);
  return Array.from({ length: size }, () => {
    const { reporter: _reporter, ...text } = sampleComplaint(random, reference, now);
    return text;
  });
}

/** What a retelling is made from: a stored complaint with its reporter. */
export interface StoredComplaintText {
  regionCode: string;
  unitId: number | null;
  unitName: string | null;
  subject: string;
  description: string;
  incidentDate: string;
  name: string;
  phone: string | null;
  email: string | null;
}

const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The same reporter telling a stored complaint again, as a duplicate arrives: name in capitals,
 * sentences reordered, another subject line, the incident two days off. The duplicate check should
 * find the stored one through its identity and text indexes.
 */
export function retoldComplaint(row: StoredComplaintText): ComplaintBody {
  const sentences = row.description.split(/(?<=\.)\s+/);
  return {
    reporter: { name: row.name.toUpperCase(), phone: row.phone ?? undefined, email: row.email ?? undefined, confidentiality: "confidential" },
    regionCode: row.regionCode,
    ...(row.unitId ? { unitId: row.unitId } : { unitName: row.unitName ?? "Kantor" }),
    subject: `Mohon bantuan: ${row.subject}`,
    description: [...sentences.slice(1), sentences[0], "Mohon segera ditindaklanjuti."].join(" "),
    incidentDate: shiftDays(row.incidentDate, 2),
    priorComplaint: { made: false },
  };
}

/** `count` stored complaints spread evenly over the ids (either database), for retellings. */
export async function storedComplaintTexts(databaseUrl: string, count: number): Promise<StoredComplaintText[]> {
  const [row] = await queryRows<{ maxId: number | null }>(databaseUrl, `SELECT MAX(id) AS "maxId" FROM "Complaint"`);
  const step = Math.max(1, Math.floor(Number(row?.maxId ?? 0) / count));
  return queryRows<StoredComplaintText>(
    databaseUrl,
    `SELECT r.code AS "regionCode", c."unitId", c."unitName", c.subject, c.description, c."incidentDate", p.name, p.phone, p.email
       FROM "Complaint" c JOIN "Region" r ON r.id = c."regionId" JOIN "Reporter" p ON p."complaintId" = c.id
      WHERE c.id % $1 = 0 ORDER BY c.id LIMIT $2`,
    [step, count],
  );
}
