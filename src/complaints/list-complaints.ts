import { z } from "zod";
import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import type { Prisma } from "../generated/prisma/client.js";
import { canListAllComplaints } from "./policy.js";
import { OPEN_STATES, STATES, waitingOn, type State } from "./states.js";
import { DESKS } from "./vocabulary.js";

const blank = (v: unknown) => (v === "" || v === undefined ? undefined : v);

/** Filters of the inbox and of GET /api/v1/complaints (query-string values). */
export const complaintFilterSchema = z.object({
  regionCode: z.preprocess(blank, z.string().regex(/^\d{2}(\.\d{2})?$/, { message: "errors.region_code_format" }).optional()),
  status: z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : blank(v)), z.array(z.enum([...STATES, "open"], { message: "errors.invalid_choice" })).optional()),
  desk: z.preprocess(blank, z.enum(DESKS, { message: "errors.invalid_choice" }).optional()),
  office: z.preprocess(blank, z.enum(["inspektorat", "organisasi"], { message: "errors.invalid_choice" }).optional()),
  overdue: z.preprocess((v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : blank(v)), z.boolean().optional()),
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(50)),
});
export type ComplaintFilter = z.output<typeof complaintFilterSchema>;

/**
 * The cases a staff member may see, filtered: a focal point's inbox holds only their Pemda's
 * cases (whatever filter they send), others see every Pemda. Newest deadline first (the nearest
 * due time), then the most recently changed; cases without a running deadline last.
 */
export async function listComplaints(user: CurrentUser, filter: ComplaintFilter, now = new Date()) {
  const where: Prisma.ComplaintWhereInput = {};
  if (!canListAllComplaints(user)) where.regionId = user.regionId ?? -1;
  else if (filter.regionCode) where.region = { code: filter.regionCode };
  if (filter.status?.length) {
    const states = filter.status.flatMap((s) => (s === "open" ? [...OPEN_STATES] : [s]));
    where.status = { in: states };
  }
  if (filter.desk) where.desk = filter.desk;
  if (filter.office) where.assignedOffice = { kind: filter.office };
  if (filter.overdue === true) where.overdueSince = { not: null, lte: now };
  if (filter.overdue === false) where.overdueSince = null;
  if (filter.q) where.OR = [{ trackingNumber: { contains: filter.q.toUpperCase() } }, { subject: { contains: filter.q } }];

  const [total, rows] = await Promise.all([
    db.complaint.count({ where }),
    db.complaint.findMany({
      where,
      orderBy: [{ nextDueAt: { sort: "asc", nulls: "last" } }, { statusChangedAt: "desc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: {
        trackingNumber: true, status: true, desk: true, channel: true, subject: true, receivedAt: true, statusChangedAt: true, nextDueAt: true, overdueSince: true, unitName: true,
        region: { select: { code: true, name: true } },
        unit: { select: { name: true, kind: true } },
        assignedOffice: { select: { kind: true, name: true } },
      },
    }),
  ]);
  return {
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    items: rows.map((row) => ({ ...row, waitingOn: waitingOn(row.status as State, row.desk as "ombudsman" | "inspektorat") })),
  };
}
