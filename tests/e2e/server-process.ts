import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../helpers/net.js";

/**
 * The real server (`node --import tsx src/server.ts`) as a child process, the way an operator runs
 * it: its own port, data directory and SQLite file, production settings. Used by the end-to-end
 * tests and by the benchmarks (bench/), so it imports nothing from vitest.
 */
export interface ServerProcessOptions {
  /** The database the server uses, in place (copy a template first): a SQLite file... */
  databaseFile?: string;
  /** ...or any DATABASE_URL (PostgreSQL). */
  databaseUrl?: string;
  /** DATA_DIR: uploads and the .eml files of outgoing mail go here. */
  dataDir: string;
  /** The first administrator, created at start-up from ADMIN_EMAIL/ADMIN_PASSWORD. */
  admin?: { email: string; password: string };
  /** Extra or overriding environment variables (e.g. LOG_LEVEL). */
  env?: Record<string, string>;
  /** How long to wait for /healthz to answer 200 (start-up compiles TypeScript on the fly). */
  startTimeoutMs?: number;
}

export interface ServerProcess {
  baseUrl: string;
  port: number;
  pid: number;
  dataDir: string;
  mailDir: string;
  admin: { email: string; password: string };
  /** What the server printed (the last 200 lines), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within a few seconds. */
  stop(): Promise<void>;
}

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

const DEFAULT_ADMIN = { email: "admin@penghubung.test", password: "admin-password-for-e2e" };
const OUTPUT_LINES = 200;

/** Starts the server and resolves once /healthz answers 200; rejects with the server's output otherwise. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  // freePort() releases the port before the server binds it; another process may take it in between.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options, await freePort());
    } catch (error) {
      lastError = error;
      if (!(error instanceof ServerStartError) || !error.isPortTaken) throw error;
    }
  }
  throw lastError;
}

class ServerStartError extends Error {
  constructor(
    message: string,
    readonly isPortTaken: boolean,
  ) {
    super(message);
    this.name = "ServerStartError";
  }
}

async function startOnce(options: ServerProcessOptions, port: number): Promise<ServerProcess> {
  const admin = options.admin ?? DEFAULT_ADMIN;
  const baseUrl = `http://127.0.0.1:${port}`;
  const mailDir = path.join(options.dataDir, "mail");
  fs.mkdirSync(options.dataDir, { recursive: true });

  const env: Record<string, string> = {};
  // Only what a shell would pass on; the parent's test settings (REDIS_URL, SMTP_URL, ...) stay out.
  for (const name of ["PATH", "HOME", "LANG", "TZ", "TMPDIR", "NODE_OPTIONS"]) {
    if (process.env[name] !== undefined) env[name] = process.env[name]!;
  }
  Object.assign(env, {
    NODE_ENV: "production",
    SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
    HOST: "127.0.0.1",
    PORT: String(port),
    BASE_URL: baseUrl,
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? `file:${options.databaseFile}`,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    LOG_LEVEL: "warn",
    ...options.env,
  });

  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src", "server.ts")], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > OUTPUT_LINES) lines.splice(0, lines.length - OUTPUT_LINES);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const output = () => lines.join("\n");

  const server: ServerProcess = {
    baseUrl,
    port,
    pid: child.pid!,
    dataDir: options.dataDir,
    mailDir,
    admin,
    output,
    stop: () => stopChild(child, exited),
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  while (Date.now() < deadline) {
    if (hasExited) {
      const text = output();
      throw new ServerStartError(`The server exited during start-up (exit code ${child.exitCode}). Its output:\n${text}`, /EADDRINUSE/.test(text));
    }
    if (await isHealthy(baseUrl)) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop();
  throw new ServerStartError(`The server did not answer ${baseUrl}/healthz within ${options.startTimeoutMs ?? 60_000} ms. Its output:\n${output()}`, false);
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
