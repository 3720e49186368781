import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/net.js";
import { requireRedis, TEST_REDIS_URL } from "../helpers/redis.js";
import { startSmtpServer } from "../helpers/smtp.js";

// SMTP_URL must be set before the application's configuration is loaded; nothing listens there yet.
const port = await freePort();
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
const { db } = await import("../../src/db.js");
const { startQueue, stopQueue } = await import("../../jobs/queue.js");
const { mailTransport } = await import("../../src/notifications/mail-transport.js");
const { sweepOutbox } = await import("../../src/notifications/sweep-outbox.js");
const { recomputeOpenDeadlines } = await import("../../src/deadlines/recompute-open-deadlines.js");
const { scheduleDeadlineTriggers } = await import("../../src/deadlines/schedule-deadline-triggers.js");
const { DEADLINE_JOBS, deleteRedisKeys, dueInMs, routedCaseNow, until } = await import("./queue-support.js");
const { staffActor } = await import("./support.js");

const prefix = `test-deadline-mail-${crypto.randomBytes(4).toString("hex")}`;
const SUPERIOR = "sekda@kotakupang.go.id";
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;

beforeAll(async () => {
  await requireRedis();
  await staffActor("focal_point", { regionCode: "53.01", office: "inspektorat" });
  const region = await db.region.findUniqueOrThrow({ where: { code: "53.01" } });
  await db.office.update({ where: { regionId_kind: { regionId: region.id, kind: "inspektorat" } }, data: { superiorTitle: "Sekretaris Daerah", superiorEmail: SUPERIOR } });
  await recomputeOpenDeadlines();
  await startQueue({ jobs: DEADLINE_JOBS, redisUrl: TEST_REDIS_URL, runWorkers: true, prefix });
});
afterAll(async () => {
  await stopQueue();
  mailTransport().close();
  await smtp?.close();
  await deleteRedisKeys(prefix);
});

describe("an escalation while the mail server is down", () => {
  it("keeps the email in the outbox and delivers it once when SMTP is back", async () => {
    const { acknowledgement } = await routedCaseNow(await staffActor("assistant"));
    const row = await dueInMs(acknowledgement.id, null, 500);
    await scheduleDeadlineTriggers([row]);

    const key = `deadline-${row.id}-escalation-1-superior`;
    const failed = await until(async () => {
      const message = await db.outboxMessage.findUnique({ where: { dedupeKey: key } });
      return message && message.attempts >= 1 && message.lockedUntil === null && message;
    }, 15_000, "a failed delivery attempt");
    expect(failed).toMatchObject({ status: "pending", recipient: SUPERIOR });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);

    smtp = await startSmtpServer(port);
    // The outbox sweep runs every minute; ask it as it would run once the back-off has passed.
    await sweepOutbox(new Date(failed.nextAttemptAt.getTime() + 1));
    const received = await until(async () => smtp!.received.filter((m) => m.to.includes(SUPERIOR)).length > 0 && smtp!.received.filter((m) => m.to.includes(SUPERIOR)), 15_000, "delivery");
    expect(received).toHaveLength(1);
    expect(received[0]!.raw).toContain("Batas waktu terlewat");
    // The server has the message before the worker records the delivery: wait for the record.
    const sent = await until(async () => {
      const message = await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
      return message.status === "sent" && message;
    }, 15_000, "the delivery recorded");
    expect(sent).toMatchObject({ status: "sent", recipient: SUPERIOR });

    await sweepOutbox(new Date(Date.now() + 3600_000));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.received.filter((m) => m.to.includes(SUPERIOR))).toHaveLength(1);
  });
});
