import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { REPO_ROOT, startServerProcess } from "../tests/e2e/server-process.js";
import { createPostgresqlDatabase, type DatabaseKind } from "./bench-database.js";

/** The database a benchmark fills before the server starts. */
export interface DatabaseTarget {
  /** The SQLite file; "" on PostgreSQL. */
  databaseFile: string;
  /** DATABASE_URL: `file:` (SQLite) or `postgresql://`. */
  databaseUrl: string;
  dataDir: string;
}

/**
 * Stores `count` complaints in the (migrated, seeded) database before the server starts. Each
 * benchmark that needs stored complaints provides one: the complaint tables belong to the
 * complaints module, which knows the fastest correct way to fill them.
 */
export type StoreComplaints = (target: DatabaseTarget, count: number) => Promise<void>;

export interface RunningServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export interface PenghubungOptions {
  /** How many complaints are stored before the server starts; needs storeComplaints when above 0. */
  complaints?: number;
  storeComplaints?: StoreComplaints;
  /** Extra environment for the server (LOG_LEVEL is "warn" unless set here). */
  env?: Record<string, string>;
}

export interface DeploymentOptions extends PenghubungOptions {
  /** SQLite (a file in the run's directory) or a PostgreSQL database of the run's own, dropped on stop. */
  database?: DatabaseKind;
  /** Web processes on the same database and data directory (default 1), started one after another. */
  webProcesses?: number;
  /** REDIS_URL for every process: BullMQ queues and shared rate limits; the jobs then run in `workers` worker processes. */
  redisUrl?: string;
  /** Worker processes (jobs/worker.ts) when redisUrl is set (default 1). */
  workers?: number;
  /** Start from a copy of this prepared database (see prepareDatabase) instead of seeding and filling a new one. */
  template?: DatabaseTarget;
}

/** Several processes of the application sharing one database, as in production. */
export interface Deployment {
  web: RunningServer[];
  workers: RunningServer[];
  target: DatabaseTarget;
  stop(): Promise<void>;
}

const BENCH_TMP = path.join(REPO_ROOT, "bench", ".tmp");

/**
 * The real server (`node --import tsx src/server.ts`, NODE_ENV=production, SQLite, in-process
 * queue) on a fresh database: migrated and seeded with the reference data by the CLI, then
 * filled by storeComplaints. Its files are removed on stop unless KEEP_BENCH_FILES is set.
 */
export async function startPenghubung(options: PenghubungOptions = {}): Promise<RunningServer & { dataDir: string }> {
  const deployment = await startDeployment({ ...options, database: "sqlite", webProcesses: 1 });
  return { baseUrl: deployment.web[0]!.baseUrl, pid: deployment.web[0]!.pid, dataDir: deployment.target.dataDir, stop: deployment.stop };
}

/**
 * The application as an operator runs it: a fresh database (SQLite file or PostgreSQL database)
 * migrated and seeded by the CLI, filled by storeComplaints, then N web processes sharing it and
 * one data directory, with the same SESSION_SECRET (a session opened on one is valid on all);
 * with redisUrl, BullMQ on Redis and worker processes (jobs/worker.ts). Files and the PostgreSQL
 * database are removed on stop unless KEEP_BENCH_FILES is set.
 */
