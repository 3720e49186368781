import type { ReceivedMail } from "../../helpers/smtp.js";

/** The Message-ID of each message an SMTP server received (the outbox derives it from the message's id). */
export function messageIdsOf(received: ReceivedMail[]): string[] {
  return received.map((mail) => /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(mail.raw)?.[1] ?? "(none)");
}
