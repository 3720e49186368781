import path from "node:path";
import ejs from "ejs";
import { config } from "../config.js";
import { isLocale, translator, DEFAULT_LOCALE } from "../i18n/index.js";
import { viewsDir } from "../paths.js";

export interface RenderedEmail {
  subject: string;
  text: string;
}

/**
 * Renders views/emails/<template>.ejs (plain text) in the recipient's language; the subject is
 * the locale key `emails.<template>.subject`.
 */
export async function renderEmail(template: string, locale: string, data: Record<string, unknown>): Promise<RenderedEmail> {
  const t = translator(isLocale(locale) ? locale : DEFAULT_LOCALE);
  // Compiled once per template in production, as the pages are (ejs keys its cache by file name).
  const text = await ejs.renderFile(path.join(viewsDir, "emails", `${template}.ejs`), { ...data, t, baseUrl: config.baseUrl }, { async: false, cache: config.isProduction });
  return { subject: t(`emails.${template}.subject`, data), text: text.trim() + "\n" };
}
