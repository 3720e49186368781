import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { computeDeadline } from "../../src/deadlines/compute-deadline.js";
import { DEFAULT_DEADLINE_POLICY } from "../../src/deadlines/default-deadline-policy.js";
import { draftNationalHolidays } from "../../src/deadlines/draft-national-holidays.js";
import { renderDeadlineBasis } from "../../src/deadlines/render-deadline-basis.js";
import { renderHolidayDraftWarning } from "../../src/deadlines/render-holiday-draft-warning.js";
import { calendar, wita } from "./fixtures.js";

const id = translator("id");
const en = translator("en");
const basisOf = (kind: string, startedAt: Date, pauses: { pausedAt: Date; resumedAt: Date }[] = []) =>
  computeDeadline({ policy: DEFAULT_DEADLINE_POLICY, kind, startedAt, calendar, pauses }).basis;

describe("the basis of a deadline, in words", () => {
  it("names calendar days, the start date and the law, in Indonesian and English", () => {
    const basis = basisOf("written_answer", wita("2026-03-02 10:00"));
    expect(renderDeadlineBasis(basis, id)).toBe("14 hari kalender sejak 2026-03-02, UU 25/2009");
    expect(renderDeadlineBasis(basis, en)).toBe("14 calendar days from 2026-03-02, UU 25/2009");
  });

  it("names working days, with the singular in English for one day", () => {
    expect(renderDeadlineBasis(basisOf("verify_and_route", wita("2026-03-02 10:00")), id)).toBe("3 hari kerja sejak 2026-03-02, Standar layanan SP4N-LAPOR!");
    expect(renderDeadlineBasis(basisOf("lhp_follow_up", wita("2026-03-02 10:00")), en)).toBe("30 working days from 2026-03-02, Peraturan Ombudsman 58/2023 Ps. 54");
    expect(renderDeadlineBasis(basisOf("forward_to_focal_point", wita("2026-03-02 10:00")), en)).toMatch(/^1 working day from 2026-03-02, /);
  });

  it("says by how much pauses extended the deadline", () => {
    const basis = basisOf("decision", wita("2026-01-05 10:00"), [{ pausedAt: wita("2026-01-10 10:00"), resumedAt: wita("2026-01-20 09:00") }]);
    expect(renderDeadlineBasis(basis, id)).toBe("60 hari kalender sejak 2026-01-05, UU 25/2009 Ps. 50, Perpres 76/2013; diperpanjang 10 hari kalender selama penghitungan dihentikan");
    expect(renderDeadlineBasis(basis, en)).toBe("60 calendar days from 2026-01-05, UU 25/2009 Ps. 50, Perpres 76/2013; extended by 10 calendar days while the clock was stopped");
  });
});

describe("the warnings of a holiday draft, in words", () => {
  it("explains every warning of a draft in both languages without leaving a placeholder", () => {
    const warnings = [...draftNationalHolidays(2026).warnings, ...draftNationalHolidays(2028).warnings];
    expect(new Set(warnings.map((w) => w.code))).toEqual(new Set(["cuti_bersama_not_drafted", "date_corrected", "name_corrected", "added", "missing", "islamic_date_estimated"]));
    for (const t of [id, en]) {
      const sentences = warnings.map((w) => renderHolidayDraftWarning(w, t));
      expect(sentences.filter((s) => s.startsWith("deadlines.") || s.includes("{{"))).toEqual([]);
    }
    const corrected = warnings.find((w) => w.code === "date_corrected" && w.date === "2026-03-21");
    expect(corrected && renderHolidayDraftWarning(corrected, id)).toBe("Idulfitri 1447 Hijriah: tanggal dari pustaka (2026-03-20) dikoreksi menjadi 2026-03-21 sesuai SKB.");
  });
});
