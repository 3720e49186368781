import { describe, expect, it } from "vitest";
import {
  contentWords,
  decodeSketch,
  encodeSketch,
  placeWords,
  sketchJaccard,
  termsOfWords,
  termWeight,
  TRIGRAM_SKETCH_SIZE,
  trigramSketch,
} from "../../src/duplicates/indonesian-text.js";
import { stemIndonesian } from "../../src/duplicates/stem-indonesian.js";

const terms = (text: string) => termsOfWords(contentWords(text));

describe("words of a complaint text", () => {
  it("drops function words, pronouns and particles in formal and informal spelling", () => {
    expect(contentWords("Saya sudah tidak dapat dengan yang itu")).toEqual([]);
    expect(contentWords("sy sdh tdk dpt dgn yg itu")).toEqual([]);
    expect(contentWords("gak udah nggak blm krn utk jg lg bgt dll")).toEqual([]);
  });

  it("understands Kupang Malay", () => {
    expect(contentWords("beta su datang, dong sonde layani katong")).toEqual(["datang", "layani"]);
  });

  it("expands abbreviations that name the matter", () => {
    expect(contentWords("urus kk")).toEqual(["urus", "kartu", "keluarga"]);
    expect(contentWords("akte lahir")).toEqual(["akta", "lahir"]);
    expect(contentWords("ptgs capil")).toEqual(["petugas", "dukcapil"]);
    expect(contentWords("pungli di pkm")).toEqual(["pungutan", "liar", "puskesmas"]);
    expect(contentWords("Dinas Kependudukan & Catatan Sipil")).toEqual(["dukcapil"]);
    expect(contentWords("Pelayanan Terpadu Satu Pintu")).toEqual(["ptsp"]);
  });

  it("writes every form of the electronic identity card as ktp", () => {
    for (const text of ["e-KTP", "E KTP", "ektp", "e-ktp", "KTP-el", "Kartu Tanda Penduduk"]) expect(contentWords(text)[0]).toBe("ktp");
  });

  it("writes an amount the same way however it is typed or spelt", () => {
    for (const text of ["Rp 250.000", "Rp250.000,-", "Rp. 250.000,00", "250rb", "250 ribu", "250k", "dua ratus lima puluh ribu rupiah"]) {
      expect(contentWords(text)).toEqual(["250000"]);
    }
    for (const text of ["1,5 juta", "1.5jt", "Rp 1.500.000", "satu setengah juta"]) expect(contentWords(text)).toEqual(["1500000"]);
    expect(contentWords("sepuluh juta")).toEqual(["10000000"]);
    expect(contentWords("seratus ribu")).toEqual(["100000"]);
    expect(contentWords("dua belas ribu lima ratus")).toEqual(["12500"]);
  });

  it("drops counts, days and years, which say little about the matter", () => {
    expect(contentWords("dua kali, 3x, tanggal 12, tahun 2025")).toEqual(["tanggal", "tahun"]);
  });

  it("drops phone numbers and NIK written in the text: they are identity", () => {
    expect(contentWords("hubungi 081234567890 NIK 5371041203850002")).toEqual(["hubungi", "nik"]);
  });

  it("folds reduplication, stretched letters, diacritics and punctuation", () => {
    expect(contentWords("anak2 anak-anak")).toEqual(["anak", "anak"]);
    expect(contentWords("lamaaaa sekaliii!!!")).toEqual(["lama"]);
    expect(contentWords("Jum'at, pukul 09.00 — café")).toEqual(["jumat", "pukul", "cafe"]);
  });
});

describe("place names", () => {
  it("takes the names after desa, kelurahan, school and market markers", () => {
    expect(placeWords("Saya warga Desa Makata Keri, Kecamatan Katikutana")).toEqual(["makata", "keri", "katikutana"]);
    expect(placeWords("anak sy di SD Negeri Oetete 2 kelas VI")).toEqual(["oetete"]);
    expect(placeWords("Kios di Pasar Inpres Naikoten terbakar")).toEqual(["naikoten"]);
  });

  it("stops at the first word that is not a name", () => {
    expect(placeWords("Kepala sekolah hanya meminta kami berdamai")).toEqual([]);
    expect(placeWords("di kantor desa menunggu petugas")).toEqual([]);
    expect(placeWords("Kelurahan Oesapa")).toEqual(["oesapa"]);
  });
});

