import { parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * A NIK (Nomor Induk Kependudukan, UU 24/2013 as amended) as its 16 digits, with the spaces, dots
 * and dashes people type removed; null unless it has the NIK's shape: a province code 11–94, a birth
 * month 01–12 and a birth day 01–31 (41–71 for women, who add 40).
 */
export function normaliseNik(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const digits = raw.replace(/[\s.\-_/]/g, "");
  if (!/^\d{16}$/.test(digits)) return null;
  const province = Number(digits.slice(0, 2));
  const day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const isDay = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  return province >= 11 && province <= 94 && month >= 1 && month <= 12 && isDay ? digits : null;
}

/**
 * A phone number in E.164 form ("+6281234567890") read as Indonesian unless it says otherwise:
 * 0812-3456-7890, +62 812 3456 7890, 62812..., 812..., +62 (0) 812..., (0380) 821234 (landline with
 * area code). Of several numbers ("0812... / 0852...") the first counts. Null for a number that
 * cannot be dialled as written: too short, masked ("0380-8553xxx"), or a landline without its area code.
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const first = raw.split(/[/,;]|\batau\b|\bor\b/i)[0]!.replace(/\(\s*wa\s*\)|\b(?:wa|hp|telp?|tlp)\b[.:]?/gi, " ");
  if (/\d\s*x|x\s*\d/i.test(first)) return null;
  // "0062..." is how some people write the international prefix; Indonesia's own is 001/007, never 00 62.
  const cleaned = first.trim().replace(/^00(?=\s*62)/, "+");
  const parsed = parsePhoneNumberFromString(cleaned, "ID");
  return parsed?.isValid() ? parsed.number : null;
}

/** An email address trimmed and lower-cased ("mailto:" dropped); null unless it looks like one. */
export function normaliseEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const email = raw.trim().replace(/^mailto:/i, "").toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/.test(email)) return null;
  const [local, domain] = email.split("@") as [string, string];
  // Gmail ignores dots and "+tags" in the local part: one mailbox, many spellings.
  if (domain === "gmail.com" || domain === "googlemail.com") return `${local.split("+")[0]!.replace(/\./g, "")}@gmail.com`;
  return email;
}
