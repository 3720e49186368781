/**
 * Word lists for matching Indonesian complaint texts. Hand-curated for public-service complaints
 * as citizens write them in NTT: formal letters, SMS/WhatsApp Indonesian, and Kupang Malay
 * (beta = saya, sonde = tidak, su = sudah, katong = kita).
 */

/**
 * Informal spellings, abbreviations and regional words, mapped to the standard form (which may be
 * several words). Applied token by token after lower-casing, before stop words and stemming.
 * Ambiguous short forms that are also school levels or units (sma, smp, km) are deliberately absent.
 */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // negation and aspect
    tdk: "tidak", tdak: "tidak", gak: "tidak", ga: "tidak", gk: "tidak", nggak: "tidak", ngga: "tidak", ngk: "tidak",
    enggak: "tidak", engga: "tidak", ndak: "tidak", nda: "tidak", tak: "tidak", sonde: "tidak", son: "tidak", tra: "tidak",
    sdh: "sudah", sdah: "sudah", udh: "sudah", udah: "sudah", uda: "sudah", dah: "sudah", su: "sudah",
    blm: "belum", blum: "belum", belom: "belum", blom: "belum",
    msh: "masih", msih: "masih", lg: "lagi", lgi: "lagi", lai: "lagi",
    // function words
    yg: "yang", yng: "yang", dgn: "dengan", dg: "dengan", dng: "dengan", deng: "dengan",
    krn: "karena", karna: "karena", krna: "karena", coz: "karena", utk: "untuk", untk: "untuk",
    spt: "seperti", sprti: "seperti", kyk: "seperti", kayak: "seperti", jg: "juga", jga: "juga", ju: "juga",
    tp: "tapi", tpi: "tapi", klo: "kalau", kalo: "kalau", kl: "kalau", pd: "pada", dlm: "dalam",
    dr: "dari", dri: "dari", kpd: "kepada", sblm: "sebelum", stlh: "setelah", sdg: "sedang",
    trs: "terus", trus: "terus", ato: "atau", atw: "atau", sbg: "sebagai", spy: "supaya", biar: "supaya",
    aja: "saja", sj: "saja", doang: "saja", cuman: "cuma", cm: "cuma", sampe: "sampai", smpai: "sampai",
    tsb: "tersebut", yth: "yang terhormat", dll: "dan lain lain", dsb: "dan sebagainya", dst: "dan seterusnya",
    gmn: "bagaimana", gimana: "bagaimana", knp: "kenapa", emg: "memang", emang: "memang", brp: "berapa", brapa: "berapa",
    bs: "bisa", bsa: "bisa", hrs: "harus", dpt: "dapat", dapet: "dapat", mo: "mau", mw: "mau", pengen: "ingin", pgn: "ingin",
    skrg: "sekarang", skrng: "sekarang", skr: "sekarang", kmrn: "kemarin", kemaren: "kemarin",
    bgt: "sangat", banget: "sangat", skali: "sekali", bener: "benar", bnr: "benar", tetep: "tetap", ttp: "tetap",
    lgsg: "langsung", lsg: "langsung", cepet: "cepat", cpt: "cepat", smua: "semua", smw: "semua", sdkt: "sedikit",
    talalu: "terlalu", tlalu: "terlalu",
    // pronouns (all become stop words; mapped so that every spelling is removed)
    sy: "saya", sya: "saya", aku: "saya", ak: "saya", gw: "saya", gue: "saya", beta: "saya", sa: "saya",
    katong: "kita", kitong: "kita", botong: "kami", bosong: "kalian", dong: "mereka", mrk: "mereka", mreka: "mereka",
    ko: "kamu", lu: "kamu", lo: "kamu", kau: "kamu", dy: "dia", pung: "punya",
    // people and offices
    bpk: "bapak", bp: "bapak", pak: "bapak", bu: "ibu", org: "orang", orng: "orang", ortu: "orang tua",
    ptgs: "petugas", ptugas: "petugas", pgawai: "pegawai", pgw: "pegawai", kntr: "kantor", kntor: "kantor",
    kadis: "kepala dinas", kabid: "kepala bidang", kades: "kepala desa", kaling: "kepala lingkungan", lurah: "lurah",
    pemkab: "pemerintah kabupaten", pemkot: "pemerintah kota", pemprov: "pemerintah provinsi",
    kab: "kabupaten", kec: "kecamatan", kel: "kelurahan", ds: "desa",
    // units
    dukcapil: "dukcapil", capil: "dukcapil", disdukcapil: "dukcapil", dispendukcapil: "dukcapil",
    dinkes: "dinas kesehatan", dinsos: "dinas sosial", disdik: "dinas pendidikan", dikbud: "pendidikan kebudayaan",
    puskes: "puskesmas", pkm: "puskesmas", dpmptsp: "ptsp", perizinan: "izin", ijin: "izin",
    // documents and programmes
    kk: "kartu keluarga", akte: "akta", ektp: "ktp", skck: "skck",
    sktm: "surat keterangan tidak mampu", ket: "keterangan", surket: "surat keterangan", suket: "surat keterangan",
    bansos: "bantuan sosial", no: "nomor", nmr: "nomor",
    // time
    tgl: "tanggal", bln: "bulan", thn: "tahun", th: "tahun", hr: "hari", mgg: "minggu", mngg: "minggu", mnt: "menit",
    // money and extortion
    duit: "uang", doi: "uang", pungli: "pungutan liar", rp: "",
    // colloquial verbs (nasal prefixes and Kupang Malay forms the stemmer does not know)
    kasih: "beri", ngasih: "beri", ngasi: "beri", dikasih: "diberi", dikasi: "diberi",
    nunggu: "tunggu", nungguin: "tunggu", ngurus: "urus", ngurusin: "urus", nanya: "tanya", nanyain: "tanya",
    bikin: "buat", dibikin: "dibuat", ngomong: "bicara", omong: "bicara", bilang: "kata", blg: "kata",
    ngambil: "ambil", nyuruh: "suruh", nyari: "cari", antri: "antre", ngantri: "antre", ngantre: "antre",
    antrian: "antrean", pake: "pakai", liat: "lihat", ngeliat: "lihat", lia: "lihat", tau: "tahu", tw: "tahu",
    pi: "pergi", pigi: "pergi", tarima: "terima", nelpon: "telepon", ditelpon: "telepon", telp: "telepon",
    tlp: "telepon", tlpn: "telepon", lelet: "lambat", lmbt: "lambat", jutek: "ketus", judes: "ketus",
    bentak: "bentak", dibentak: "bentak", ngebentak: "bentak", marah2: "marah",
    // spelling slips common enough to deserve an entry
    kluarga: "keluarga", klrg: "keluarga", sklh: "sekolah", skolah: "sekolah", pelayana: "pelayanan",
    pelyanan: "pelayanan", pengurussan: "pengurusan", tlg: "tolong", mhn: "mohon",
    ditindaklanjuti: "tindak lanjut", tindaklanjuti: "tindak lanjut", tindaklanjut: "tindak lanjut",
  }),
);

