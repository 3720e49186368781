import { spawn } from "node:child_process";
import argon2 from "argon2";
import Database from "better-sqlite3";
import { generateTrackingNumber, READABLE_ALPHABET } from "../src/complaints/tracking-number.js";
import { REPO_ROOT } from "../tests/e2e/server-process.js";
import { signIn } from "./http-session.js";
import { compareWithBaseline } from "./load.js";
import { round, type BenchOptions, type BenchResult } from "./report.js";
import { memoryOf, startBareExpress, startPenghubung, type DatabaseTarget } from "./servers.js";

/**
 * The score pages with 1,000,000 complaints stored: the assessment overview of all 23 Pemda (what
 * the issue asks to render in under 200 ms), the public page, a Pemda's page, an indicator's cases
 * and the public API. Complaints, reporters and deadlines are written straight into the SQLite file
 * (five years, every unit, a realistic mix of answers on time, late and missed), the assessors'
 * points for every unit and year too; then each year's results are computed by the application's
 * own recomputeScores in a child process (this file is also that child), timed. The pages read the
 * stored results only, so their time should not depend on the number of complaints.
 */

const RECOMPUTE_FLAG = "--recompute-scores";
const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
const YEAR = 2025;
const DAY_MS = 86_400_000;
const WITA_OFFSET_MS = 8 * 3_600_000;
const STAFF = { email: "penilai@bench.test", password: "kata sandi penilai untuk benchmark" };
/** How Prisma's SQLite adapter stores a DateTime; another format would not compare right. */
const stored = (at: number | null) => (at === null ? null : new Date(at).toISOString().replace("Z", "+00:00"));

interface RecomputeTimes {
  years: Array<{ year: number; ms: number; complaints: number; units: number }>;
  maxRssMib: number;
}

/** mulberry32: benchmark data must not depend on Math.random. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The n-th tracking number: n written in the readable alphabet, so a million are distinct without a lookup. */
function trackingNumberOf(n: number): string {
  const digits: number[] = [];
  for (let rest = n, i = 0; i < 7; i++, rest = Math.floor(rest / READABLE_ALPHABET.length)) digits.unshift(rest % READABLE_ALPHABET.length);
  let next = 0;
  return generateTrackingNumber(() => digits[next++]!);
}

/**
 * Writes `count` complaints over the five years into every active unit, each with its reporter and
 * its written-answer, decision and outcome-notice deadlines as the deadline engine keeps them (75 %
 * on time, 15 % late, the rest not met), ratings on closed cases, the assessors' points of every
 * assessed unit and year, and a staff account to sign in with.
 */
