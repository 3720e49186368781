import path from "node:path";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { jobs } from "../../jobs/registry.js";
import { db } from "../../src/db.js";
import { deadlineTriggers, triggerSelect } from "../../src/deadlines/schedule-deadline-triggers.js";
import { freePort } from "../helpers/net.js";
import { startSmtpServer } from "../helpers/smtp.js";
import { burst, reporterEmail, staffToken, submitThroughApi } from "./support/intake.js";
import { findHalfWrittenComplaints } from "./support/invariants.js";
import { messageIdsOf } from "./support/mail.js";
import { sharedSecrets, startRedis, startWebServer, startWorkerProcess, stopAll, waitUntil } from "./support/processes.js";

/**
 * Redis is stopped (SIGKILL) in the middle of a burst of submissions and started again, empty, as
 * a Redis without persistence comes back. The web process leaves jobs to a separate worker
 * process (RUN_WORKER_IN_WEB=false), as in production. Intake must not depend on Redis; the
 * worker must notice that Redis lost the job schedules and the deadlines' delayed jobs and put
 * them back from the database; every receipt email goes out once.
 */
const BURST = 45;
const KILL_AFTER = 12;
const RESTART_AFTER = 30;

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
const queues: Queue[] = [];
afterAll(async () => {
  await Promise.allSettled(queues.map((queue) => queue.close()));
  await stopAll();
  await smtp?.close();
});

describe("Redis stopped and restarted during a burst of submissions", () => {
  it("stores every complaint, schedules every deadline again and sends every receipt exactly once", { timeout: 240_000 }, async () => {
    const redis = await startRedis();
    const smtpPort = await freePort();
    smtp = await startSmtpServer(smtpPort);
    const dataDir = path.join(process.env.DATA_DIR!, "instance");
    const env = { ...sharedSecrets(), REDIS_URL: redis.url, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, RUN_WORKER_IN_WEB: "false" };
    const web = await startWebServer({ databaseUrl: process.env.DATABASE_URL!, dataDir, env });
    const worker = await startWorkerProcess({ databaseUrl: process.env.DATABASE_URL!, dataDir, env: { ...env, BASE_URL: web.baseUrl } });
    const token = await staffToken(web.baseUrl, web.admin);

    // One complaint in calm conditions: the deadlines every new complaint must have.
    const control = await submitThroughApi(web.baseUrl, token, { tag: "redis", n: 0 });
    expect(control, control.body).toMatchObject({ status: 201 });
    await waitUntil(async () => smtp!.received.some((mail) => mail.to.includes(reporterEmail("redis", 0))), "the control complaint's receipt", 60_000);
    const deadlineKinds = (await db.deadline.findMany({ where: { complaint: { trackingNumber: control.trackingNumber } }, select: { kind: true } })).map((d) => d.kind);
    expect(deadlineKinds.length).toBeGreaterThan(0);

    // The burst: Redis dies after KILL_AFTER answers and comes back (empty) after RESTART_AFTER.
    let killing: Promise<void> | null = null;
    let restarting: Promise<void> | null = null;
    const answeredWhileDown: number[] = [];
    let isDown = false;
    const outcomes = await burst(
      BURST,
      3,
      async (n) => {
        const answer = await submitThroughApi(web.baseUrl, token, { tag: "redis", n: n + 1 });
        if (isDown) answeredWhileDown.push(n);
        return answer;
      },
      (settled) => {
        if (settled === KILL_AFTER) killing = redis.kill().then(() => void (isDown = true));
        if (settled === RESTART_AFTER) restarting = killing!.then(() => redis.restart()).then(() => void (isDown = false));
      },
    );
    await killing;
    await restarting;
    expect(outcomes.filter((o) => o.result?.status !== 201), "every submission answered 201").toEqual([]);
    expect(answeredWhileDown.length, "submissions answered while Redis was down").toBeGreaterThanOrEqual(5);

    const connection = { host: "127.0.0.1", port: redis.port, maxRetriesPerRequest: 1 };
    const triggerQueue = new Queue("deadline-trigger", { prefix: "penghubung", connection });
    queues.push(triggerQueue);
    const missingTriggers = async () => {
      const open = await db.deadline.findMany({ where: { nextTriggerAt: { not: null } }, select: triggerSelect });
      const missing: string[] = [];
      for (const trigger of open.flatMap(deadlineTriggers)) {
        if ((await triggerQueue.getJobState(trigger.jobId)) === "unknown") missing.push(trigger.jobId);
      }
      return { open: open.length, missing };
    };
    const stored = await db.complaint.count();
    expect(stored).toBe(BURST + 1);

    // Recovery: every deadline's delayed jobs back in Redis, every receipt delivered.
    await waitUntil(async () => (await missingTriggers()).missing.length === 0, "every open deadline's trigger back in Redis", 90_000, 1000);
    await waitUntil(
      async () => (await db.outboxMessage.count({ where: { status: { not: "sent" } } })) === 0 && smtp!.received.length >= stored,
      "every outbox message sent",
      120_000,
      1000,
    );
    // Anything sent twice would arrive within a few seconds more.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const { open, missing } = await missingTriggers();
    expect(open).toBeGreaterThanOrEqual(stored);
    expect(missing).toEqual([]);
    expect(await findHalfWrittenComplaints({ uploadDir: path.join(dataDir, "uploads"), deadlineKinds })).toEqual([]);
    const answered = new Set(outcomes.map((o) => o.result!.trackingNumber!));
    expect((await db.complaint.findMany({ where: { trackingNumber: { in: [...answered] } }, select: { id: true } })).length).toBe(BURST);

    const sentMessages = await db.outboxMessage.count({ where: { status: "sent" } });
    const ids = messageIdsOf(smtp.received);
    expect(new Set(ids).size, "distinct Message-IDs").toBe(ids.length);
    expect(smtp.received.length).toBe(sentMessages);
    for (let n = 0; n <= BURST; n++) {
      expect(smtp.received.filter((mail) => mail.to.includes(reporterEmail("redis", n))), `receipts to reporter ${n}`).toHaveLength(1);
    }

    for (const definition of Object.values(jobs).filter((job) => job.repeatEveryMs)) {
      const queue = new Queue(definition.name, { prefix: "penghubung", connection });
      queues.push(queue);
      expect(await queue.getJobScheduler(`${definition.name}-schedule`), `${definition.name} schedule`).toBeTruthy();
    }
    expect(worker.output()).toMatch(/Redis lost its data/);
    expect(web.isAlive()).toBe(true);
    expect((await fetch(`${web.baseUrl}/healthz`)).status).toBe(200);
  });
});
