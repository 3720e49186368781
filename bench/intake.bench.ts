import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { compareWithBaseline, type Scenario } from "./load.js";
import { round, type BenchOptions, type BenchResult, type BenchTable } from "./report.js";
import { memoryOf, startBareExpress, startPenghubung, type ProcessMemory } from "./servers.js";
import { numberedReporter, readReference, sampleComplaint, seededRandom, storeComplaints, type ComplaintBody, type ReferenceRegion } from "./store-complaints.js";

/**
 * Complaint intake through the JSON API (POST /api/v1/complaints) on a database that already holds
 * 100,000 complaints, against bare Express parsing the same JSON bodies (POST /json), each in its
 * own process. Every request files a distinct, valid complaint with its own Idempotency-Key; any
 * answer but 201 fails the run. Before the load, the SQL statements of one submission are counted
 * on the running server.
 */

const ADMIN = { email: "bench-admin@penghubung.test", password: `bench-${crypto.randomBytes(12).toString("hex")}` };
/** Distinct complaint texts cycled through; the reporter (name, phone, email) differs on every request. */
const TEXT_POOL_SIZE = 2_000;
const COUNTED_SUBMISSIONS = 10;

/**
 * Loaded into the server with NODE_OPTIONS=--import: notes the SQL of every statement better-sqlite3
 * executes while recording; SIGUSR2 starts recording, the next SIGUSR2 writes the statements to
 * DATA_DIR/statements.json. Counting costs one boolean test per statement when not recording.
 */
const STATEMENT_RECORDER = `
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
const Database = createRequire(path.join(process.cwd(), "package.json"))("better-sqlite3");
let recording = null;
let patched = false;
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (...args) {
  const statement = prepare.apply(this, args);
  if (!patched) {
    patched = true;
    const proto = Object.getPrototypeOf(statement);
    for (const name of ["run", "get", "all", "iterate"]) {
      const original = proto[name];
      proto[name] = function (...params) { if (recording) recording.push(this.source); return original.apply(this, params); };
    }
  }
  return statement;
};
const exec = Database.prototype.exec;
Database.prototype.exec = function (sql) { if (recording) recording.push(sql); return exec.call(this, sql); };
process.on("SIGUSR2", () => {
  if (!recording) { recording = []; return; }
  fs.writeFileSync(path.join(process.env.DATA_DIR, "statements.json"), JSON.stringify(recording));
  recording = null;
});
`;

