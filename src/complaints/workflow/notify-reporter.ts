import { config } from "../../config.js";
import type { AfterCommit, Tx } from "../../db.js";
import { queueEmail } from "../../notifications/queue-email.js";
import type { LoadedCase } from "./load-case.js";

/**
 * Tells the reporter (and the reporters of complaints linked to this one as duplicates, who were
 * promised the same news) what happened, by email in each one's language. Reporters without an
 * email follow the case on its status page.
 */
export async function notifyReporters(tx: Tx, afterCommit: AfterCommit, complaint: LoadedCase, event: { key: string; messageKey: string; params?: Record<string, unknown>; text?: string | null }) {
  const linked = await tx.complaint.findMany({
    where: { OR: [{ id: complaint.id }, { duplicateOfId: complaint.id }] },
    select: { id: true, trackingNumber: true, locale: true, reporter: { select: { name: true, email: true } } },
  });
  for (const recipient of linked) {
    if (!recipient.reporter?.email) continue;
    await queueEmail(tx, afterCommit, {
      dedupeKey: `reporter:${event.key}:${recipient.id}`,
      to: recipient.reporter.email,
      template: "complaint-update",
      locale: recipient.locale,
      data: {
        name: recipient.reporter.name,
        trackingNumber: recipient.trackingNumber,
        caseTrackingNumber: complaint.trackingNumber,
        messageKey: event.messageKey,
        params: { ...(event.params ?? {}), trackingNumber: complaint.trackingNumber, regionName: complaint.region.name },
        text: event.text ?? null,
        url: `${config.baseUrl}/track?tn=${recipient.trackingNumber}`,
      },
    });
  }
}
