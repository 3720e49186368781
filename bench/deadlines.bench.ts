import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { REPO_ROOT } from "../tests/e2e/server-process.js";
import { round, type BenchOptions, type BenchResult } from "./report.js";
import { storeComplaints } from "./store-complaints.js";

/**
 * Deadline triggers at scale, on the real code with a real Redis (REDIS_URL or 127.0.0.1:6379):
 * 100,000 open deadlines (two per complaint on 50,000 stored complaints) are scheduled from the
 * database as BullMQ delayed jobs (what a worker does when it starts after Redis lost its data),
 * Redis memory is read before and after (INFO memory), then 10,000 of them fall due at the same
 * instant and the sweep handles them: each is marked missed, its case marked overdue, and
 * escalated (audit entry, inbox notices for two assistants, an email to the Inspektur, the next
 * escalation's trigger). The measuring runs in a child process with the application's modules
 * pointed at the benchmark database; this file is both the benchmark and that child.
 * BENCH_PROFILE_DIR=dir writes the child's CPU profile there (node --cpu-prof).
 */

const DAY_MS = 86_400_000;
/** How Prisma's SQLite adapter stores a DateTime (as bench/store-complaints.ts writes them). */
const stored = (at: number | null) => (at === null ? null : new Date(at).toISOString().replace("Z", "+00:00"));
const MEASURE_FLAG = "--measure-deadlines";

interface Measurements {
  deadlines: number;
  due: number;
  triggers: number;
  scheduleMs: number;
  rescheduleMs: number;
  redisBytesBefore: number;
  redisBytesAfter: number;
  sweepMs: number;
  sweepRuns: number;
  handled: number;
  idleSweepMs: number;
  escalationMails: number;
}

