import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

function problemsOf(env: Record<string, string>) {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("configuration from the environment", () => {
  it("works with no variables at all: SQLite under data/, port 3000, in-process queue, mail to files", () => {
    const config = parseConfig({ NODE_ENV: "development", DATA_DIR: "/tmp/penghubung-config-test" });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe("file:/tmp/penghubung-config-test/penghubung.db");
    expect(config.databaseProvider).toBe("sqlite");
    expect(config.redisUrl).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
    expect(config.mailDir).toBe("/tmp/penghubung-config-test/mail");
    expect(config.baseUrl).toBe("http://localhost:3000");
    expect(config.runWorkerInWeb).toBe(true);
  });

  it("lists every bad value at once", () => {
    const problems = problemsOf({ PORT: "seventy", DATABASE_URL: "mysql://x", REDIS_URL: "http://redis", SMTP_URL: "mail.example", ADMIN_EMAIL: "not-an-email" });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT:/),
        expect.stringMatching(/^DATABASE_URL: must start with file:/),
        expect.stringMatching(/^REDIS_URL:/),
        expect.stringMatching(/^SMTP_URL:/),
        expect.stringMatching(/^ADMIN_EMAIL:/),
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  it("requires a real SESSION_SECRET in production and nothing else", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual([expect.stringMatching(/^SESSION_SECRET: is required when NODE_ENV=production/)]);
    expect(problemsOf({ NODE_ENV: "production", SESSION_SECRET: "short" })).toEqual([expect.stringMatching(/^SESSION_SECRET: must be at least 32/)]);
    expect(problemsOf({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), DATA_DIR: "/tmp/penghubung-config-test" })).toEqual([]);
  });

  it("wants ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    expect(problemsOf({ ADMIN_EMAIL: "admin@ntt.test" })).toEqual([expect.stringMatching(/^ADMIN_PASSWORD:/)]);
  });

  it("uses PostgreSQL when DATABASE_URL says so, and BullMQ workers elsewhere when Redis is set", () => {
    const config = parseConfig({ DATABASE_URL: "postgresql://localhost/penghubung", REDIS_URL: "redis://127.0.0.1:6379", RUN_WORKER_IN_WEB: "false", DATA_DIR: "/tmp/penghubung-config-test" });
    expect(config.databaseProvider).toBe("postgresql");
    expect(config.runWorkerInWeb).toBe(false);
  });
});
