import { db } from "../db.js";
import type { Prisma } from "../generated/prisma/client.js";
import { ValidationError } from "../http/errors.js";
import { findJurisdiction } from "./find-jurisdiction.js";
import { publicComplaintWhere, publicRequestSelect, serviceCodeWhere } from "./public-requests.js";
import { MAX_WINDOW_DAYS, requestWindow } from "./request-window.js";
import type { RequestsQuery } from "./requests-query.js";
import { CLOSED_STATES } from "./status.js";

/**
 * GET requests: the public complaints of one Pemda, newest first. service_request_id overrides
 * the other filters (spec), never the privacy rules of public-requests.ts.
 */
export async function searchServiceRequests(query: RequestsQuery, now = new Date()) {
  const region = await findJurisdiction(query.jurisdiction_id);
  const filters: Prisma.ComplaintWhereInput[] = [{ regionId: region.id }, publicComplaintWhere];
  if (query.service_request_id) {
    filters.push({ trackingNumber: { in: query.service_request_id } });
  } else {
    const window = requestWindow(query.start_date, query.end_date, now);
    if ("problem" in window) {
      throw new ValidationError([
        window.problem === "too_long"
          ? { path: "end_date", messageKey: "open311.errors.date_span", params: { days: MAX_WINDOW_DAYS } }
          : { path: "end_date", messageKey: "open311.errors.date_order" },
      ]);
    }
    filters.push({ receivedAt: { gte: window.from, lte: window.to } });
    if (query.service_code) filters.push(serviceCodeWhere(query.service_code));
    const statuses = new Set(query.status ?? []);
    if (statuses.size === 1) filters.push({ status: statuses.has("closed") ? { in: [...CLOSED_STATES] } : { notIn: [...CLOSED_STATES] } });
  }
  const rows = await db.complaint.findMany({
    where: { AND: filters },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    skip: (query.page - 1) * query.page_size,
    take: query.page_size + 1,
    select: publicRequestSelect,
  });
  return { requests: rows.slice(0, query.page_size), hasNextPage: rows.length > query.page_size };
}
