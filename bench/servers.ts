import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { promisify } from "node:util";
import { REPO_ROOT, startServerProcess } from "../tests/e2e/server-process.js";

/** The SQLite database a benchmark fills before the server starts. */
export interface DatabaseTarget {
  databaseFile: string;
  /** `file:` URL, as DATABASE_URL takes it. */
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

const BENCH_TMP = path.join(REPO_ROOT, "bench", ".tmp");

/**
 * The real server (`node --import tsx src/server.ts`, NODE_ENV=production, SQLite, in-process
 * queue) on a fresh database: migrated and seeded with the reference data by the CLI, then
 * filled by storeComplaints. Its files are removed on stop unless KEEP_BENCH_FILES is set.
 */
export async function startPenghubung(options: PenghubungOptions = {}): Promise<RunningServer & { dataDir: string }> {
  const complaints = options.complaints ?? 0;
  if (complaints > 0 && !options.storeComplaints) throw new Error(`${complaints} complaints were asked for, but no storeComplaints step was given`);
  const dataDir = path.join(BENCH_TMP, `run-${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, "penghubung.db");
  const target: DatabaseTarget = { databaseFile, databaseUrl: `file:${databaseFile}`, dataDir };
  const removeFiles = () => {
    if (!process.env.KEEP_BENCH_FILES) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src", "cli.ts"), "seed"], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: target.databaseUrl, DATA_DIR: dataDir, BASE_URL: "http://127.0.0.1", LOG_LEVEL: "silent" },
    });
    if (complaints > 0) await options.storeComplaints!(target, complaints);
    const server = await startServerProcess({ databaseFile, dataDir, env: { LOG_LEVEL: "warn", ...options.env } });
    return {
      baseUrl: server.baseUrl,
      pid: server.pid,
      dataDir,
      stop: async () => {
        await server.stop();
        removeFiles();
      },
    };
  } catch (error) {
    removeFiles();
    throw error;
  }
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
