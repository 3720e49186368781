import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { freePort } from "../helpers/net.js";
import { startSmtpServer } from "../helpers/smtp.js";
import { burst, reporterEmail, staffToken, submitThroughApi } from "./support/intake.js";
import { messageIdsOf } from "./support/mail.js";
import { startWebServer, stopAll, waitUntil } from "./support/processes.js";

/**
 * The mail server is down for a whole burst of submissions and comes up only afterwards. The
 * server runs as `npm start` does on one machine (jobs in the web process, no Redis). Every
 * complaint must be filed at once regardless, and every receipt delivered exactly once when SMTP
 * is back, by the outbox's retries alone.
 */
const BURST = 30;

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
afterAll(async () => {
  await stopAll();
  await smtp?.close();
});

describe("SMTP down during a burst of submissions", () => {
  it("files every complaint, then delivers every receipt exactly once after the mail server comes up", { timeout: 240_000 }, async () => {
    const smtpPort = await freePort();
    const dataDir = path.join(process.env.DATA_DIR!, "instance");
    const web = await startWebServer({ databaseUrl: process.env.DATABASE_URL!, dataDir, env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });
    const token = await staffToken(web.baseUrl, web.admin);

    const outcomes = await burst(BURST, 4, (n) => submitThroughApi(web.baseUrl, token, { tag: "smtp", n }));
    expect(outcomes.filter((o) => o.result?.status !== 201), "every submission answered 201").toEqual([]);
    expect(await db.complaint.count()).toBe(BURST);
    // Every delivery has been tried and has failed: nothing is lost, nothing pretends to be sent.
    await waitUntil(async () => (await db.outboxMessage.count({ where: { attempts: 0 } })) === 0, "a first delivery attempt of every message", 60_000);
    const beforeSmtp = await db.outboxMessage.findMany({ select: { status: true, lastError: true } });
    expect(beforeSmtp.length).toBeGreaterThanOrEqual(BURST);
    expect(beforeSmtp.every((m) => m.status === "pending" && /ECONNREFUSED|connect/i.test(m.lastError ?? ""))).toBe(true);

    smtp = await startSmtpServer(smtpPort);
    const startedAt = Date.now();
    await waitUntil(async () => (await db.outboxMessage.count({ where: { status: { not: "sent" } } })) === 0, "every outbox message sent", 150_000, 1000);
    const deliveredInMs = Date.now() - startedAt;
    // Anything sent twice would arrive within a few seconds more.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const ids = messageIdsOf(smtp.received);
    expect(new Set(ids).size, "distinct Message-IDs").toBe(ids.length);
    expect(smtp.received.length).toBe(await db.outboxMessage.count());
    for (let n = 0; n < BURST; n++) {
      expect(smtp.received.filter((mail) => mail.to.includes(reporterEmail("smtp", n))), `receipts to reporter ${n}`).toHaveLength(1);
    }
    expect(await db.outboxMessage.count({ where: { lastError: { not: null } } })).toBe(0);
    expect(web.isAlive()).toBe(true);
    console.log(`SMTP back: every message delivered ${Math.round(deliveredInMs / 1000)} s later (the outbox's first retry comes 30 s after a failure)`);
  });
});