export default async function deadlinesBench(options: BenchOptions): Promise<BenchResult> {
  const complaints = options.isSmoke ? 1_000 : 50_000;
  const due = options.isSmoke ? 200 : 10_000;
  const dataDir = path.join(REPO_ROOT, "bench", ".tmp", `deadlines-${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, "penghubung.db");
  const env = { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: `file:${databaseFile}`, DATA_DIR: dataDir, BASE_URL: "http://127.0.0.1", LOG_LEVEL: "silent" };
  try {
    await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src", "cli.ts"), "seed"], { cwd: REPO_ROOT, env });
    const storing = performance.now();
    await storeComplaints({ databaseFile, databaseUrl: env.DATABASE_URL, dataDir }, complaints);
    const storeSeconds = (performance.now() - storing) / 1000;
    const now = Date.now();
    storeOpenDeadlines(databaseFile, now, due);

    const prefix = `bench-deadlines-${crypto.randomBytes(4).toString("hex")}`;
    const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []), "--import", "tsx", import.meta.filename, MEASURE_FLAG], {
      cwd: REPO_ROOT,
      env: { ...env, BENCH_REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", BENCH_PREFIX: prefix, BENCH_NOW: String(now) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    const line = output.split("\n").find((l) => l.startsWith("{"));
    if (code !== 0 || !line) throw new Error(`the deadline measurement failed (exit ${code}):\n${output}`);
    const m = JSON.parse(line) as Measurements;

    const perDeadline = (m.redisBytesAfter - m.redisBytesBefore) / m.deadlines;
    return {
      title: `Deadline triggers: ${m.deadlines.toLocaleString("en")} open deadlines, ${m.due.toLocaleString("en")} falling due at once`,
      tables: [
        {
          title: "Scheduling and sweeping",
          columns: ["Measure", "Value", "Unit"],
          rows: [
            ["schedule every trigger from the database (worker start, Redis empty)", round(m.scheduleMs / 1000), "s"],
            ["… triggers added (next reminder + due time per deadline)", m.triggers, "jobs"],
            ["… per deadline", round(m.scheduleMs / m.deadlines), "ms"],
            ["schedule again when every trigger exists (worker restart, Redis kept)", round(m.rescheduleMs / 1000), "s"],
            ["Redis memory before", round(m.redisBytesBefore / 1_048_576), "MiB"],
            ["Redis memory with every trigger pending", round(m.redisBytesAfter / 1_048_576), "MiB"],
            ["Redis memory per pending deadline", Math.round(perDeadline), "bytes"],
            ["Redis memory per trigger", Math.round((m.redisBytesAfter - m.redisBytesBefore) / m.triggers), "bytes"],
            [`sweep: ${m.due.toLocaleString("en")} deadlines missed at once, each escalated`, round(m.sweepMs / 1000), "s"],
            ["… per deadline", round(m.sweepMs / Math.max(1, m.handled)), "ms"],
            ["… sweep runs needed (bounded batches, 45 s budget each)", m.sweepRuns, "runs"],
            ["… escalation emails written to the outbox", m.escalationMails, "emails"],
            [`sweep with nothing due (${m.deadlines.toLocaleString("en")} open deadlines)`, round(m.idleSweepMs), "ms"],
          ],
        },
      ],
      notes: [
        `Database: SQLite, ${complaints.toLocaleString("en")} complaints stored in ${round(storeSeconds)} s, then ${m.deadlines.toLocaleString("en")} deadlines written in bulk (focal point acknowledgement and decision per complaint).`,
        "Scheduling uses the application's own rebuildDeadlineTriggers (200 adds in flight at a time) on BullMQ with the queue as configured in jobs/queue.ts (3 s timeout per add, jobs kept 24 h after completion).",
        "The sweep is the application's sweepDeadlines in one process, as the sweep-deadlines job runs it; SQLite serialises writes, so more worker processes would not make it faster (PostgreSQL would).",
        "Redis memory is used_memory from INFO memory, before and after scheduling, in a Redis shared with nothing else of this run (its own key prefix); absolute figures vary with Redis's version and allocator.",
      ],
    };
  } finally {
    if (!process.env.KEEP_BENCH_FILES) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Two open deadlines per stored complaint, as the engine stores them; the first `due` fall due just before `now`. */
function storeOpenDeadlines(databaseFile: string, now: number, due: number) {
  const sqlite = new Database(databaseFile, { fileMustExist: true });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = OFF");
    // The focal point office of each case, with an Inspektur to escalate to.
    sqlite.exec(`UPDATE "Office" SET "superiorTitle" = 'Inspektur', "superiorEmail" = 'inspektur.' || "id" || '@bench.test'`);
    sqlite.exec(`UPDATE "Complaint" SET "assignedOfficeId" = (SELECT "id" FROM "Office" WHERE "Office"."regionId" = "Complaint"."regionId" AND "kind" = 'inspektorat')`);
    // Written for the calendar in force: the sweep must not recount them as if the holidays had changed.
    sqlite.exec(`INSERT OR REPLACE INTO "SystemSetting" ("key", "value", "updatedAt") SELECT 'deadlines.recomputed_revision', "value", "updatedAt" FROM "SystemSetting" WHERE "key" = 'deadlines.calendar_revision'`);
    const complaints = sqlite.prepare(`SELECT "id" FROM "Complaint" ORDER BY "id"`).all() as Array<{ id: number }>;
    const insert = sqlite.prepare(
      `INSERT INTO "Deadline" ("complaintId", "kind", "policyVersion", "startedAt", "dueAt", "remindAt", "basis", "pauses", "nextEscalationAt", "nextTriggerAt", "createdAt", "updatedAt")
       VALUES (@complaintId, @kind, 1, @startedAt, @dueAt, @remindAt, @basis, '[]', @nextEscalationAt, @nextTriggerAt, @createdAt, @createdAt)`,
    );
    let count = 0;
    sqlite.transaction(() => {
      for (const { id } of complaints) {
        for (const kind of ["focal_point_acknowledgement", "decision"] as const) {
          const isDue = count < due;
          const days = kind === "decision" ? 60 : 7;
          // Due ones were missed at the same midnight, a second ago; the rest fall due over the coming weeks.
          const dueAt = isDue ? now - 1001 : now + (1 + (count % days)) * DAY_MS;
          const startedAt = dueAt - days * DAY_MS;
          const remindAt = isDue ? null : dueAt - DAY_MS / 2;
          const from = new Date(startedAt + 8 * 3_600_000).toISOString().slice(0, 10);
          insert.run({
            complaintId: id,
            kind,
            startedAt: stored(startedAt),
            dueAt: stored(dueAt),
            remindAt: stored(remindAt),
            basis: JSON.stringify({ kind, unit: kind === "decision" ? "calendar_days" : "working_days", count: kind === "decision" ? 60 : 5, from, rule: "bench", policyVersion: 1, extendedBy: 0, uncoveredYears: [] }),
            nextEscalationAt: stored(dueAt + 1),
            nextTriggerAt: stored(remindAt ?? dueAt + 1),
            createdAt: stored(startedAt),
          });
          count += 1;
        }
      }
    })();
  } finally {
    sqlite.close();
  }
}

/** The child: the application's own use cases on the benchmark database and Redis. */
async function measure() {
  const { Redis } = await import("ioredis");
  const { startQueue, stopQueue } = await import("../jobs/queue.js");
  const { jobs } = await import("../jobs/registry.js");
  const { db } = await import("../src/db.js");
  const { rebuildDeadlineTriggers } = await import("../src/deadlines/rebuild-deadline-triggers.js");
  const { sweepDeadlines } = await import("../src/deadlines/sweep-deadlines.js");
  const { createUser } = await import("../src/accounts/create-user.js");
  const { newUserSchema } = await import("../src/accounts/schemas.js");
  const { SYSTEM_ACTOR } = await import("../src/audit/record-audit-event.js");

  const redisUrl = process.env.BENCH_REDIS_URL!;
  const prefix = process.env.BENCH_PREFIX!;
  const now = new Date(Number(process.env.BENCH_NOW));
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))![1]);
  for (const n of [1, 2]) await createUser(newUserSchema.parse({ email: `assistant.${n}@bench.test`, name: `Asisten ${n}`, role: "assistant" }), SYSTEM_ACTOR);
  // Producers only: the measured sweep runs here, and no worker drains the delayed jobs meanwhile.
  await startQueue({ jobs: { "deadline-trigger": jobs["deadline-trigger"], "send-mail": jobs["send-mail"] }, redisUrl, runWorkers: false, prefix });

  try {
    const deadlines = await db.deadline.count({ where: { nextTriggerAt: { not: null } } });
    const due = await db.deadline.count({ where: { nextTriggerAt: { lte: now } } });
    const redisBytesBefore = await usedMemory();
    let started = performance.now();
    const scheduled = await rebuildDeadlineTriggers(now);
    const scheduleMs = performance.now() - started;
    const redisBytesAfter = await usedMemory();
    started = performance.now();
    await rebuildDeadlineTriggers(now);
    const rescheduleMs = performance.now() - started;

    started = performance.now();
    let handled = 0;
    let sweepRuns = 0;
    for (;;) {
      const run = await sweepDeadlines(now, { batchSize: 500 });
      sweepRuns += 1;
      handled += run.handled;
      if (!run.hasMore) break;
    }
    const sweepMs = performance.now() - started;
    started = performance.now();
    await sweepDeadlines(now);
    const idleSweepMs = performance.now() - started;
    const escalationMails = await db.outboxMessage.count({ where: { dedupeKey: { endsWith: "-superior" } } });

    const result: Measurements = { deadlines, due, triggers: scheduled.triggers, scheduleMs, rescheduleMs, redisBytesBefore, redisBytesAfter, sweepMs, sweepRuns, handled, idleSweepMs, escalationMails };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await stopQueue();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 5000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
    redis.disconnect();
    await db.$disconnect();
  }
}

if (process.argv.includes(MEASURE_FLAG)) {
  measure().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