describe("stems", () => {
  it("reduces inflected words to one root", () => {
    expect(terms("pelayanan dilayani melayani")).toEqual(["layan"]);
    expect(terms("pemerasan diperas")).toEqual(["peras"]);
    expect(terms("permintaan dimintai meminta")).toEqual(["minta"]);
    expect(terms("pendaftaran didaftarkan mendaftar")).toEqual(["daftar"]);
  });

  it("leaves names, places and numbers as they are", () => {
    expect(stemIndonesian("oebobo")).toBe("oebobo");
    expect(stemIndonesian("ningsih")).toBe("ningsih");
    expect(stemIndonesian("250000")).toBe("250000");
    expect(stemIndonesian("ktp")).toBe("ktp");
  });

  it("gives sorted distinct terms", () => {
    expect(terms("pungutan dipungut KTP pungli akta")).toEqual(["akta", "ktp", "liar", "pungut"]);
  });
});

describe("term weights", () => {
  it("counts generic words least, topic words half, amounts most", () => {
    expect(termWeight("tugas")).toBe(0.3);
    expect(termWeight("agustus")).toBe(0.3);
    expect(termWeight("ktp")).toBe(0.5);
    expect(termWeight("ningsih")).toBe(1);
    expect(termWeight("250000")).toBe(1.5);
    expect(termWeight("3b")).toBe(1);
  });
});

describe("character trigram sketches", () => {
  const jaccard = (a: string[], b: string[]) => sketchJaccard(trigramSketch(a), trigramSketch(b));

  it("keeps words with a typo close and different words apart", () => {
    expect(jaccard(["pelayanan"], ["pelayann"])).toBeGreaterThan(0.5);
    expect(jaccard(["petugas"], ["petgas"])).toBeGreaterThan(0.4);
    expect(jaccard(["pelayanan"], ["kesehatan"])).toBeLessThan(0.2);
  });

  it("is 1 for the same words, 0 for nothing in common or nothing at all", () => {
    expect(jaccard(["ktp", "calo"], ["calo", "ktp"])).toBe(1);
    expect(jaccard(["aaa"], ["zzz"])).toBe(0);
    expect(jaccard([], ["ktp"])).toBe(0);
  });

  it("is the exact Jaccard index below the sketch size", () => {
    const a = trigramSketch(["pungutan", "liar", "dukcapil"]);
    const b = trigramSketch(["pungutan", "dukcapil", "kupang"]);
    const shared = [...a].filter((h) => b.includes(h)).length;
    expect(sketchJaccard(a, b)).toBeCloseTo(shared / (a.length + b.length - shared), 10);
  });

  it("keeps at most the sketch size of the smallest hashes, and estimates well beyond it", () => {
    const words = Array.from({ length: 400 }, (_, i) => `kata${i}x${(i * 7919) % 1000}`);
    const sketch = trigramSketch(words);
    expect(sketch.length).toBe(TRIGRAM_SKETCH_SIZE);
    expect([...sketch]).toEqual([...sketch].sort((x, y) => x - y));
    expect(sketchJaccard(sketch, trigramSketch(words))).toBe(1);
    const half = trigramSketch(words.slice(0, 200));
    const estimate = sketchJaccard(sketch, half);
    expect(estimate).toBeGreaterThan(0.3);
    expect(estimate).toBeLessThan(0.7);
  });

  it("survives the round trip through base64", () => {
    const sketch = trigramSketch(["petugas", "dukcapil", "minta", "uang"]);
    expect(decodeSketch(encodeSketch(sketch))).toEqual(sketch);
    expect(decodeSketch("")).toEqual(new Uint32Array(0));
  });
});
