import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/net.js";
import { startSmtpServer } from "../helpers/smtp.js";

// SMTP_URL must be set before the application's configuration is loaded.
const port = await freePort();
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
const { db, transaction } = await import("../../src/db.js");
const { queueEmail } = await import("../../src/notifications/queue-email.js");
const { deliverOutboxMessage } = await import("../../src/notifications/deliver-outbox-message.js");
const { sweepOutbox } = await import("../../src/notifications/sweep-outbox.js");
const { startQueue, stopQueue, waitForIdleQueue } = await import("../../jobs/queue.js");
const { jobs } = await import("../../jobs/registry.js");
const { mailTransport } = await import("../../src/notifications/mail-transport.js");

async function queueTestEmail(key: string) {
  return transaction((tx, afterCommit) =>
    queueEmail(tx, afterCommit, { dedupeKey: key, to: "fokal@kupangkab.go.id", template: "invitation", locale: "id", data: { name: "Fokal", url: "http://penghubung.test/x", days: 7 } }),
  );
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
afterAll(async () => {
  mailTransport().close();
  await stopQueue();
  await smtp?.close();
});

describe("the email outbox with a real SMTP server", () => {
  beforeAll(() => undefined);

  it("keeps a message while SMTP is down and delivers it exactly once when it is back", async () => {
    const message = await queueTestEmail("smtp-down-1");
    await expect(deliverOutboxMessage(message.id)).rejects.toThrow();
    const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lockedUntil: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    smtp = await startSmtpServer(port);
    expect(await deliverOutboxMessage(message.id)).toEqual({ status: "sent" });
    expect(await deliverOutboxMessage(message.id)).toEqual({ status: "skipped" });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["fokal@kupangkab.go.id"]);
    expect(smtp.received[0]!.raw).toContain("Subject: Undangan ke Penghubung");
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "sent", lastError: null });
  });

  it("never sends a message twice when two workers try it at the same moment", async () => {
    const message = await queueTestEmail("race-1");
    const before = smtp!.received.length;
    const results = await Promise.all([deliverOutboxMessage(message.id), deliverOutboxMessage(message.id), deliverOutboxMessage(message.id)]);
    expect(results.filter((r) => r.status === "sent")).toHaveLength(1);
    expect(smtp!.received.length).toBe(before + 1);
  });

  it("writes one outbox row for one dedupe key, however often the request is retried", async () => {
    const first = await queueTestEmail("same-key");
    const second = await queueTestEmail("same-key");
    expect(second.id).toBe(first.id);
    expect(await db.outboxMessage.count({ where: { dedupeKey: "same-key" } })).toBe(1);
  });

  it("delivers messages whose job was lost, through the sweep", async () => {
    await startQueue({ jobs, runWorkers: true });
    // Written while no queue ran in this process: the job was never enqueued.
    await stopQueue();
    const message = await queueTestEmail("lost-job-1");
    await startQueue({ jobs, runWorkers: true });
    const before = smtp!.received.length;
    // The lost message, and the one from the previous test that no queue ever delivered.
    expect(await sweepOutbox(new Date())).toEqual({ enqueued: 2 });
    await waitForIdleQueue();
    expect(smtp!.received.length).toBe(before + 2);
    expect(await db.outboxMessage.count({ where: { status: "pending" } })).toBe(0);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("sent");
    expect(await sweepOutbox(new Date())).toEqual({ enqueued: 0 });
  });
});
