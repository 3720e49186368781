import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The application's configuration, parsed once from the environment. This module is the only
 * reader of `process.env`; a bad value stops start-up with every problem listed.
 * Every variable is documented in `.env.example`.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().trim().min(1).default("127.0.0.1"),
    BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    DATA_DIR: z.string().trim().min(1).default("data"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
        .optional(),
    ),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
    DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional()),
    SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional()),
    MAIL_FROM: z.string().trim().min(3).default("Penghubung <no-reply@penghubung.localhost>"),
    SESSION_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    MATCHING_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(10, "must be at least 10 characters").optional()),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    TRUST_PROXY: optionalString,
    SEED_ON_START: booleanish.default(true),
    RUN_WORKER_IN_WEB: optionalString.pipe(z.enum(["auto", "true", "false"]).optional()),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required when NODE_ENV=production (32+ random characters, e.g. `openssl rand -hex 32`)" });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: [env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"], message: "ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither" });
    }
  });

export type Config = ReturnType<typeof buildConfig>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment (a plain object) into the configuration; throws ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined>) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  return buildConfig(parsed.data);
}

function buildConfig(env: z.infer<typeof envSchema>) {
  const dataDir = path.resolve(env.DATA_DIR);
  const databaseUrl = env.DATABASE_URL ?? `file:${path.join(dataDir, "penghubung.db")}`;
  const isProduction = env.NODE_ENV === "production";
  const sessionSecret = env.SESSION_SECRET ?? developmentSecret(dataDir, env.NODE_ENV);
  return {
    env: env.NODE_ENV,
    isProduction,
    isTest: env.NODE_ENV === "test",
    port: env.PORT,
    host: env.HOST,
    baseUrl: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    dataDir,
    uploadDir: path.join(dataDir, "uploads"),
    mailDir: path.join(dataDir, "mail"),
    databaseUrl,
    databaseProvider: databaseUrl.startsWith("file:") ? ("sqlite" as const) : ("postgresql" as const),
    /** PostgreSQL: connections per process, and how long a request waits for one before a 503 */
    databasePoolMax: env.DATABASE_POOL_MAX,
    databasePoolTimeoutMs: env.DATABASE_POOL_TIMEOUT_MS,
    redisUrl: env.REDIS_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    sessionSecret,
    /**
     * Keys the hashes of reporters' NIK, phone, email and names in the duplicate index. Derived from
     * SESSION_SECRET unless set; changing it means rebuilding the index (`npm run cli -- duplicates rebuild`).
     */
    matchingSecret: env.MATCHING_SECRET ?? crypto.createHmac("sha256", sessionSecret).update("penghubung:matching").digest("hex"),
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    seedOnStart: env.SEED_ON_START,
    /** Run queue workers inside the web process: always without Redis, optional with it. */
    runWorkerInWeb: env.RUN_WORKER_IN_WEB === "true" || (env.RUN_WORKER_IN_WEB !== "false" && !env.REDIS_URL),
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // e.g. "loopback" or a list of addresses, as Express accepts
}

/**
 * Outside production a missing SESSION_SECRET is generated once and kept in the data directory,
 * so that sessions survive a restart of a developer's machine.
 */
function developmentSecret(dataDir: string, nodeEnv: string): string {
  if (nodeEnv === "test") return "test-secret-test-secret-test-secret-0123456789";
  const file = path.join(dataDir, ".session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("hex");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

function loadConfig() {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export const config = loadConfig();
