import { Queue, Worker } from "bullmq";
import type { RedisOptions } from "ioredis";
import type { z } from "zod";
import { logger } from "../src/logger.js";
import type { JobDefinition } from "./define-job.js";
import type { JobName, jobs } from "./registry.js";

type PayloadOf<N extends JobName> = z.input<(typeof jobs)[N]["payload"]>;

export interface EnqueueOptions {
  /** A stable id per (entity, purpose): adding the same id twice is harmless. */
  jobId?: string;
  delayMs?: number;
}

interface QueueBackend {
  readonly mode: "redis" | "in-process";
  add(definition: JobDefinition, payload: unknown, options: EnqueueOptions): Promise<void>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}

let backend: QueueBackend | null = null;
let registry: Record<string, JobDefinition> = {};

/**
 * Starts the queue: BullMQ on Redis when `redisUrl` is set, otherwise an in-process runner with the
 * same job definitions (the embedded default for one machine). `runWorkers` decides whether this
 * process also executes jobs (always in-process; optional with Redis: the web process may leave
 * that to `npm run worker`).
 */
export async function startQueue(options: {
  jobs: Record<string, JobDefinition>;
  redisUrl?: string;
  runWorkers: boolean;
  prefix?: string;
  /**
   * Worker processes on Redis: called when Redis turns out to have lost its data (a restart
   * without persistence, a flush, a fail-over to an empty replica) after the job schedules were
   * re-created, to put back what else only Redis held (delayed jobs), from the database.
   */
  onRedisDataLost?: () => Promise<unknown>;
  /** How often a worker process checks for that (default 10 s). */
  dataLossCheckMs?: number;
}) {
  if (backend) await backend.close();
  registry = Object.fromEntries(Object.values(options.jobs).map((job) => [job.name, job]));
  backend = options.redisUrl
    ? await RedisBackend.start(options.redisUrl, Object.values(registry), options.runWorkers, options.prefix ?? "penghubung", {
        onDataLost: options.onRedisDataLost,
        checkEveryMs: options.dataLossCheckMs ?? 10_000,
      })
    : new InProcessBackend(Object.values(registry), options.runWorkers);
  return backend.mode;
}

export async function stopQueue() {
  const current = backend;
  backend = null;
  await current?.close();
}

export function queueMode() {
  return backend?.mode ?? "stopped";
}

export async function queueHealth(): Promise<{ mode: string; ok: boolean; detail?: string }> {
  if (!backend) return { mode: "stopped", ok: false, detail: "queue not started" };
  return { mode: backend.mode, ...(await backend.health()) };
}

/**
 * Adds a job by name. Call it only after the transaction that made the work necessary has committed
 * (use `afterCommit`). Never throws: when the queue is unreachable the failure is logged and the
 * periodic sweeps, which read the database, schedule the work later.
 */
export async function enqueue<N extends JobName>(name: N, payload: PayloadOf<N>, options: EnqueueOptions = {}): Promise<boolean> {
  const definition = registry[name];
  if (!backend || !definition) {
    logger.debug({ job: name }, "queue not running in this process; the sweep will pick the work up");
    return false;
  }
  try {
    await withTimeout(backend.add(definition, definition.payload.parse(payload), options), 3000);
    return true;
  } catch (error) {
    logger.warn({ err: error, job: name, jobId: options.jobId }, "could not enqueue job; the sweep will pick the work up");
    return false;
  }
}

/** In-process mode: resolves once no job is running or waiting to run now (tests, CLI). */
export async function waitForIdleQueue() {
  if (backend instanceof InProcessBackend) await backend.onIdle();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]);
}

function backoffDelay(definition: JobDefinition, attempt: number) {
  return (definition.backoffMs ?? 10_000) * 2 ** (attempt - 1);
}

/** BullMQ on Redis: one queue per job kind, job schedulers for sweeps (one schedule cluster-wide). */
class RedisBackend implements QueueBackend {
  readonly mode = "redis" as const;
  private dataLossCheck: NodeJS.Timeout | null = null;
  private constructor(
    private readonly queues: Map<string, Queue>,
    private readonly workers: Worker[],
  ) {}

