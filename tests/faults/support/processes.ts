import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import { REPO_ROOT, startServerProcess, type ServerProcess } from "../../e2e/server-process.js";
import { freePort } from "../../helpers/net.js";

/**
 * The processes a fault scenario runs and breaks: its own Redis, the real web server and the real
 * worker, each a child process of the test on a loopback port. Everything started here is
 * registered and stopped by stopAll() (call it in afterAll), so a failed scenario leaves nothing
 * running.
 */
const running = new Set<() => Promise<void>>();

export async function stopAll() {
  const stops = [...running];
  running.clear();
  await Promise.allSettled(stops.map((stop) => stop()));
}

/** Settings the web server and the worker must share (the duplicate index is keyed with MATCHING_SECRET). */
export function sharedSecrets(): Record<string, string> {
  return { SESSION_SECRET: crypto.randomBytes(32).toString("hex"), MATCHING_SECRET: crypto.randomBytes(32).toString("hex") };
}

export interface WebServer extends ServerProcess {
  /** SIGKILL: no shutdown handler runs, requests in flight are cut off. */
  kill(): Promise<void>;
  isAlive(): boolean;
}

/** The real server (src/server.ts, NODE_ENV=production) on the scenario's database and data directory. */
export async function startWebServer(options: { databaseUrl: string; dataDir: string; env?: Record<string, string> }): Promise<WebServer> {
  const server = await startServerProcess({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, env: { LOG_LEVEL: "warn", ...options.env } });
  let isAlive = true;
  const stop = async () => {
    await server.stop();
    isAlive = false;
  };
  running.add(stop);
  return {
    ...server,
    stop: async () => {
      running.delete(stop);
      await stop();
    },
    kill: async () => {
      running.delete(stop);
      await killPid(server.pid);
      isAlive = false;
    },
    isAlive: () => isAlive && processExists(server.pid),
  };
}

export interface ChildService {
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/** `npm run worker` without the build step: jobs/worker.ts under tsx, the way server-process runs the server. */
export async function startWorkerProcess(options: { databaseUrl: string; dataDir: string; env: Record<string, string> }): Promise<ChildService> {
  const child = spawnService(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "jobs", "worker.ts")], {
    ...baseEnvironment(),
    NODE_ENV: "production",
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    LOG_LEVEL: "info",
    ...options.env,
  });
  // Generous: a worker starts by running every sweep at once (the score sweep recomputes each year).
  await child.waitForOutput(/worker started/, 180_000);
  return child;
}

export interface RedisProcess extends ChildService {
  url: string;
  port: number;
  /** SIGKILL: Redis is gone at once, with everything it held (it keeps nothing on disk). */
  kill(): Promise<void>;
  /** A new Redis on the same port: empty, as after a crash of a Redis without persistence. */
  restart(): Promise<void>;
}

/** A Redis of the scenario's own on a free loopback port, without persistence. Never the shared 6379. */
export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"];
  let current = await launchRedis(args, port);
  const redis: RedisProcess = {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return current.pid;
    },
    output: () => current.output(),
    stop: () => current.stop(),
    kill: async () => {
      await killPid(current.pid);
      await current.stop();
    },
    restart: async () => {
      current = await launchRedis(args, port);
    },
  };
  return redis;
}

async function launchRedis(args: string[], port: number) {
  const child = spawnService("redis-server", args, baseEnvironment());
  const deadline = Date.now() + 10_000;
  while (!(await pingRedis(port))) {
    if (Date.now() > deadline) {
      await child.stop();
      throw new Error(`redis-server did not answer on port ${port}:\n${child.output()}`);
    }
    await sleep(50);
  }
  return child;
}

async function pingRedis(port: number): Promise<boolean> {
  const client = new Redis({ host: "127.0.0.1", port, lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "LANG", "TZ", "TMPDIR", "NODE_OPTIONS"]) {
    if (process.env[name] !== undefined) env[name] = process.env[name]!;
  }
  return env;
}

function spawnService(command: string, args: string[], env: Record<string, string>) {
  const child: ChildProcess = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 300) lines.splice(0, lines.length - 300);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    running.delete(stop);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  running.add(stop);
  return {
    pid: child.pid!,
    output: () => lines.join("\n"),
    stop,
    async waitForOutput(pattern: RegExp, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (!lines.some((line) => pattern.test(line))) {
        if (child.exitCode !== null || Date.now() > deadline) {
          await stop();
          throw new Error(`${command} did not print ${pattern} within ${timeoutMs} ms:\n${lines.join("\n")}`);
        }
        await sleep(100);
      }
    },
  };
}

async function killPid(pid: number) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 10_000;
  while (processExists(pid) && Date.now() < deadline) await sleep(20);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A killed child stays a zombie until the parent reaps it; a zombie serves nothing.
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns something truthy; fails after `timeoutMs` naming what it waited for. */
export async function waitUntil<T>(check: () => Promise<T>, what: string, timeoutMs: number, everyMs = 250): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}; last: ${JSON.stringify(last)}`);
    await sleep(everyMs);
  }
}