export async function startDeployment(options: DeploymentOptions = {}): Promise<Deployment> {
  const prepared = options.template ? await cloneDatabase(options.template) : await prepareDatabase(options);
  const { target } = prepared;
  const web: RunningServer[] = [];
  const workers: RunningServer[] = [];
  const stop = async () => {
    await Promise.all([...web, ...workers].map((child) => child.stop()));
    await prepared.remove();
  };
  try {
    const env: Record<string, string> = {
      LOG_LEVEL: "warn",
      SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    };
    const database = target.databaseFile ? { databaseFile: target.databaseFile } : { databaseUrl: target.databaseUrl };
    for (let n = 0; n < (options.webProcesses ?? 1); n++) {
      // One after another: each applies migrations and seeds at start, which must not race.
      web.push(await startServerProcess({ ...database, dataDir: target.dataDir, env }));
    }
    if (options.redisUrl) {
      for (let n = 0; n < (options.workers ?? 1); n++) workers.push(await startWorkerProcess({ ...env, DATABASE_URL: target.databaseUrl, DATA_DIR: target.dataDir, BASE_URL: web[0]!.baseUrl }));
    }
    return { web, workers, target, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A database and data directory of a run's own, and how to remove them (kept with KEEP_BENCH_FILES). */
export interface PreparedDatabase {
  target: DatabaseTarget;
  remove(): Promise<void>;
}

function newDataDir(): string {
  const dataDir = path.join(BENCH_TMP, `run-${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
  fs.mkdirSync(dataDir, { recursive: true });
  return dataDir;
}

/**
 * A fresh database (SQLite file or PostgreSQL database) migrated and seeded with the reference data
 * by the CLI, then filled by storeComplaints; no server started. Several deployments can start
 * from copies of it (DeploymentOptions.template), so that a big one is filled only once.
 */
export async function prepareDatabase(options: Pick<DeploymentOptions, "database" | "complaints" | "storeComplaints"> = {}): Promise<PreparedDatabase> {
  const complaints = options.complaints ?? 0;
  if (complaints > 0 && !options.storeComplaints) throw new Error(`${complaints} complaints were asked for, but no storeComplaints step was given`);
  const dataDir = newDataDir();
  const postgresql = options.database === "postgresql" ? await createPostgresqlDatabase() : null;
  const databaseFile = postgresql ? "" : path.join(dataDir, "penghubung.db");
  const target: DatabaseTarget = { databaseFile, databaseUrl: postgresql?.url ?? `file:${databaseFile}`, dataDir };
  const remove = async () => {
    if (process.env.KEEP_BENCH_FILES) return;
    fs.rmSync(dataDir, { recursive: true, force: true });
    await postgresql?.drop();
  };
  try {
    await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src", "cli.ts"), "seed"], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: target.databaseUrl, DATA_DIR: dataDir, BASE_URL: "http://127.0.0.1", LOG_LEVEL: "silent" },
    });
    if (complaints > 0) await options.storeComplaints!(target, complaints);
    return { target, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** A copy of a prepared database (nothing may be connected to it): the SQLite file copied, or CREATE DATABASE … TEMPLATE. */
export async function cloneDatabase(template: DatabaseTarget): Promise<PreparedDatabase> {
  const dataDir = newDataDir();
  if (template.databaseFile) {
    // Fold the write-ahead log into the file, so that a plain copy of it is complete.
    const sqlite = new Database(template.databaseFile, { fileMustExist: true });
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    const databaseFile = path.join(dataDir, "penghubung.db");
    fs.copyFileSync(template.databaseFile, databaseFile);
    return {
      target: { databaseFile, databaseUrl: `file:${databaseFile}`, dataDir },
      remove: async () => {
        if (!process.env.KEEP_BENCH_FILES) fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const copy = await createPostgresqlDatabase(new URL(template.databaseUrl).pathname.slice(1));
  return {
    target: { databaseFile: "", databaseUrl: copy.url, dataDir },
    remove: async () => {
      if (process.env.KEEP_BENCH_FILES) return;
      fs.rmSync(dataDir, { recursive: true, force: true });
      await copy.drop();
    },
  };
}

/** `node --import tsx jobs/worker.ts` with a production environment; resolves once it has run a few seconds without exiting. */
async function startWorkerProcess(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "jobs", "worker.ts")], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 3_000))]);
  if (!started) throw new Error(`jobs/worker.ts exited at start:\n${output}`);
  return {
    baseUrl: "",
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The baseline: bench/bare-server.ts (Express, one route, no middleware) in a sibling process. */
export async function startBareExpress(): Promise<RunningServer> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "bench", "bare-server.ts")], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const firstLine = await Promise.race([
    readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next(),
    exited.then(() => ({ value: undefined })),
  ]);
  if (typeof firstLine.value !== "string") throw new Error("bench/bare-server.ts exited before it listened");
  const { port } = JSON.parse(firstLine.value) as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface ProcessMemory {
  /** Resident set size now, in MiB. */
  rssMib: number;
  /** The highest resident set size so far (VmHWM), in MiB. */
  peakRssMib: number;
}

/** A process's memory as Linux reports it in /proc/PID/status; null elsewhere. */
export function memoryOf(pid: number): ProcessMemory | null {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssMib: kib("VmRSS") / 1024, peakRssMib: kib("VmHWM") / 1024 };
}
