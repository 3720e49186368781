import { describe, expect, it } from "vitest";
import { classifyCandidates } from "../../src/duplicates/classify-candidates.js";
import { presentReason, renderReason } from "../../src/duplicates/render-reason.js";
import { matchEvidence, type MatchReason, scoreCandidate } from "../../src/duplicates/score-candidate.js";
import { translator } from "../../src/i18n/index.js";
import { profile } from "./complaint-factory.js";
import { EVALUATION_SECRET, loadEvaluationSet, profileOf } from "./evaluation-set.js";

// The same matter rewritten colloquially by the same reporter, identity written differently.
const rewritten = {
  reporter: { name: "Bpk. Yohanis Bria", nik: null, phone: "+62 812 3791 4406", email: null },
  unitId: null,
  unitKind: null,
  unitName: "Disdukcapil",
  subject: "ktp sdh 4 bln blm jadi, disuruh bayar calo",
  description: "sy sdh rekam e-ktp dari april tp blm dicetak, katanya blanko kosong. ptgs suruh sy ketemu om yanto diluar, dia minta 100rb biar langsung jadi. sy tdk mau kasih krn itu pungli.",
  incidentDate: "2025-08-06",
};
// The same incident told by another citizen.
const otherWitness = {
  reporter: { name: "Maria Tefa", nik: "5371016708920003", phone: "0852-3901-2345", email: null },
  subject: "Calo di depan kantor Dukcapil meminta Rp 100.000 untuk cetak KTP",
  description:
    "Pada awal Agustus 2025 KTP-el saya belum dicetak karena blanko kosong. Ketika keluar kantor ada pria bernama Yanto yang menawarkan KTP jadi hari itu juga asal membayar seratus ribu rupiah. Beberapa warga membayar kepadanya.",
  incidentDate: "2025-08-05",
};
// The same reporter, months later, about another matter at the same unit.
const otherMatter = {
  subject: "Akta kematian ayah saya belum terbit setelah dua bulan",
  description: "Saya mengajukan akta kematian ayah saya di Dukcapil Kota Kupang dengan surat keterangan kematian dari kelurahan. Dijanjikan selesai 14 hari, tetapi belum terbit. Akta diperlukan untuk pensiun janda ibu saya.",
  incidentDate: "2025-09-02",
};

describe("scoring a candidate", () => {
  it("calls the same matter from the same reporter a duplicate, though rewritten and without NIK", () => {
    const match = scoreCandidate(profile(rewritten), profile());
    expect(match.verdict).toBe("duplicate");
    expect(match.score).toBeGreaterThanOrEqual(0.7);
    expect(match.reasons).toContainEqual({ field: "reporter.phone", code: "equal", params: {} });
    expect(match.reasons).toContainEqual({ field: "reporter.nik", code: "missing_in_one", params: {} });
    expect(match.reasons).toContainEqual({ field: "incidentDate", code: "days_apart", params: { days: 2 } });
  });

  it("calls the same incident told by another citizen related", () => {
    const match = scoreCandidate(profile(otherWitness), profile());
    expect(match.verdict).toBe("related");
    expect(match.score).toBeGreaterThanOrEqual(0.4);
    expect(match.score).toBeLessThan(0.7);
    expect(match.reasons).toContainEqual({ field: "reporter.nik", code: "differs", params: {} });
    expect(match.reasons).toContainEqual({ field: "unit", code: "same", params: {} });
  });

  it("calls another matter of the same reporter none", () => {
    const match = scoreCandidate(profile(otherMatter), profile());
    expect(match.verdict).toBe("none");
    expect(match.score).toBeLessThan(0.4);
    expect(match.reasons).toContainEqual({ field: "reporter.nik", code: "equal", params: {} });
  });

  it("never calls complaints with different NIKs duplicates, however alike", () => {
    const match = scoreCandidate(profile({ reporter: { nik: "5371041203850099" } }), profile());
    expect(match.verdict).toBe("related");
  });

  it("needs a name as well as a shared phone: a household's one phone is not one reporter", () => {
    const spouse = profile({ reporter: { name: "Yosefina Bria", nik: null, email: null } });
    expect(scoreCandidate(spouse, profile()).verdict).toBe("related");
  });

  it("accepts a reporter known by name only when the texts are close and the dates near", () => {
    const nameOnly = { reporter: { name: "Yohanes Bria", nik: null, phone: null, email: null } };
    expect(scoreCandidate(profile(nameOnly), profile()).verdict).toBe("duplicate");
    expect(scoreCandidate(profile({ ...nameOnly, incidentDate: "2025-08-25" }), profile()).verdict).not.toBe("duplicate");
    expect(scoreCandidate(profile({ reporter: { name: "Maria", nik: null, phone: null, email: null } }), profile({ reporter: { name: "Maria" } })).verdict).not.toBe("duplicate");
  });

  it("calls nothing a duplicate or related across Pemda or units", () => {
    expect(scoreCandidate(profile({ regionCode: "53.04" }), profile()).verdict).toBe("none");
    expect(scoreCandidate(profile({ unitId: 718, unitKind: "PUSKESMAS" }), profile()).verdict).toBe("none");
    expect(scoreCandidate(profile({ unitId: null, unitKind: "SOSIAL" }), profile()).verdict).toBe("none");
  });

  it("calls nothing the same matter when the incidents are months apart", () => {
    expect(scoreCandidate(profile({ incidentDate: "2025-11-04" }), profile()).verdict).toBe("none");
    expect(scoreCandidate(profile({ ...otherWitness, incidentDate: "2025-09-15" }), profile()).verdict).toBe("none");
  });

  it("still compares when a date cannot be read or a unit is unknown", () => {
    const match = scoreCandidate(profile({ ...rewritten, incidentDate: "tidak ingat" }), profile({ unitId: null, unitKind: null, unitName: null }));
    expect(match.verdict).toBe("duplicate");
    expect(match.reasons.some((reason) => reason.field === "incidentDate")).toBe(false);
  });

  it("gives the same verdict whichever complaint comes first", () => {
    for (const other of [rewritten, otherWitness, otherMatter]) {
      expect(scoreCandidate(profile(other), profile()).verdict).toBe(scoreCandidate(profile(), profile(other)).verdict);
    }
  });

  it("measures the evidence it decides on", () => {
    const evidence = matchEvidence(profile(rewritten), profile());
    expect(evidence.reporterConfidence).toBeGreaterThanOrEqual(0.9);
    expect(evidence.days).toBe(2);
    expect(evidence.unit).toBe("same_kind");
    expect(evidence.text).toBeGreaterThan(0.3);
    expect(evidence.specificTerms).toBeGreaterThanOrEqual(2);
    expect(matchEvidence(profile(), profile()).text).toBeCloseTo(1, 5);
  });
});

