import type { CurrentUser } from "../accounts/roles.js";
import { canViewComplaint, capacitiesOf } from "../complaints/policy.js";
import { db } from "../db.js";
import { notFound } from "../http/errors.js";

/** A coordination letter for someone who may see its case; says whether they may answer it. */
export async function loadLetter(letterId: number, user: CurrentUser) {
  const letter = await db.coordinationLetter.findUnique({
    where: { id: letterId },
    include: {
      office: { select: { name: true, kind: true } },
      complaint: { select: { trackingNumber: true, regionId: true, desk: true, status: true, assignedOffice: { select: { kind: true } } } },
    },
  });
  if (!letter || !canViewComplaint(user, letter.complaint)) throw notFound();
  const [sender, answerer] = await Promise.all([
    db.user.findUnique({ where: { id: letter.sentById }, select: { name: true } }),
    letter.answeredById ? db.user.findUnique({ where: { id: letter.answeredById }, select: { name: true } }) : null,
  ]);
  const isHandler = capacitiesOf(user, { regionId: letter.complaint.regionId, desk: letter.complaint.desk, assignedOfficeKind: letter.complaint.assignedOffice?.kind ?? null }).includes("handler");
  return { ...letter, senderName: sender?.name ?? null, answererName: answerer?.name ?? null, canAnswer: isHandler && !letter.answeredAt };
}
