import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import type { Express } from "express";
import { jobs } from "../../jobs/registry.js";
import { startQueue, stopQueue, waitForIdleQueue } from "../../jobs/queue.js";
import { createApp } from "../../src/app.js";
import { config } from "../../src/config.js";
import { readMailbox } from "../e2e/mailbox.js";

/** The application with its in-process queue, as `npm start` runs it without Redis. */
export async function startTestApp(): Promise<Express> {
  await startQueue({ jobs, runWorkers: true });
  return createApp();
}

export async function stopTestApp() {
  await stopQueue();
}

/** A browser-like client: keeps cookies, reads the CSRF token from the last page it loaded. */
export class TestBrowser {
  readonly agent: ReturnType<typeof request.agent>;
  csrfToken = "";

  constructor(app: Express) {
    this.agent = request.agent(app);
  }

  async get(url: string) {
    const response = await this.agent.get(url);
    this.remember(response.text);
    return response;
  }

  /** Loads `from` (a page with a form) for its CSRF token, then posts the form. */
  async submit(from: string, action: string, fields: Record<string, string | number | boolean>) {
    await this.get(from);
    return this.post(action, fields);
  }

  async post(action: string, fields: Record<string, string | number | boolean>) {
    const response = await this.agent.post(action).type("form").send({ _csrf: this.csrfToken, ...fields });
    this.remember(response.text);
    return response;
  }

  /** Posts a multipart form (files as [field, buffer, filename]); the CSRF token rides in the query. */
  async postMultipart(action: string, fields: Record<string, string>, files: Array<[string, Buffer, string]> = []) {
    let req = this.agent.post(`${action}${action.includes("?") ? "&" : "?"}_csrf=${encodeURIComponent(this.csrfToken)}`);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    for (const [field, buffer, filename] of files) req = req.attach(field, buffer, filename);
    const response = await req;
    this.remember(response.text);
    return response;
  }

  private remember(html: string | undefined) {
    const match = html ? /(?:name="_csrf" value="|[?&]_csrf=)([^"&]+)/.exec(html) : null;
    if (match) this.csrfToken = decodeURIComponent(match[1]!);
  }
}

/** Signs a user in through the real form; returns the browser holding the session. */
export async function signIn(app: Express, email: string, password: string) {
  const browser = new TestBrowser(app);
  const response = await browser.submit("/login", "/login", { email, password, next: "/dashboard" });
  if (response.status !== 303) throw new Error(`sign-in of ${email} failed with ${response.status}`);
  return browser;
}

/** The .eml files written to the mail directory (no SMTP_URL in tests), oldest first. */
export async function sentMail() {
  await waitForIdleQueue();
  if (!fs.existsSync(config.mailDir)) return [];
  return fs
    .readdirSync(config.mailDir)
    .sort()
    .map((file) => fs.readFileSync(path.join(config.mailDir, file), "utf8"));
}

/** The mail written so far, decoded as a person reads it ({ to, subject, text }), oldest first. */
export async function sentMessages() {
  await waitForIdleQueue();
  return readMailbox(config.mailDir);
}

/** The first http(s) link in a mail body that points at this application. */
export function linkIn(mail: string): string {
  const unfolded = mail.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const match = new RegExp(`${config.baseUrl.replace(/[.]/g, "\\.")}(/[^\\s]+)`).exec(unfolded);
  if (!match) throw new Error(`no link in mail:\n${mail}`);
  return match[1]!;
}