describe("evidence never reveals identity", () => {
  it("keeps NIK, phone, email and name out of every reason of every pair of the evaluation set", () => {
    const set = loadEvaluationSet();
    const profiles = new Map(set.complaints.map((complaint) => [complaint.id, profileOf(complaint, set.units)]));
    expect(EVALUATION_SECRET).toBeTruthy();
    for (const pair of set.pairs) {
      const reasons = JSON.stringify(scoreCandidate(profiles.get(pair.a)!, profiles.get(pair.b)!).reasons).toLowerCase();
      for (const complaint of [set.byId.get(pair.a)!, set.byId.get(pair.b)!]) {
        const { name, nik, phone, email } = complaint.reporter;
        const values = [nik, phone?.replace(/\D/g, "").slice(-8), email, ...name.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 4)];
        for (const value of values) if (value) expect(reasons).not.toContain(value.toLowerCase());
      }
    }
  });

  it("carries only numbers in reason parameters", () => {
    const reasons: MatchReason[] = scoreCandidate(profile(rewritten), profile()).reasons;
    for (const reason of reasons) for (const value of Object.values(reason.params)) expect(typeof value).toBe("number");
  });
});

describe("classifying the candidates of a new complaint", () => {
  const candidates = [
    { id: "other-matter", profile: profile(otherMatter) },
    { id: "witness", profile: profile(otherWitness) },
    { id: "rewritten", profile: profile(rewritten) },
    { id: "elsewhere", profile: profile({ regionCode: "53.04" }) },
  ];

  it("puts duplicates first, then related, and leaves out the rest", () => {
    const result = classifyCandidates(profile(), candidates);
    expect(result.verdict).toBe("duplicate");
    expect(result.candidates.map((candidate) => [candidate.id, candidate.match.verdict])).toEqual([
      ["rewritten", "duplicate"],
      ["witness", "related"],
    ]);
  });

  it("keeps the others on request, ordered by score", () => {
    const result = classifyCandidates(profile(), candidates, { keepNone: true });
    expect(result.candidates).toHaveLength(4);
    const scores = result.candidates.map((candidate) => candidate.match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("answers related when no candidate is a duplicate, and none without candidates", () => {
    expect(classifyCandidates(profile(), candidates.slice(0, 2)).verdict).toBe("related");
    expect(classifyCandidates(profile(), [])).toEqual({ verdict: "none", candidates: [] });
  });

  it("scores each candidate as scoreCandidate does", () => {
    const result = classifyCandidates(profile(), candidates, { keepNone: true });
    for (const candidate of result.candidates) expect(candidate.match).toEqual(scoreCandidate(profile(), candidate.profile));
  });
});

describe("the wording of reasons", () => {
  const id = translator("id");
  const en = translator("en");

  it("reads in Indonesian with Indonesian decimals", () => {
    expect(renderReason({ field: "reporter.nik", code: "equal", params: {} }, id)).toBe("NIK sama");
    expect(renderReason({ field: "reporter.phone", code: "equal", params: {} }, id)).toBe("Telepon sama setelah dinormalisasi");
    expect(renderReason({ field: "reporter.name", code: "similar", params: { similarity: 0.93 } }, id)).toBe("Nama mirip 0,93");
    expect(renderReason({ field: "unit", code: "same", params: {} }, id)).toBe("Unit sama");
    expect(renderReason({ field: "text", code: "similarity", params: { similarity: 0.71 } }, id)).toBe("Kemiripan teks 0,71");
    expect(renderReason({ field: "incidentDate", code: "days_apart", params: { days: 3 } }, id)).toBe("Tanggal kejadian berselisih 3 hari");
  });

  it("reads in English with singular and plural", () => {
    expect(renderReason({ field: "incidentDate", code: "days_apart", params: { days: 1 } }, en)).toBe("Incident dates 1 day apart");
    expect(renderReason({ field: "incidentDate", code: "days_apart", params: { days: 3 } }, en)).toBe("Incident dates 3 days apart");
    expect(renderReason({ field: "reporter.name", code: "similar", params: { similarity: 0.9 } }, en)).toBe("Name similar 0.90");
    expect(renderReason({ field: "text", code: "specific_terms", params: { count: 2 } }, en)).toBe("2 specific terms (name, place, amount) in common");
  });

  it("has a text in both languages for every reason the scorer gives", () => {
    const set = loadEvaluationSet();
    const profiles = set.complaints.slice(0, 40).map((complaint) => profileOf(complaint, set.units));
    const seen = new Map<string, MatchReason>();
    for (const a of profiles) for (const b of profiles) for (const reason of scoreCandidate(a, b).reasons) seen.set(`${reason.field}.${reason.code}`, reason);
    expect(seen.size).toBeGreaterThanOrEqual(12);
    for (const reason of seen.values()) {
      for (const t of [id, en]) {
        const text = renderReason(reason, t);
        expect(text).not.toContain("duplicates.");
        expect(text).not.toContain("{{");
      }
    }
  });

  it("presents a reason as the API's { field, detail }", () => {
    expect(presentReason({ field: "reporter.nik", code: "equal", params: {} }, en)).toEqual({ field: "reporter.nik", detail: "NIK equal" });
  });
});

describe("one reporter's two matters", () => {
  const school = {
    reporter: { name: "Elisabet Ndoen", nik: "5371045604840002", phone: "0812-4610-3377", email: null },
    unitId: 712,
    unitKind: "PENDIDIKAN",
    unitName: "Dinas Pendidikan Kota Kupang",
  };
  const fee = profile({
    ...school,
    subject: "Uang perpisahan kelas VI Rp 300.000 diwajibkan di SD Negeri Oetete 2",
    description: "Wali kelas VI SD Negeri Oetete 2 mewajibkan uang perpisahan Rp 300.000. Siswa yang belum membayar diancam tidak menerima rapor dan ijazah.",
    incidentDate: "2026-05-11",
  });

  it("are not duplicates though they share the school, the office and the month", () => {
    const beating = profile({
      ...school,
      subject: "Guru olahraga memukul anak saya dengan kayu",
      description: "Anak saya kelas VI di SD Negeri Oetete 2 dipukul dengan kayu oleh guru olahraga karena terlambat. Kepala sekolah hanya meminta kami berdamai.",
      incidentDate: "2026-05-21",
    });
    const evidence = matchEvidence(beating, fee);
    expect(evidence.reporterConfidence).toBe(1);
    expect(evidence.subjectCover).toBeLessThan(0.4);
    expect(scoreCandidate(beating, fee).verdict).toBe("none");
  });

  it("are recognised as one matter when a subject says nothing and the opening sentence does", () => {
    const vague = profile({ ...school, subject: "Mohon ditindaklanjuti", description: "Uang perpisahan 300rb diwajibkan wali kelas VI SDN Oetete 2. Rapor dan ijazah ditahan kalau tdk bayar.", incidentDate: "2026-05-12" });
    expect(matchEvidence(vague, fee).subjectCover).toBeGreaterThanOrEqual(0.4);
    expect(scoreCandidate(vague, fee).verdict).toBe("duplicate");
  });

  it("leave the subject cover unknown, not zero, when neither complaint names its matter", () => {
    const a = profile({ subject: "Pengaduan", description: "Tolong dibantu." });
    const b = profile({ subject: "Laporan", description: "Mohon ditindaklanjuti." });
    expect(matchEvidence(a, b).subjectCover).toBeNull();
  });
});