/** Multi-word expressions replaced before tokenising (order matters: longest first). */
export const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bterima\s*kasih\b|\bterimakasih\b|\bmakasih\b|\bmksh\b|\btrims\b|\btks\b/g, " "],
  [/\be[\s-]*ktp\b/g, " ktp "],
  [/\bkartu\s+tanda\s+penduduk\b/g, " ktp "],
  [/\bpungutan\s+liar\b/g, " pungutan liar "],
  [/\bdinas\s+kependudukan\s+(?:dan|&)\s+(?:pencatatan\s+sipil|catatan\s+sipil|capil)\b/g, " dukcapil "],
  [/\bcatatan\s+sipil\b/g, " dukcapil "],
  [/\bpelayanan\s+terpadu\s+satu\s+pintu\b/g, " ptsp "],
  [/\bkartu\s+indonesia\s+sehat\b/g, " kis "],
  [/\bprogram\s+keluarga\s+harapan\b/g, " pkh "],
  [/\bprogram\s+indonesia\s+pintar\b/g, " pip "],
  [/\bbadan\s+penyelenggara\s+jaminan\s+sosial\b/g, " bpjs "],
];

/** Function words, pronouns, particles and letter formulae that say nothing about the matter. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "ada adalah adanya agar akan amat anda antara apa apakah apabila atau ataupun atas bagaimana bagi bahkan bahwa " +
    "baru beberapa begitu begini belum benar berapa bersama biasa biasanya bila bisa boleh bukan bukannya cuma dalam dan " +
    "dapat dari daripada demikian dengan di dia diri dulu hal hanya harus hingga ia ialah ini itu jadi jangan jika juga " +
    "justru kalau kalian kami kamu kan karena ke kemudian kenapa kepada ketika kita lagi lah lain lalu maka masih mau " +
    "melainkan mengapa mereka meski meskipun mungkin namun nanti oleh pada padahal para pernah pula pun saat saja sama " +
    "sambil sampai sangat saya se sebab sebagai sebelum sebelumnya sedang sehingga sejak sekali sekarang selalu selama " +
    "semua seperti serta setelah sudah supaya tadi tapi tentang terhadap tersebut terus tetapi tidak untuk yaitu yakni yang " +
    "nama bernama katanya ya yah nya sih deh kok nah loh lho kah toh punya sendiri tetap langsung hanya pula agak sudahlah lagipula bahwasanya " +
    "apalagi sedangkan walaupun walau setiap tiap masing sebuah seorang suatu sesuatu para beliau anu begitulah " +
    "yang terhormat hormat salam selamat demikianlah atas perhatian perhatiannya mohon tolong kiranya sekiranya " +
    "bapak ibu saudara saudari sdr sdri pak bu om tante kakak adik kaka nona nyong mama bapa " +
    "orang tua juga kapan mana sini situ sana tersebutlah lain lain sebagainya seterusnya dsb dll ok oke " +
    "tanpa serta perlu jadi rupiah satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh ratus " +
    "ribu juta setengah seratus seribu kali pertama kedua ketiga ii iii iv vi vii viii ix xi xii"
  ).split(/\s+/),
);

/**
 * Stems every complaint shares whatever its matter (the office, the waiting, the paying): they
 * count for less than words that name the matter (ktp, akta, pip, an officer's or a village's name).
 */