  static async start(redisUrl: string, definitions: JobDefinition[], runWorkers: boolean, prefix: string, recovery: { onDataLost?: () => Promise<unknown>; checkEveryMs: number }) {
    const connection = redisConnectionOptions(redisUrl);
    const queues = new Map<string, Queue>();
    const workers: Worker[] = [];
    for (const definition of definitions) {
      // Producers fail fast while Redis is down (the sweep repairs); workers wait for it.
      const queue = new Queue(definition.name, {
        prefix,
        connection: { ...connection, enableOfflineQueue: false, maxRetriesPerRequest: 1 },
        defaultJobOptions: {
          attempts: definition.attempts ?? 5,
          backoff: { type: "exponential", delay: definition.backoffMs ?? 10_000 },
          removeOnComplete: { age: 24 * 3600, count: 1000 },
          removeOnFail: { age: 14 * 24 * 3600 },
        },
      });
      queue.on("error", (error) => logger.warn({ err: error, queue: definition.name }, "queue connection error"));
      queues.set(definition.name, queue);
      if (runWorkers) {
        const worker = new Worker(
          definition.name,
          async (job) => definition.handler(definition.payload.parse(job.data), { attempt: job.attemptsMade + 1, jobId: job.id }),
          { prefix, connection: { ...connection, maxRetriesPerRequest: null }, concurrency: definition.concurrency ?? 1 },
        );
        worker.on("failed", (job, error) => logger.warn({ err: error, job: definition.name, jobId: job?.id, attempt: job?.attemptsMade }, "job failed"));
        worker.on("error", (error) => logger.warn({ err: error, queue: definition.name }, "worker error"));
        workers.push(worker);
      }
    }
    const instance = new RedisBackend(queues, workers);
    await instance.scheduleSweeps(definitions);
    if (runWorkers) await instance.watchForDataLoss(definitions, `${prefix}:data-marker`, recovery);
    return instance;
  }

  /**
   * Job schedules (the sweeps) and delayed jobs live only in Redis, and the sweeps are what repairs
   * everything else: if Redis comes back empty and nobody notices, nothing is ever swept again
   * until a process restarts. A marker key written at start disappears with the data; the first
   * worker to find it gone writes it again (SET NX, so one worker per loss), re-creates the
   * schedules and calls onDataLost.
   */
  private async watchForDataLoss(definitions: JobDefinition[], marker: string, recovery: { onDataLost?: () => Promise<unknown>; checkEveryMs: number }) {
    const queue = this.queues.values().next().value!;
    const claimMarker = async () => {
      const client = (await withTimeout(queue.client, 2000)) as unknown as { set(key: string, value: string, nx: "NX"): Promise<"OK" | null> };
      return (await withTimeout(client.set(marker, new Date().toISOString(), "NX"), 2000)) === "OK";
    };
    try {
      await claimMarker();
    } catch (error) {
      logger.warn({ err: error }, "could not write the Redis data marker; will retry");
    }
    const check = async () => {
      let isLost: boolean;
      try {
        isLost = await claimMarker();
      } catch {
        return; // Redis unreachable: BullMQ reconnects by itself; the next check looks again
      }
      if (!isLost) return;
      logger.warn("Redis lost its data: re-creating the job schedules and what the database says should be queued");
      await this.scheduleSweeps(definitions);
      try {
        await recovery.onDataLost?.();
      } catch (error) {
        logger.warn({ err: error }, "could not restore what Redis lost; the sweeps handle deadlines as they fall due");
      }
    };
    let isChecking = false;
    this.dataLossCheck = setInterval(() => {
      if (isChecking) return;
      isChecking = true;
      void check().finally(() => (isChecking = false));
    }, recovery.checkEveryMs);
    this.dataLossCheck.unref();
  }

  private async scheduleSweeps(definitions: JobDefinition[]) {
    for (const definition of definitions) {
      const queue = this.queues.get(definition.name)!;
      try {
        if (definition.repeatEveryMs) {
          await queue.upsertJobScheduler(`${definition.name}-schedule`, { every: definition.repeatEveryMs }, { name: definition.name, data: {} });
        } else {
          await queue.removeJobScheduler(`${definition.name}-schedule`);
        }
      } catch (error) {
        logger.warn({ err: error, job: definition.name }, "could not (re)create the job schedule; will retry on next start");
      }
    }
  }

