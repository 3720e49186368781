import fs from "node:fs";
import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { notFound } from "../http/errors.js";
import { canViewComplaint } from "./policy.js";
import { storedFilePath } from "./uploads.js";

type Opener = { kind: "citizen"; complaintId: number } | { kind: "staff"; user: CurrentUser };

/**
 * An evidence file, for someone who may see the complaint it belongs to: the citizen who holds
 * the access code (never internal documents) or staff of that Pemda. Anything else is "not found".
 */
export async function openAttachment(attachmentId: number, trackingNumber: string, opener: Opener) {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: { storageKey: true, originalName: true, mediaType: true, sizeBytes: true, isInternal: true, complaint: { select: { id: true, trackingNumber: true, regionId: true } } },
  });
  if (!attachment || attachment.complaint.trackingNumber !== trackingNumber) throw notFound();
  if (opener.kind === "citizen" && (attachment.complaint.id !== opener.complaintId || attachment.isInternal)) throw notFound();
  if (opener.kind === "staff" && !canViewComplaint(opener.user, attachment.complaint)) throw notFound();
  const file = storedFilePath(attachment.storageKey);
  if (!fs.existsSync(file)) throw notFound();
  return { path: file, name: attachment.originalName, mediaType: attachment.mediaType, sizeBytes: attachment.sizeBytes };
}
