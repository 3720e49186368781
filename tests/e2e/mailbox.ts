import fs from "node:fs/promises";
import path from "node:path";
import PostalMime from "postal-mime";

/**
 * The server's outgoing mail as a person would read it. Without SMTP_URL the server writes each
 * message to DATA_DIR/mail/*.eml, quoted-printable encoded; postal-mime decodes them properly
 * (soft line breaks, =3D, UTF-8), so links and accented names come out as sent.
 */
export interface ReceivedMail {
  file: string;
  to: string[];
  subject: string;
  text: string;
}

/** Every message in the mail directory, oldest first. */
export async function readMailbox(mailDir: string): Promise<ReceivedMail[]> {
  let files: string[];
  try {
    files = (await fs.readdir(mailDir)).filter((file) => file.endsWith(".eml")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return Promise.all(
    files.map(async (file) => {
      const email = await PostalMime.parse(await fs.readFile(path.join(mailDir, file)));
      return {
        file,
        to: (email.to ?? []).flatMap((to) => (to.address ? [to.address.toLowerCase()] : (to.group ?? []).map((member) => member.address.toLowerCase()))),
        subject: email.subject ?? "",
        text: email.text ?? "",
      };
    }),
  );
}

/**
 * Waits for the first message to an address (mail goes out through the outbox and the queue,
 * so it arrives a moment after the page that caused it).
 */
export async function waitForMailTo(mailDir: string, address: string, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMailbox(mailDir)).find((mail) => mail.to.includes(address.toLowerCase()));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = (await readMailbox(mailDir)).map((mail) => `${mail.to.join(", ")}: ${mail.subject}`);
      throw new Error(`No mail to ${address} in ${mailDir} after ${timeoutMs} ms; found: ${seen.length ? seen.join("; ") : "none"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The links in a message that point at the application (baseUrl), in order. */
export function linksTo(mail: ReceivedMail, baseUrl: string): string[] {
  const escaped = baseUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...mail.text.matchAll(new RegExp(`${escaped}/[^\\s<>"]*`, "g"))].map((match) => match[0]);
}
