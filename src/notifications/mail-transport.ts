import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { config } from "../config.js";

export interface MailTransport {
  send(message: SendMailOptions): Promise<void>;
  close(): void;
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written to DATA_DIR/mail as an .eml file
 * (open it in any mail program), so a single machine works without a mail server.
 */
export function createMailTransport(): MailTransport {
  if (config.smtpUrl) {
    const smtp = nodemailer.createTransport(config.smtpUrl, { from: config.mailFrom });
    return {
      send: async (message) => void (await smtp.sendMail(message)),
      close: () => smtp.close(),
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await stream.sendMail({ from: config.mailFrom, ...message });
      await fs.mkdir(config.mailDir, { recursive: true });
      const id = String(message.messageId ?? info.messageId).replace(/[^A-Za-z0-9._-]+/g, "_");
      const file = path.join(config.mailDir, `${new Date().toISOString().replace(/[:.]/g, "-")}_${id}.eml`);
      await fs.writeFile(file, info.message as Buffer);
    },
    close: () => stream.close(),
  };
}

let shared: MailTransport | null = null;
export function mailTransport(): MailTransport {
  shared ??= createMailTransport();
  return shared;
}