export const GENERIC_TERMS: ReadonlySet<string> = new Set(
  (
    "layan tugas pegawai kantor dinas urus lapor adu keluh warga masyarakat minta uang bayar biaya tanggap hari minggu " +
    "bulan tahun jam menit tanggal datang tunggu lama proses berkas syarat dokumen surat pemerintah kabupaten kota provinsi " +
    "kecamatan kelurahan desa pihak kali hasil tindak lanjut harap jelas info informasi alasan kata bicara jawab tanya " +
    "buat ambil beri terima tahu lihat pergi pulang sampai nomor telepon whatsapp hp nama sudah orang masalah kasus " +
    "pagi siang sore malam kemarin besok dapat ikut bantu periksa kepala bidang seksi staf loket ruang meja bagian " +
    "pelapor adu laku tindak sikap kerja giat program daerah negeri umum rakyat akhir awal selesai terbit anak publik kelas " +
    // Months: the incident date is compared on its own; in the text they would count twice.
    "januari februari maret april mei juni juli agustus september oktober november desember"
  ).split(/\s+/),
);

/**
 * Stems naming the service or document (KTP, akta, BPJS, PKH, PIP, permits): they tell one kind of
 * matter from another, but every complaint of that kind at that unit shares them, so they count half.
 */
export const TOPIC_TERMS: ReadonlySet<string> = new Set(
  (
    "ktp elektronik rekam cetak blanko akta lahir mati kartu keluarga pindah dukcapil puskesmas bpjs kis jkn pasien obat " +
    "bidan dokter awat rawat sakit rujuk pkh bansos bantu sosial dtks damping sekolah siswa murid guru didik pip kip " +
    "izin pbg nib oss usaha ptsp tunjang honor insentif sd sdn smp smpn sma sman smk"
  ).split(/\s+/),
);

/** Words that name a kind of unit (regions.json kinds), for units and texts that give no unit id. */
export const UNIT_KIND_WORDS: ReadonlyArray<readonly [string, string]> = [
  ["dukcapil", "DUKCAPIL"], ["kependudukan", "DUKCAPIL"], ["ktp", "DUKCAPIL"], ["akta", "DUKCAPIL"],
  ["puskesmas", "PUSKESMAS"], ["pustu", "PUSKESMAS"],
  ["kesehatan", "KESEHATAN"], ["rsud", "KESEHATAN"],
  ["pendidikan", "PENDIDIKAN"], ["sekolah", "PENDIDIKAN"], ["pip", "PENDIDIKAN"], ["kip", "PENDIDIKAN"],
  ["sosial", "SOSIAL"], ["pkh", "SOSIAL"], ["bansos", "SOSIAL"], ["bpnt", "SOSIAL"],
  ["ptsp", "DPMPTSP"], ["izin", "DPMPTSP"], ["penanaman", "DPMPTSP"], ["pbg", "DPMPTSP"], ["imb", "DPMPTSP"], ["nib", "DPMPTSP"],
  ["inspektorat", "OTHER"], ["organisasi", "OTHER"],
];
