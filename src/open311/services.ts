import { CATEGORIES, type Category } from "../complaints/vocabulary.js";
import type { Translate } from "../i18n/index.js";

/**
 * The Open311 services are the Ombudsman's maladministration categories (domain brief §3), whose
 * stable keys serve as service codes, plus "other" for a complaint that fits none of them (stored
 * without a category, as the web form allows).
 */
export const OTHER_SERVICE = "other";
export const SERVICE_CODES = [...CATEGORIES, OTHER_SERVICE] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

export const isServiceCode = (value: unknown): value is ServiceCode => typeof value === "string" && (SERVICE_CODES as readonly string[]).includes(value);

export const categoryOfService = (code: ServiceCode): Category | undefined => (code === OTHER_SERVICE ? undefined : code);

/** The service a stored complaint belongs to; a missing or retired category is "other". */
export const serviceOfCategory = (category: string | null): ServiceCode => (isServiceCode(category) ? category : OTHER_SERVICE);

export function serviceName(code: ServiceCode, t: Translate): string {
  return code === OTHER_SERVICE ? t("open311.services.other.name") : t(`categories.${code}.label`);
}

/** GET services: every service, named in the request's language. */
export function serviceList(t: Translate) {
  return SERVICE_CODES.map((code) => ({
    service_code: code,
    service_name: serviceName(code, t),
    description: code === OTHER_SERVICE ? t("open311.services.other.description") : t(`categories.${code}.hint`),
    // Every service has attributes our complaint needs and Open311 lacks (unit, incident date, ...).
    metadata: true,
    type: "realtime",
    keywords: t(`open311.keywords.${code}`),
    group: t("open311.group"),
  }));
}
