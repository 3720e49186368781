import { CATEGORIES, type Confidentiality } from "../complaints/vocabulary.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { Translate } from "../i18n/index.js";
import { open311Status } from "./status.js";
import { serviceName, serviceOfCategory, type ServiceCode, OTHER_SERVICE } from "./services.js";

/**
 * What Open311 publishes about complaints. Privacy rules (domain brief §7, UU 27/2022):
 * - a complaint whose reporter chose "confidential", or that has no recorded reporter (imported
 *   registers), is not public at all: listings leave it out and GET requests/{id} answers 404;
 * - nothing the reporter wrote is published, whatever they chose: no name, contact, NIK or
 *   address, but also no subject, description, free-text unit name or location, because people
 *   write names, phone numbers and health details into them. "public" lets those handling the case
 *   know who the reporter is; it is not consent to publish on the internet;
 * - what is published is ours: the tracking number, the service (category), the unit when chosen
 *   from the Pemda's list, the Pemda, the status and when it was received and last changed.
 */
const PUBLIC_CONFIDENTIALITY = ["public", "anonymous"] as const satisfies readonly Confidentiality[];

export const publicComplaintWhere = {
  reporter: { is: { confidentiality: { in: [...PUBLIC_CONFIDENTIALITY] } } },
} satisfies Prisma.ComplaintWhereInput;

export const publicRequestSelect = {
  trackingNumber: true,
  status: true,
  category: true,
  receivedAt: true,
  updatedAt: true,
  region: { select: { name: true } },
  unit: { select: { name: true } },
} satisfies Prisma.ComplaintSelect;

export type PublicRequestRow = Prisma.ComplaintGetPayload<{ select: typeof publicRequestSelect }>;

/** The complaints of the given services (a stored category we no longer offer counts as "other"). */
export function serviceCodeWhere(codes: readonly ServiceCode[]): Prisma.ComplaintWhereInput {
  const categories = codes.filter((code) => code !== OTHER_SERVICE);
  const or: Prisma.ComplaintWhereInput[] = [{ category: { in: categories } }];
  if (codes.includes(OTHER_SERVICE)) or.push({ category: null }, { category: { notIn: [...CATEGORIES] } });
  return { OR: or };
}

/** W3C date-time in UTC without fractions, as the spec's examples write it. */
const w3 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** One complaint as an Open311 service request (GET requests and GET requests/{id}). */
export function toPublicRequest(row: PublicRequestRow, t: Translate) {
  const service = serviceOfCategory(row.category);
  const name = serviceName(service, t);
  return {
    service_request_id: row.trackingNumber,
    status: open311Status(row.status),
    status_notes: t(`complaint_status.${row.status}.citizen`, { defaultValue: row.status }),
    service_name: name,
    service_code: service,
    description: row.unit ? t("open311.public_description_unit", { service: name, unit: row.unit.name }) : t("open311.public_description", { service: name }),
    agency_responsible: row.region.name,
    service_notice: null,
    requested_datetime: w3(row.receivedAt),
    updated_datetime: w3(row.updatedAt),
  };
}