async function storeScoreData(target: DatabaseTarget, count: number): Promise<{ deadlines: number }> {
  const sqlite = new Database(target.databaseFile, { fileMustExist: true });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const random = seededRandom(7);
  const units = sqlite.prepare(`SELECT u.id, u.regionId, u.isAssessed FROM "Unit" u JOIN "Region" r ON r.id = u.regionId WHERE u.isActive = 1 AND r.isActive = 1 ORDER BY u.id`).all() as Array<{ id: number; regionId: number; isAssessed: number }>;
  const offices = new Map((sqlite.prepare(`SELECT id, regionId FROM "Office" WHERE kind = 'inspektorat'`).all() as Array<{ id: number; regionId: number }>).map((o) => [o.regionId, o.id]));
  const now = Date.now();
  const complaint = sqlite.prepare(
    `INSERT INTO "Complaint" ("trackingNumber", "status", "desk", "channel", "receivedAt", "regionId", "unitId", "subject", "description", "incidentDate", "category", "assignedOfficeId", "outcome", "closedAt", "rating", "ratedAt", "nextDueAt", "overdueSince", "statusChangedAt", "createdAt", "updatedAt")
     VALUES (@trackingNumber, @status, @desk, @channel, @receivedAt, @regionId, @unitId, 'Pelayanan tertunda', 'Berkas belum selesai diproses setelah lewat waktu yang dijanjikan.', @incidentDate, @category, @officeId, @outcome, @closedAt, @rating, @ratedAt, @nextDueAt, @overdueSince, @receivedAt, @receivedAt, @receivedAt)`,
  );
  const reporter = sqlite.prepare(`INSERT INTO "Reporter" ("complaintId", "name", "phone", "confidentiality") VALUES (?, 'Pelapor', '+6281200000000', 'confidential')`);
  const deadline = sqlite.prepare(
    `INSERT INTO "Deadline" ("complaintId", "kind", "policyVersion", "startedAt", "dueAt", "basis", "pauses", "metAt", "missedAt", "createdAt", "updatedAt") VALUES (?, ?, 1, ?, ?, '{}', '[]', ?, ?, ?, ?)`,
  );
  let deadlines = 0;
  type Planned = { kind: string; startedAt: number; dueAt: number; metAt: number | null; missedAt: number | null };
  /** A deadline met on time (75 %), late (15 %) or not at all, missed once due; nothing after now. */
  const plan = (kind: string, startedAt: number, days: number): Planned => {
    const dueAt = startedAt + days * DAY_MS;
    const r = random();
    const done = r < 0.75 ? startedAt + random() * days * DAY_MS : r < 0.9 ? dueAt + (1 + random() * 20) * DAY_MS : null;
    const metAt = done !== null && done < now ? done : null;
    return { kind, startedAt, dueAt, metAt, missedAt: metAt === null || metAt > dueAt ? (dueAt < now ? dueAt + 1 : null) : null };
  };
  const BATCH = 20_000;
  for (let start = 0; start < count; start += BATCH) {
    sqlite.transaction(() => {
      for (let n = start; n < Math.min(count, start + BATCH); n++) {
        const unit = units[n % units.length]!;
        const year = YEARS[n % YEARS.length]!;
        const yearStart = Date.UTC(year, 0, 1) - WITA_OFFSET_MS;
        const receivedAt = Math.min(yearStart + Math.floor(random() * 365 * DAY_MS), now - DAY_MS);
        const desk = random() < 0.6 ? "inspektorat" : "ombudsman";
        const r = random();
        const status = r < 0.55 ? "closed" : r < 0.75 ? "in_progress" : r < 0.85 ? "decided" : r < 0.95 ? "routed" : "withdrawn";
        const closedAt = status === "closed" ? receivedAt + (20 + random() * 60) * DAY_MS : null;
        const rating = closedAt !== null && random() < 0.4 ? 1 + Math.floor(random() * 5) : null;
        const planned = [plan("written_answer", receivedAt, 14), plan("decision", receivedAt + 2 * DAY_MS, 60)];
        if (planned[1]!.metAt !== null) planned.push(plan("notify_reporter_of_decision", planned[1]!.metAt, 14));
        // As the deadlines module keeps them on the case: the earliest open due time, and since when one is missed.
        const open = planned.filter((d) => d.metAt === null);
        const nextDueAt = open.length ? Math.min(...open.map((d) => d.dueAt)) : null;
        const missed = open.filter((d) => d.missedAt !== null);
        const overdueSince = missed.length ? Math.min(...missed.map((d) => d.missedAt!)) : null;
        const row = complaint.run({
          trackingNumber: trackingNumberOf(n),
          status,
          desk,
          channel: desk === "inspektorat" ? "walk_in" : "web",
          receivedAt: stored(receivedAt),
          regionId: unit.regionId,
          unitId: unit.id,
          incidentDate: new Date(receivedAt - 10 * DAY_MS + WITA_OFFSET_MS).toISOString().slice(0, 10),
          category: random() < 0.9 ? "penundaan_berlarut" : null,
          officeId: offices.get(unit.regionId) ?? null,
          outcome: status === "closed" ? "founded" : null,
          closedAt: stored(closedAt),
          rating,
          ratedAt: rating === null ? null : stored(closedAt! + DAY_MS),
          nextDueAt: stored(nextDueAt),
          overdueSince: stored(overdueSince),
        });
        const id = row.lastInsertRowid;
        reporter.run(id);
        for (const d of planned) {
          deadline.run(id, d.kind, stored(d.startedAt), stored(d.dueAt), stored(d.metAt), stored(d.missedAt), stored(d.startedAt), stored(d.startedAt));
          deadlines += 1;
        }
      }
    })();
  }
  const assessed = units.filter((u) => u.isAssessed === 1);
  const points = sqlite.prepare(`INSERT INTO "AssessorScore" ("unitId", "year", "points", "source", "createdAt", "updatedAt") VALUES (?, ?, ?, 'csv', ?, ?)`);
  sqlite.transaction(() => {
    for (const year of YEARS) {
      for (const unit of assessed) {
        const level = random();
        points.run(unit.id, year, JSON.stringify({ input: round2(6 + 15 * level), proses: round2(10 + 22 * level), output: round2(8 + 16 * random()) }), stored(now), stored(now));
      }
    }
  })();
  sqlite
    .prepare(`INSERT INTO "User" ("email", "name", "passwordHash", "role", "locale", "isActive", "createdAt", "updatedAt") VALUES (?, 'Penilai Benchmark', ?, 'assistant', 'id', 1, ?, ?)`)
    .run(STAFF.email, await argon2.hash(STAFF.password, { type: argon2.argon2id }), stored(now), stored(now));
  sqlite.close();
  return { deadlines };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Computes every year's results with the application's recomputeScores, in a child process pointed at the bench database. */
async function recomputeInChild(target: DatabaseTarget): Promise<RecomputeTimes> {
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, RECOMPUTE_FLAG], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: target.databaseUrl, DATA_DIR: target.dataDir, BASE_URL: "http://127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const line = output.split("\n").find((l) => l.startsWith("{"));
  if (code !== 0 || !line) throw new Error(`the recomputation failed (exit ${code}):\n${output}`);
  return JSON.parse(line) as RecomputeTimes;
}

/** Publishes the bench year's results, as an assistant would, so the public page and API have figures. */
function publishYear(databaseFile: string) {
  const sqlite = new Database(databaseFile, { fileMustExist: true });
  sqlite.prepare(`UPDATE "ScoreRun" SET "publishedAt" = ? WHERE "year" = ? AND "isCurrent" = 1`).run(stored(Date.now()), YEAR);
  const unit = sqlite.prepare(`SELECT u.id FROM "Unit" u JOIN "Region" r ON r.id = u.regionId WHERE r.code = '53.01' AND u.kind = 'DUKCAPIL'`).get() as { id: number };
  sqlite.close();
  return unit.id;
}

/** One request at a time, as one person clicking: each response's full time (sent to last byte), in ms. */
async function renderTimes(url: string, cookie: string | null, requests: number): Promise<{ p50: number; p95: number; p99: number; max: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests + 5; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: cookie ? { cookie } : {} });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    bytes = body.length;
    if (i >= 5) times.push(ms); // the first few warm the template cache and the JIT
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times.at(-1)!, bytes };
}

