import fs from "node:fs";
import path from "node:path";
import i18next, { type TFunction } from "i18next";
import { localesDir } from "../paths.js";

/** Languages of the user interface: Indonesian first, English second. */
export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
export type Translate = TFunction;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

const resources = Object.fromEntries(
  LOCALES.map((locale) => [locale, { translation: JSON.parse(fs.readFileSync(path.join(localesDir, `${locale}.json`), "utf8")) }]),
);

const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  // Views escape on output (EJS <%= %>); escaping here too would show &amp; to users.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

/** A translation function bound to one language. */
export function translator(locale: Locale): Translate {
  return instance.getFixedT(locale);
}

/** Picks the best supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: (tag ?? "").toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale);
}
