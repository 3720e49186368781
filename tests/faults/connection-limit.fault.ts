import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { testDatabaseKind } from "../helpers/test-database.js";
import { staffToken, submitThroughApi, submitThroughWebForm, type Answer } from "./support/intake.js";
import { startWebServer, stopAll, waitUntil } from "./support/processes.js";

/**
 * The database cannot take more work: on PostgreSQL every connection of the server's pool is busy
 * (DATABASE_POOL_MAX=1, the one connection stuck behind a lock this test holds), on SQLite another
 * process holds the write lock longer than the busy timeout. The server must answer 503 with
 * Retry-After (never 500, never hang, never crash), store nothing half-written, and serve normally
 * once the database is free again.
 */
const databaseKind = testDatabaseKind();
const POOL_TIMEOUT_MS = 1000;
const FORM_FIELDS = { unitName: "Dinas Kependudukan dan Pencatatan Sipil", subject: "Formulir saat basis data sibuk" };

async function pageAnswer(url: string): Promise<Answer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), contentType: response.headers.get("content-type"), body: await response.text() };
}

afterAll(stopAll);

function expectServiceUnavailable(answer: Answer, what: string) {
  expect(answer.status, `${what}: ${answer.body?.slice(0, 300)}`).toBe(503);
  expect(Number(answer.retryAfter), `${what}: Retry-After`).toBeGreaterThan(0);
}

describe(`the database at its limit (${databaseKind})`, () => {
  it("answers 503 with Retry-After while the database is saturated, and serves again afterwards", { timeout: 180_000 }, async () => {
    const dataDir = path.join(process.env.DATA_DIR!, "instance");
    const databaseUrl = process.env.DATABASE_URL!;
    const env: Record<string, string> = databaseKind === "postgresql" ? { DATABASE_POOL_MAX: "1", DATABASE_POOL_TIMEOUT_MS: String(POOL_TIMEOUT_MS) } : {};
    const web = await startWebServer({ databaseUrl, dataDir, env });
    const token = await staffToken(web.baseUrl, web.admin);
    expect((await submitThroughApi(web.baseUrl, token, { tag: "limit", n: 0 })).status).toBe(201);
    const before = await db.complaint.count();

    let held: Answer | null = null;
    let release: () => Promise<void>;
    if (databaseKind === "postgresql") {
      // A submission takes the pool's only connection and waits, inside its transaction, for a lock we hold.
      const holder = new pg.Client({ connectionString: databaseUrl });
      await holder.connect();
      await holder.query('BEGIN; LOCK TABLE "Complaint" IN ACCESS EXCLUSIVE MODE');
      const waiting = submitThroughApi(web.baseUrl, token, { tag: "limit", n: 1 }).then((answer) => (held = answer));
      await waitUntil(async () => (await holder.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND relation = '"Complaint"'::regclass`)).rowCount, "a submission waiting for the lock", 30_000, 100);
      release = async () => {
        await holder.query("ROLLBACK");
        await holder.end();
        await waiting;
      };
    } else {
      // Another process writes and does not let go: SQLite allows one writer at a time.
      const holder = new Database(databaseUrl.replace(/^file:/, ""));
      holder.exec("BEGIN IMMEDIATE");
      release = async () => {
        holder.exec("ROLLBACK");
        holder.close();
      };
    }

    try {
      const started = Date.now();
      expectServiceUnavailable(await submitThroughApi(web.baseUrl, token, { tag: "limit", n: 2 }), "JSON submission");
      const api = await submitThroughApi(web.baseUrl, token, { tag: "limit", n: 3 });
      expectServiceUnavailable(api, "second JSON submission");
      expect(api.contentType).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(api.body!)).toMatchObject({ status: 503, type: expect.stringMatching(/\/problems\/service_unavailable$/) });
      // A person sees a page: on SQLite reads go on, so the form comes back (503) with what they typed;
      // on PostgreSQL even the form page needs a connection.
      const page = databaseKind === "sqlite" ? await submitThroughWebForm(web.baseUrl, { submissionKey: "limit-form-0000000001", files: [], fields: FORM_FIELDS }) : await pageAnswer(`${web.baseUrl}/complaints/new?region=53.01`);
      expectServiceUnavailable(page, "citizen's form");
      expect(page.contentType).toMatch(/^text\/html/);
      if (databaseKind === "sqlite") expect(page.body).toContain(FORM_FIELDS.unitName);
      // Refused within the configured waits (pool timeout or busy timeout, a few seconds), not after a hang.
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(web.isAlive()).toBe(true);
    } finally {
      await release();
    }

    // The submission that held the connection went through once the lock was gone.
    if (databaseKind === "postgresql") expect((held as Answer | null)?.status).toBe(201);
    expect(await db.complaint.count()).toBe(before + (databaseKind === "postgresql" ? 1 : 0));
    expect(await db.complaint.count({ where: { OR: [{ submissionKey: { contains: "fault-limit-2" } }, { submissionKey: { contains: "fault-limit-3" } }, { submissionKey: "limit-form-0000000001" }] } })).toBe(0);

    // Same process, serving again.
    expect(web.isAlive()).toBe(true);
    expect((await fetch(`${web.baseUrl}/healthz`)).status).toBe(200);
    expect((await submitThroughApi(web.baseUrl, token, { tag: "limit", n: 2 })).status).toBe(201);
    expect((await submitThroughWebForm(web.baseUrl, { submissionKey: "limit-form-0000000001", files: [], fields: FORM_FIELDS })).status).toBe(303);
  });
});