export default async function scoresBench(options: BenchOptions): Promise<BenchResult> {
  const complaints = options.isSmoke ? 10_000 : 1_000_000;
  const requests = options.isSmoke ? 20 : 200;
  let deadlines = 0;
  let recompute: RecomputeTimes | null = null;
  let storeSeconds = 0;
  let dukcapil = 0;
  const bare = await startBareExpress();
  const app = await startPenghubung({
    complaints,
    storeComplaints: async (target, count) => {
      const started = performance.now();
      deadlines = (await storeScoreData(target, count)).deadlines;
      storeSeconds = (performance.now() - started) / 1000;
      recompute = await recomputeInChild(target);
      dukcapil = publishYear(target.databaseFile);
    },
  }).catch(async (error: unknown) => {
    await bare.stop();
    throw error;
  });
  try {
    const cookie = await signIn(app.baseUrl, STAFF);
    const pages = [
      { name: `staff: all 23 Pemda (GET /scores?year=${YEAR})`, path: `/scores?year=${YEAR}`, cookie },
      { name: `public: all 23 Pemda (GET /transparency?year=${YEAR})`, path: `/transparency?year=${YEAR}`, cookie: null },
      { name: "staff: one Pemda, its units, what lowers it, cases at risk", path: `/scores/${YEAR}/regions/53.01`, cookie },
      { name: "staff: one indicator's cases (first 100 of each list)", path: `/scores/${YEAR}/units/${dukcapil}/indicators/answered_within_14_days`, cookie },
      { name: `public API: every Pemda and unit (GET /api/v1/scores?year=${YEAR})`, path: `/api/v1/scores?year=${YEAR}`, cookie: null },
    ];
    const rows: (string | number)[][] = [];
    for (const page of pages) {
      const t = await renderTimes(`${app.baseUrl}${page.path}`, page.cookie, requests);
      rows.push([page.name, round(t.p50), round(t.p95), round(t.p99), round(t.max), Math.round(t.bytes / 1024)]);
    }
    const { table } = await compareWithBaseline(
      { name: "bare Express: GET / (small HTML string)", url: `${bare.baseUrl}/` },
      [
        { name: `Penghubung: GET /scores?year=${YEAR} (signed in)`, url: `${app.baseUrl}/scores?year=${YEAR}`, headers: { cookie } },
        { name: `Penghubung: GET /transparency?year=${YEAR}`, url: `${app.baseUrl}/transparency?year=${YEAR}` },
      ],
      options,
    );
    const memory = memoryOf(app.pid);
    const times = recompute as RecomputeTimes | null;
    return {
      title: `Score pages with ${complaints.toLocaleString("en")} complaints stored`,
      tables: [
        {
          title: `Render time, one request at a time (${requests} requests per page after 5 warm-up requests; ms from request to last byte)`,
          columns: ["Page", "p50 ms", "p95 ms", "p99 ms", "max ms", "KiB"],
          rows,
        },
        table,
        {
          title: "Computing the results (recomputeScores, the job's use case, one process)",
          columns: ["Year", "complaints counted", "units", "seconds"],
          rows: (times?.years ?? []).map((y) => [y.year, y.complaints, y.units, round(y.ms / 1000)]),
        },
      ],
      notes: [
        `Database: SQLite with ${complaints.toLocaleString("en")} complaints over ${YEARS[0]}-${YEARS.at(-1)} in every active unit of the 23 Pemda, each with its reporter, and ${deadlines.toLocaleString("en")} deadlines, written in ${round(storeSeconds)} s; assessor points for every assessed unit and year.`,
        `The pages read only the stored results (about 23 Pemda rows, 115 unit rows and 1,265 indicator rows per year); the Pemda page also reads live the Pemda's open cases of the year whose deadline is missed or due within 7 days (through Complaint.nextDueAt). The recomputation runs in a queue job, never on a page view.`,
        `Peak memory of the recomputing process: ${times ? round(times.maxRssMib) : "n/a"} MiB; web server after the load: ${memory ? round(memory.rssMib) : "n/a"} MiB resident.`,
        "Sequential times include the whole HTTP stack (session lookup, CSRF cookie, EJS layout, compression off: no Accept-Encoding), measured from the bench process over loopback.",
      ],
    };
  } finally {
    await Promise.all([app.stop(), bare.stop()]);
  }
}

/** The child: every year's results computed by the application's own use case, timed. */
async function recomputeEveryYear() {
  const { recomputeScores } = await import("../src/scoring/recompute-scores.js");
  const { db } = await import("../src/db.js");
  const years: RecomputeTimes["years"] = [];
  for (const year of YEARS) {
    const started = performance.now();
    const result = await recomputeScores({ year, trigger: "staff" });
    if (result.status !== "computed") throw new Error(`year ${year}: ${result.status}`);
    years.push({ year, ms: performance.now() - started, complaints: result.complaints, units: result.units });
  }
  await db.$disconnect();
  console.log(JSON.stringify({ years, maxRssMib: process.resourceUsage().maxRSS / 1024 }));
}

if (process.argv.includes(RECOMPUTE_FLAG)) {
  recomputeEveryYear().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

