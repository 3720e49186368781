import { describe, expect, it } from "vitest";
import { hashAccessCode, newAccessCode, verifyAccessCode } from "../../src/complaints/access-code.js";
import { civilDateIn, incidentDateProblem, isCivilDate, normalizeNik, normalizePhone, yearsBefore } from "../../src/complaints/intake-rules.js";
import { formatAccessCode, generateTrackingNumber, normalizeTrackingNumber, READABLE_ALPHABET } from "../../src/complaints/tracking-number.js";

describe("intake rules", () => {
  it("accepts a NIK of 16 digits however it is typed, and nothing else", () => {
    expect(normalizeNik("5301011203850001")).toBe("5301011203850001");
    expect(normalizeNik("5301 0112 0385 0001")).toBe("5301011203850001");
    expect(normalizeNik("53.01.01.120385.0001")).toBe("5301011203850001");
    expect(normalizeNik("530101120385000")).toBeNull();
    expect(normalizeNik("53010112038500012")).toBeNull();
    expect(normalizeNik("53010112038500O1")).toBeNull();
  });

  it("normalises Indonesian phone numbers to one form", () => {
    expect(normalizePhone("0812-3456-7890")).toBe("+6281234567890");
    expect(normalizePhone("+62 812 3456 7890")).toBe("+6281234567890");
    expect(normalizePhone("62812 3456 7890")).toBe("+6281234567890");
    expect(normalizePhone("(0380) 821234")).toBe("+62380821234");
    expect(normalizePhone("081234")).toBeNull();
    expect(normalizePhone("bukan nomor")).toBeNull();
  });

  it("accepts an event less than two years old and explains the rest", () => {
    expect(incidentDateProblem("2024-03-03", "2026-03-02")).toBeNull();
    expect(incidentDateProblem("2024-03-02", "2026-03-02")).toBe("too_old");
    expect(incidentDateProblem("2020-01-01", "2026-03-02")).toBe("too_old");
    expect(incidentDateProblem("2026-03-02", "2026-03-02")).toBeNull();
    expect(incidentDateProblem("2026-03-03", "2026-03-02")).toBe("future");
    expect(incidentDateProblem("2026-02-30", "2026-03-02")).toBe("invalid");
    expect(incidentDateProblem("kemarin", "2026-03-02")).toBe("invalid");
  });

  it("counts two years back from a leap day to the 28th of February", () => {
    expect(yearsBefore("2028-02-29", 2)).toBe("2026-02-28");
    expect(yearsBefore("2026-01-01", 2)).toBe("2024-01-01");
  });

  it("knows real calendar dates and today's date in WITA", () => {
    expect(isCivilDate("2024-02-29")).toBe(true);
    expect(isCivilDate("2025-02-29")).toBe(false);
    expect(isCivilDate("2026-3-2")).toBe(false);
    expect(civilDateIn("Asia/Makassar", new Date("2026-03-01T16:30:00Z"))).toBe("2026-03-02");
    expect(civilDateIn("Asia/Makassar", new Date("2026-03-01T15:59:00Z"))).toBe("2026-03-01");
  });
});

describe("tracking numbers and access codes", () => {
  it("uses no characters that are confused when read aloud", () => {
    for (const confusing of ["0", "O", "1", "I", "L", "U"]) expect(READABLE_ALPHABET).not.toContain(confusing);
    let n = 0;
    const number = generateTrackingNumber(() => n++ % 30);
    expect(number).toMatch(/^PGH-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  });

  it("reads a tracking number typed carelessly and catches a mistyped character", () => {
    const number = generateTrackingNumber((n) => Math.floor(Math.random() * n));
    expect(normalizeTrackingNumber(number.toLowerCase().replace(/-/g, " "))).toBe(number);
    expect(normalizeTrackingNumber(number.slice(4))).toBe(number);
    const body = number.replace(/-/g, "").slice(3);
    const swapped = body[0] === "2" ? `3${body.slice(1)}` : `2${body.slice(1)}`;
    expect(normalizeTrackingNumber(swapped)).toBeNull();
    expect(normalizeTrackingNumber("PGH-0000-0000")).toBeNull();
    expect(normalizeTrackingNumber("")).toBeNull();
  });

  it("gives a retried submission the same access code, and different submissions different codes", () => {
    expect(newAccessCode("key-123")).toBe(newAccessCode("key-123"));
    expect(newAccessCode("key-123")).not.toBe(newAccessCode("key-124"));
    expect(newAccessCode()).not.toBe(newAccessCode());
    expect(newAccessCode()).toMatch(new RegExp(`^[${READABLE_ALPHABET}]{10}$`));
  });

  it("verifies a code however it is typed, and never matches a missing code", () => {
    const code = newAccessCode();
    const hash = hashAccessCode(code);
    expect(verifyAccessCode(hash, formatAccessCode(code).toLowerCase())).toBe(true);
    expect(verifyAccessCode(hash, newAccessCode())).toBe(false);
    expect(verifyAccessCode(null, code)).toBe(false);
  });
});