export default async function intake(options: BenchOptions): Promise<BenchResult> {
  const storedCount = options.isSmoke ? 1_000 : 100_000;
  let reference: ReferenceRegion[] = [];
  let databaseFile = "";
  let storeSeconds = 0;
  const bare = await startBareExpress();
  const app = await startPenghubung({
    complaints: storedCount,
    storeComplaints: async (target, count) => {
      const started = performance.now();
      await storeComplaints(target, count);
      storeSeconds = (performance.now() - started) / 1000;
      reference = readReference(target.databaseFile);
      databaseFile = target.databaseFile;
    },
    env: {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=data:text/javascript,${encodeURIComponent(STATEMENT_RECORDER)}`.trim(),
    },
  }).catch(async (error: unknown) => {
    await bare.stop();
    throw error;
  });
  try {
    const token = await issueToken(app.baseUrl);
    const settleSeconds = await waitForStartUpWork(app.pid, databaseFile, 180);
    const idle = { bare: memoryOf(bare.pid), app: memoryOf(app.pid) };

    const texts = complaintTexts(reference, TEXT_POOL_SIZE);
    const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
    let sequence = 0;
    const built = { bare: 0, app: 0 };
    const nextComplaint = () => {
      const n = sequence++;
      return { n, body: JSON.stringify({ ...texts[n % texts.length]!, reporter: numberedReporter(n) }) };
    };
    const staffHeaders = { "content-type": "application/json", authorization: `Bearer ${token}` };

    const statements = await countStatements(app, () => {
      const { n, body } = nextComplaint();
      return fetch(`${app.baseUrl}/api/v1/complaints`, { method: "POST", headers: { ...staffHeaders, "idempotency-key": `bench-${run}-${n}` }, body });
    });

    const baseline: Scenario = {
      name: "bare Express: POST /json (the same complaint bodies)",
      url: `${bare.baseUrl}/json`,
      method: "POST",
      headers: { "content-type": "application/json" },
      nextRequest: () => {
        built.bare += 1;
        return { body: nextComplaint().body };
      },
      expectStatus: [201],
    };
    const intakeScenario: Scenario = {
      name: `Penghubung: POST /api/v1/complaints (${storedCount.toLocaleString("en")} stored)`,
      url: `${app.baseUrl}/api/v1/complaints`,
      method: "POST",
      headers: staffHeaders,
      nextRequest: () => {
        built.app += 1;
        const { n, body } = nextComplaint();
        return { body, headers: { "idempotency-key": `bench-${run}-${n}` } };
      },
      expectStatus: [201],
    };
    const complaintsBefore = countComplaints(databaseFile);
    const cpuBefore = { bare: cpuSecondsOf(bare.pid), app: cpuSecondsOf(app.pid) };
    const { table } = await compareWithBaseline(baseline, [intakeScenario], options);
    await waitUntilIdle(app.pid, 10, 200, 2); // requests still in flight when the load stopped, and their after-commit work
    const cpuAfter = { bare: cpuSecondsOf(bare.pid), app: cpuSecondsOf(app.pid) };
    const loaded = { bare: memoryOf(bare.pid), app: memoryOf(app.pid) };
    const complaintsAfter = countComplaints(databaseFile);
    // autocannon builds one request per connection and run that it never sends; every 201 is a stored complaint.
    const runs = options.rounds * (options.warmupSeconds > 0 ? 2 : 1);
    const served = { bare: built.bare - options.connections * runs, app: complaintsAfter - complaintsBefore };
    const cpuRow = (name: string, key: "bare" | "app") => {
      const before = cpuBefore[key];
      const after = cpuAfter[key];
      if (before === null || after === null || served[key] <= 0) return [name, served[key], "n/a", "n/a", "n/a"];
      const msPerRequest = ((after - before) * 1000) / served[key];
      const bareMs = ((cpuAfter.bare! - cpuBefore.bare!) * 1000) / served.bare;
      return [name, served[key], round(after - before), round(msPerRequest), round(bareMs / msPerRequest)];
    };

    const mib = (memory: ProcessMemory | null, pickValue: (m: ProcessMemory) => number) => (memory ? round(pickValue(memory)) : "n/a");
    return {
      title: "Complaint intake: JSON submissions per second against bare Express",
      tables: [
        table,
        {
          title: "Server CPU time per request (user + system, warm-up included; less sensitive to other load on the machine than requests/s)",
          columns: ["Process", "requests served", "CPU s", "CPU ms per request", "baseline CPU ÷ this CPU"],
          rows: [cpuRow("bare Express", "bare"), cpuRow("Penghubung", "app")],
        },
        statements.table,
        {
          title: "Memory of each server process (MiB)",
          columns: ["Process", "RSS before load", "RSS after load", "peak RSS"],
          rows: [
            ["bare Express", mib(idle.bare, (m) => m.rssMib), mib(loaded.bare, (m) => m.rssMib), mib(loaded.bare, (m) => m.peakRssMib)],
            ["Penghubung (web + in-process queue)", mib(idle.app, (m) => m.rssMib), mib(loaded.app, (m) => m.rssMib), mib(loaded.app, (m) => m.peakRssMib)],
          ],
        },
      ],
      notes: [
        `${storedCount.toLocaleString("en")} complaints (with reporters, first audit entries and sent emails) were stored by bench/store-complaints.ts in ${storeSeconds.toFixed(1)} s before the server started; ` +
          `it then held ${complaintsAfter.toLocaleString("en")} after the run. The load began ${settleSeconds.toFixed(0)} s after the server answered, once its start-up work (the first score computation of each year) was done and it was idle.`,
        "Every request files a different complaint (texts from a pool of 2,000 generated ones, 23 Pemda and their units or a named other office; the reporter's name, phone and email differ every time) with its own Idempotency-Key; any answer but 201 fails the run.",
        "Requests carry a staff bearer token (the first administrator's): public submissions are rate-limited per IP (20 per 10 minutes), staff ones are not. The token costs two indexed lookups per request (the token and its user); the citizen's path is otherwise the same.",
        "Just under half of the reporters give an email: their submission also writes an outbox row, and the in-process queue (no Redis) then delivers it (.eml file in DATA_DIR/mail) in the same server process.",
        "The stored complaints are not in the duplicate index (profiles, identity keys, search tokens): the duplicate check of a submission searches only the complaints filed during the run, so its cost against 100,000 indexed complaints is not measured here.",
        "The bare route parses the same bodies (express.json) and answers 201; both servers are `node --import tsx` child processes and autocannon runs in the bench process, all on the same cores.",
      ],
    };
  } finally {
    await Promise.all([app.stop(), bare.stop()]);
  }
}

async function issueToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...ADMIN, name: "intake benchmark" }),
  });
  if (response.status !== 201) throw new Error(`POST /api/v1/auth/token answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Complaint texts (everything but the reporter) as citizens file them today. */
function complaintTexts(reference: ReferenceRegion[], size: number): Array<Omit<ComplaintBody, "reporter">> {
  const random = seededRandom(424_242);
  const now = Date.now();
  return Array.from({ length: size }, () => {
    const { reporter: _reporter, ...text } = sampleComplaint(random, reference, now);
    return text;
  });
}

/**
 * A server started on a database without score results asks for the first computation of every
 * methodology year at the end of the current 30-second window (src/scoring/seed-methodologies.ts);
 * it takes seconds and would land in the middle of the measurement. A deployment does it once, so
 * the benchmark waits for those results, then for the process to be idle. Returns the seconds waited.
 */
async function waitForStartUpWork(pid: number, databaseFile: string, maxSeconds: number): Promise<number> {
  const started = performance.now();
  while (yearsWithoutScores(databaseFile) > 0 && performance.now() - started < maxSeconds * 1000) await pause(500);
  await waitUntilIdle(pid, Math.max(5, maxSeconds - (performance.now() - started) / 1000));
  return (performance.now() - started) / 1000;
}

function yearsWithoutScores(databaseFile: string): number {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const { missing } = sqlite
      .prepare(`SELECT (SELECT COUNT(DISTINCT year) FROM "MethodologyVersion") - (SELECT COUNT(DISTINCT year) FROM "ScoreRun" WHERE isCurrent = 1) AS missing`)
      .get() as { missing: number };
    return missing;
  } catch {
    return 0; // no scoring tables: nothing to wait for
  } finally {
    sqlite.close();
  }
}

/** CPU seconds a process has used so far (user + system), from /proc; null elsewhere. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return null;
  }
}

/** Waits until the process uses (almost) no CPU for `samples` intervals in a row; returns the seconds waited. */
async function waitUntilIdle(pid: number, maxSeconds: number, intervalMs = 500, samples = 4): Promise<number> {
  const started = performance.now();
  let quietSamples = 0;
  const first = cpuSecondsOf(pid);
  if (first === null) return 0;
  let last: number = first;
  while (quietSamples < samples && performance.now() - started < maxSeconds * 1000) {
    await pause(intervalMs);
    const current: number = cpuSecondsOf(pid) ?? last;
    quietSamples = current - last <= 0.01 ? quietSamples + 1 : 0; // one clock tick
    last = current;
  }
  return (performance.now() - started) / 1000;
}

/**
 * Records the SQL the server runs for a few submissions, one at a time, each until the server is
 * idle again (its after-commit work included), and returns the statements per submission, with
 * and without an email address, in the order they ran.
 */
async function countStatements(app: { pid: number; dataDir: string }, submit: () => Promise<Response>): Promise<{ table: BenchTable; perSubmission: number }> {
  const file = path.join(app.dataDir, "statements.json");
  const recordings: Array<{ hasEmail: boolean; statements: string[] }> = [];
  for (let i = 0; recordings.length < COUNTED_SUBMISSIONS; i++) {
    fs.rmSync(file, { force: true });
    process.kill(app.pid, "SIGUSR2");
    await pause(50);
    const response = await submit();
    const answer = await response.text();
    if (response.status !== 201) throw new Error(`A counted submission answered ${response.status}: ${answer}`);
    await waitUntilIdle(app.pid, 5, 200, 2); // the after-commit work (email delivery, duplicate check) belongs to the submission
    process.kill(app.pid, "SIGUSR2");
    for (let wait = 0; !fs.existsSync(file) && wait < 100; wait++) await pause(20);
    const statements = JSON.parse(fs.readFileSync(file, "utf8")) as string[];
    recordings.push({ hasEmail: statements.some((sql) => /INSERT INTO [`"](main[`"]\.[`"])?OutboxMessage/.test(sql)), statements });
  }
  const shorten = (sql: string) =>
    sql
      .replace(/[`"]main[`"]\./g, "")
      .replace(/[`"]/g, "")
      .replace(/\s+/g, " ")
      .replace(/IN \((\?, ?)*\?\)/g, "IN (?…)")
      .replace(/VALUES (\([?, ]+\))(, \([?, ]+\))+/g, "VALUES $1, …")
      .replace(/\(([^()]{60,})\)/g, "(…)")
      .replace(/SELECT (.{50,}?) FROM/, "SELECT … FROM")
      .slice(0, 140);
  const groups = (hasEmail: boolean) => {
    const chosen = recordings.filter((r) => r.hasEmail === hasEmail);
    const counts = new Map<string, number>();
    for (const recording of chosen) for (const sql of recording.statements) counts.set(shorten(sql), (counts.get(shorten(sql)) ?? 0) + 1);
    return { runs: chosen.length, counts };
  };
  const withEmail = groups(true);
  const withoutEmail = groups(false);
  const order = [...new Set(recordings.flatMap((r) => r.statements.map(shorten)))];
  const perRun = (group: { runs: number; counts: Map<string, number> }, sql: string) => (group.runs ? round((group.counts.get(sql) ?? 0) / group.runs) : "n/a");
  const total = (group: { runs: number; counts: Map<string, number> }) => (group.runs ? round([...group.counts.values()].reduce((a, b) => a + b, 0) / group.runs) : "n/a");
  const all = recordings.reduce((sum, r) => sum + r.statements.length, 0) / recordings.length;
  return {
    perSubmission: all,
    table: {
      title: `SQL statements per submission, in order (server-side, ${recordings.length} submissions recorded one at a time; after COMMIT: the after-commit work of the in-process queue)`,
      columns: ["Statement", `reporter with email (${withEmail.runs})`, `without email (${withoutEmail.runs})`],
      rows: [...order.map((sql) => [sql, perRun(withEmail, sql), perRun(withoutEmail, sql)]), ["**total**", total(withEmail), total(withoutEmail)]],
    },
  };
}

function countComplaints(databaseFile: string): number {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare(`SELECT COUNT(*) AS n FROM "Complaint"`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