  async add(definition: JobDefinition, payload: unknown, options: EnqueueOptions) {
    await this.queues.get(definition.name)!.add(definition.name, payload, { jobId: options.jobId, delay: options.delayMs });
  }

  queue(name: string) {
    return this.queues.get(name);
  }

  allQueues() {
    return [...this.queues.values()];
  }

  async health() {
    try {
      const queue = this.queues.values().next().value as Queue;
      const client = await withTimeout(queue.client, 1000);
      await withTimeout((client as unknown as { ping(): Promise<string> }).ping(), 1000);
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close() {
    if (this.dataLossCheck) clearInterval(this.dataLossCheck);
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}

function redisConnectionOptions(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === "rediss:" ? {} : undefined,
  };
}

/** The queues of the Redis backend, for the administrators' queue monitor. */
export function bullQueues(): Queue[] {
  return backend instanceof RedisBackend ? backend.allQueues() : [];
}

/**
 * Jobs run inside this process with timers. Delays longer than a timer can hold are left to the
 * sweeps, which read the database; nothing is lost when the process stops because the database
 * is the source of truth.
 */
class InProcessBackend implements QueueBackend {
  readonly mode = "in-process" as const;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly intervals: NodeJS.Timeout[] = [];
  private readonly pendingIds = new Set<string>();
  private running = 0;
  private dueNow = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private sequence = 0;

  constructor(
    definitions: JobDefinition[],
    private readonly runWorkers: boolean,
  ) {
    if (!runWorkers) return;
    for (const definition of definitions) {
      if (!definition.repeatEveryMs) continue;
      const interval = setInterval(() => void this.add(definition, {}, { jobId: `${definition.name}-schedule` }), definition.repeatEveryMs);
      interval.unref();
      this.intervals.push(interval);
    }
  }

  async add(definition: JobDefinition, payload: unknown, options: EnqueueOptions) {
    if (!this.runWorkers || this.closed) return;
    const key = options.jobId ? `${definition.name}/${options.jobId}` : `${definition.name}/#${++this.sequence}`;
    if (this.pendingIds.has(key)) return;
    this.schedule(key, definition, payload, 1, Math.max(0, options.delayMs ?? 0), options.jobId);
  }

  private schedule(key: string, definition: JobDefinition, payload: unknown, attempt: number, delayMs: number, jobId?: string) {
    const MAX_TIMER_MS = 2 ** 31 - 1;
    if (delayMs > MAX_TIMER_MS) return; // far in the future: the sweep will enqueue it when due
    this.pendingIds.add(key);
    const isDueNow = delayMs === 0;
    if (isDueNow) this.dueNow += 1;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (isDueNow) this.dueNow -= 1;
      void this.run(key, definition, payload, attempt, jobId);
    }, delayMs);
    if (!isDueNow) timer.unref();
    this.timers.set(key, timer);
  }

  private async run(key: string, definition: JobDefinition, payload: unknown, attempt: number, jobId?: string) {
    this.running += 1;
    try {
      await definition.handler(definition.payload.parse(payload), { attempt, jobId });
      this.pendingIds.delete(key);
    } catch (error) {
      this.pendingIds.delete(key);
      const attempts = definition.attempts ?? 5;
      logger.warn({ err: error, job: definition.name, jobId, attempt }, "job failed");
      if (attempt < attempts && !this.closed) this.schedule(key, definition, payload, attempt + 1, backoffDelay(definition, attempt), jobId);
    } finally {
      this.running -= 1;
      this.notifyIdle();
    }
  }

  private notifyIdle() {
    if (this.running === 0 && this.dueNow === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }

  onIdle(): Promise<void> {
    if (this.running === 0 && this.dueNow === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async health() {
    return { ok: true };
  }

  async close() {
    this.closed = true;
    this.intervals.forEach(clearInterval);
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    this.pendingIds.clear();
    this.dueNow = 0;
    this.notifyIdle();
  }
}
