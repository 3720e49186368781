import { execFile } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { REPO_ROOT } from "../tests/e2e/server-process.js";
import { queryRows, type DatabaseKind } from "./bench-database.js";
import { issueApiToken, signIn, type StaffAccount } from "./http-session.js";
import { measureLoad, type LoadMeasurement, type Scenario } from "./load.js";
import { pause, waitUntilIdle } from "./process-stats.js";
import { round, type BenchOptions, type BenchResult, type BenchTable } from "./report.js";
import { memoryOf, prepareDatabase, startBareExpress, startDeployment, type DatabaseTarget, type Deployment, type ProcessMemory, type RunningServer, type StoreComplaints } from "./servers.js";
import { complaintTexts, numberedReporter, readReferenceOf, retoldComplaint, sampleComplaint, seededRandom, storeComplaints, storedComplaintTexts } from "./store-complaints.js";
import { storeDuplicateIndexAt } from "./store-duplicate-index.js";

/**
 * The whole system under load, with BENCH_SYSTEM_COMPLAINTS complaints stored (default 1,000,000;
 * 2,000 with --smoke), on SQLite and on PostgreSQL, with one web process (in-process queue, no
 * Redis) and with two (Redis for BullMQ and the rate limits, one worker process): complaint intake
 * against bare Express in the same run, the duplicate check, the focal point's inbox and the score
 * overview, and the memory of every process.
 *
 * With two web processes the load is spread without a proxy (a Node proxy would be the bottleneck
 * on two cores): one autocannon per process port with half the connections each, throughput summed
 * and latencies merged; the baseline is as many bare Express processes, loaded the same way.
 *
 * BENCH_SYSTEM_SETUPS=sqlite:1,postgresql:2 picks setups (default all four; --smoke: sqlite:1).
 */
const SECRET = "bench-system-matching-secret-0123456789abcdef";
const ADMIN: StaffAccount = { email: "bench-admin@penghubung.test", password: `bench-${crypto.randomBytes(12).toString("hex")}` };
const FOCAL_POINT: StaffAccount = { email: "focal-point@bench.test", password: `bench-${crypto.randomBytes(12).toString("hex")}` };
const TEXT_POOL_SIZE = 2_000;
const RETOLD_POOL_SIZE = 500;

interface Setup {
  database: DatabaseKind;
  webProcesses: number;
}

interface SetupResult {
  setup: Setup;
  label: string;
  stored: number;
  storeSeconds: number;
  settleSeconds: number;
  measurements: Record<"bareJson" | "intake" | "bareGet" | "duplicates" | "inbox" | "scores", LoadMeasurement>;
  memory: Array<{ process: string; idle: ProcessMemory | null; loaded: ProcessMemory | null }>;
  verdicts: Record<string, number>;
  focalPoint: { regionCode: string; complaints: number };
}

function setupsFor(options: BenchOptions): Setup[] {
  const spec = process.env.BENCH_SYSTEM_SETUPS ?? (options.isSmoke ? "sqlite:1" : "sqlite:1,sqlite:2,postgresql:1,postgresql:2");
  return spec.split(",").map((item) => {
    const [database, processes] = item.trim().split(":");
    if ((database !== "sqlite" && database !== "postgresql") || !/^[1-9]$/.test(processes ?? "")) throw new Error(`BENCH_SYSTEM_SETUPS: "${item}" is not sqlite:N or postgresql:N`);
    return { database, webProcesses: Number(processes) };
  });
}

const labelOf = (setup: Setup) => `${setup.database === "sqlite" ? "SQLite" : "PostgreSQL"}, ${setup.webProcesses} web process${setup.webProcesses > 1 ? "es + Redis + 1 worker" : " (in-process queue)"}`;

export default async function system(options: BenchOptions): Promise<BenchResult> {
  const stored = options.isSmoke ? 2_000 : Number(process.env.BENCH_SYSTEM_COMPLAINTS ?? 1_000_000);
  if (!Number.isInteger(stored) || stored < 1) throw new Error(`BENCH_SYSTEM_COMPLAINTS must be a positive whole number (got "${process.env.BENCH_SYSTEM_COMPLAINTS}")`);
  const results: SetupResult[] = [];
  const failures: Array<{ label: string; message: string }> = [];
  const setups = setupsFor(options);
  // Each database is filled once; every setup on it starts from a copy (intake adds complaints).
  for (const database of [...new Set(setups.map((setup) => setup.database))]) {
    let started = performance.now();
    const prepared = await prepareDatabase({ database, complaints: stored, storeComplaints: fill });
    const storeSeconds = (performance.now() - started) / 1000;
    console.error(`system: ${database} filled with ${stored.toLocaleString("en")} complaints in ${storeSeconds.toFixed(0)} s`);
    try {
      for (const setup of setups.filter((s) => s.database === database)) {
        started = performance.now();
        try {
          results.push({ ...(await measureSetup(setup, prepared.target, options)), stored, storeSeconds });
        } catch (error) {
          // One setup failing (an unexpected status, a process that died) must not cost the others' results.
          if (options.isSmoke) throw error;
          failures.push({ label: labelOf(setup), message: error instanceof Error ? error.message.split("\n")[0]!.slice(0, 300) : String(error) });
        }
        console.error(`system: ${labelOf(setup)} measured in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    } finally {
      await prepared.remove();
    }
  }
  return {
    title: `The system under load: ${stored.toLocaleString("en")} complaints stored, SQLite and PostgreSQL, 1 and 2 web processes`,
    tables: [summaryTable(results, options), ...results.map(detailTable), memoryTable(results)],
    notes: [...failures.map((f) => `**${f.label}: FAILED** — ${f.message}`), ...notes(results, options)],
  };
}

/** The stored complaints, their duplicate index and a focal point of the busiest Pemda. */
const fill: StoreComplaints = async (target, count) => {
  await storeComplaints(target, count);
  await storeDuplicateIndexAt(target.databaseUrl, SECRET);
  await addFocalPoint(target.databaseUrl, target.dataDir);
};

async function measureSetup(setup: Setup, template: DatabaseTarget, options: BenchOptions): Promise<Omit<SetupResult, "stored" | "storeSeconds">> {
  const redis = setup.webProcesses > 1 ? await isolatedRedis() : null;
  let deployment: Deployment | null = null;
  const bare: RunningServer[] = [];
  try {
    deployment = await startDeployment({
      template,
      webProcesses: setup.webProcesses,
      redisUrl: redis?.url,
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, MATCHING_SECRET: SECRET },
    });
    const focalPoint = await busiestRegion(deployment.target.databaseUrl);
    for (let n = 0; n < setup.webProcesses; n++) bare.push(await startBareExpress());
    const { web, workers, target } = deployment;
    const servers = [...web, ...workers];
    // A smoke run only proves that everything answers: it does not wait for the first score computation.
    const settleSeconds = options.isSmoke ? await waitUntilIdle(servers.map((s) => s.pid), 5) : await waitForStartUpWork(target.databaseUrl, servers.map((s) => s.pid), 1_800);

    const token = await issueApiToken(web[0]!.baseUrl, ADMIN, "system benchmark");
    const adminCookie = await signIn(web[0]!.baseUrl, ADMIN);
    const focalCookie = await signIn(web[0]!.baseUrl, FOCAL_POINT);
    const processes = [
      ...web.map((s, i) => ({ process: `Penghubung web ${i + 1}${workers.length ? "" : " (web + in-process queue)"}`, pid: s.pid })),
      ...workers.map((s, i) => ({ process: `Penghubung worker ${i + 1}`, pid: s.pid })),
      ...bare.map((s, i) => ({ process: `bare Express ${i + 1}`, pid: s.pid })),
    ];
    const idle = processes.map((p) => memoryOf(p.pid));

    const reference = await readReferenceOf(target);
    const texts = complaintTexts(reference, TEXT_POOL_SIZE);
    const retold = (await storedComplaintTexts(target.databaseUrl, RETOLD_POOL_SIZE)).map(retoldComplaint);
    const fresh = complaintTexts(reference, RETOLD_POOL_SIZE, 99_991);
    const random = seededRandom(31_337);
    const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
    let sequence = 0;
    const nextComplaint = () => {
      const n = sequence++;
      return { n, body: JSON.stringify({ ...texts[n % texts.length]!, reporter: numberedReporter(n) }) };
    };
    let checks = 0;
    /** Half the checks retell a stored complaint (the same reporter), half are new matters. */
    const nextCheck = () => {
      const n = checks++;
      const body = n % 2 === 0 ? retold[Math.floor(n / 2) % Math.max(1, retold.length)] : { ...fresh[Math.floor(n / 2) % fresh.length]!, reporter: numberedReporter(5_000_000 + n) };
      return { body: JSON.stringify(body ?? sampleComplaint(random, reference, Date.now())) };
    };
    const json = { "content-type": "application/json" };
    const staffJson = { ...json, authorization: `Bearer ${token}` };
    const urls = (servers: RunningServer[], route: string) => servers.map((s) => `${s.baseUrl}${route}`);
    const scenarios = {
      bareJson: { name: "bare Express: POST /json (the same complaint bodies)", url: urls(bare, "/json"), method: "POST", headers: json, nextRequest: () => ({ body: nextComplaint().body }), expectStatus: [201] },
      intake: {
        name: "POST /api/v1/complaints",
        url: urls(web, "/api/v1/complaints"),
        method: "POST",
        headers: staffJson,
        nextRequest: () => {
          const { n, body } = nextComplaint();
          return { body, headers: { "idempotency-key": `bench-system-${run}-${n}` } };
        },
        expectStatus: [201],
      },
      bareGet: { name: "bare Express: GET / (small HTML page)", url: urls(bare, "/") },
      duplicates: { name: "POST /api/v1/duplicates/check", url: urls(web, "/api/v1/duplicates/check"), method: "POST", headers: staffJson, nextRequest: nextCheck },
      inbox: { name: `GET /inbox (focal point of ${focalPoint.regionCode})`, url: urls(web, "/inbox"), headers: { cookie: focalCookie } },
      scores: { name: "GET /scores (all Pemda, signed in)", url: urls(web, "/scores"), headers: { cookie: adminCookie } },
    } satisfies Record<keyof SetupResult["measurements"], Scenario>;

    const verdicts = await sampleVerdicts(web[0]!.baseUrl, staffJson, nextCheck, options.isSmoke ? 10 : 40);
    await warmUp(Object.values(scenarios), 3);
    const measurements = await measureInterleaved(scenarios, options);
    await waitUntilIdle(servers.map((s) => s.pid), 30, 200, 2);
    const loaded = processes.map((p) => memoryOf(p.pid));
    return {
      setup,
      label: labelOf(setup),
      settleSeconds,
      measurements,
      memory: processes.map((p, i) => ({ process: p.process, idle: idle[i]!, loaded: loaded[i]! })),
      verdicts,
      focalPoint,
    };
  } finally {
    await Promise.all([deployment?.stop(), ...bare.map((b) => b.stop())]);
    await redis?.clear();
  }
}

/** Every scenario once per round (each after its own warm-up), in order, so that a slow spell of the machine hits them alike. */
async function measureInterleaved<K extends string>(scenarios: Record<K, Scenario>, options: BenchOptions): Promise<Record<K, LoadMeasurement>> {
  const rounds = new Map<K, LoadMeasurement[]>();
  for (let r = 0; r < options.rounds; r++) {
    for (const [key, scenario] of Object.entries(scenarios) as Array<[K, Scenario]>) {
      // A setup that answers nothing within the run (e.g. processes starving each other of SQLite's write lock) is reported, not a crash.
      if (options.warmupSeconds > 0) await measureLoad(scenario, options.warmupSeconds, options.connections, { allowNoAnswers: true });
      rounds.set(key, [...(rounds.get(key) ?? []), await measureLoad(scenario, options.durationSeconds, options.connections, { allowNoAnswers: true })]);
    }
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const result = {} as Record<K, LoadMeasurement>;
  for (const [key, runs] of rounds) {
    result[key] = {
      scenario: runs[0]!.scenario,
      requestsPerSecond: median(runs.map((m) => m.requestsPerSecond)),
      latencyP50Ms: median(runs.map((m) => m.latencyP50Ms)),
      latencyP95Ms: median(runs.map((m) => m.latencyP95Ms)),
      latencyP99Ms: median(runs.map((m) => m.latencyP99Ms)),
      requests: runs.reduce((sum, m) => sum + m.requests, 0),
    };
  }
  return result;
}

/**
 * A few requests of every scenario to every process, one at a time, before any measurement: the
 * first requests of a fresh process (JIT, the database pool's connections, prepared statements)
 * take seconds on PostgreSQL and would otherwise fill a short run's first second.
 */
async function warmUp(scenarios: Scenario[], requests: number): Promise<void> {
  for (const scenario of scenarios) {
    for (const url of [scenario.url].flat()) {
      for (let i = 0; i < requests; i++) {
        const next = scenario.nextRequest?.() ?? {};
        const response = await fetch(url, { method: scenario.method ?? "GET", headers: { ...scenario.headers, ...next.headers }, body: next.body ?? scenario.body });
        await response.arrayBuffer();
        if (!(scenario.expectStatus ?? [200]).includes(response.status)) throw new Error(`${scenario.name} (${url}) answered ${response.status} while warming up`);
      }
    }
  }
}

/** A few checks one at a time before the load, to show that the retellings are found (verdict counts). */
async function sampleVerdicts(baseUrl: string, headers: Record<string, string>, next: () => { body: string }, count: number): Promise<Record<string, number>> {
  const verdicts: Record<string, number> = { duplicate: 0, related: 0, none: 0 };
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${baseUrl}/api/v1/duplicates/check`, { method: "POST", headers, body: next().body });
    if (response.status !== 200) throw new Error(`POST /api/v1/duplicates/check answered ${response.status}: ${await response.text()}`);
    const { verdict } = (await response.json()) as { verdict: string };
    verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
  }
  return verdicts;
}

/** The Pemda with the most complaints, and how many it has. */
async function busiestRegion(databaseUrl: string): Promise<{ regionCode: string; complaints: number }> {
  const [busiest] = await queryRows<{ code: string; complaints: number }>(
    databaseUrl,
    `SELECT r.code, COUNT(*) AS complaints FROM "Complaint" c JOIN "Region" r ON r.id = c."regionId" GROUP BY r.code ORDER BY COUNT(*) DESC, r.code LIMIT 1`,
  );
  if (!busiest) throw new Error("no complaints stored");
  return { regionCode: busiest.code, complaints: Number(busiest.complaints) };
}

/** A focal point (organisasi office) of the Pemda with the most complaints, created through the CLI. */
async function addFocalPoint(databaseUrl: string, dataDir: string): Promise<void> {
  const busiest = await busiestRegion(databaseUrl);
  await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", path.join(REPO_ROOT, "src", "cli.ts"), "user", "add", "--email", FOCAL_POINT.email, "--role", "focal_point", "--password", FOCAL_POINT.password, "--region", busiest.regionCode, "--office", "organisasi", "--name", "Titik Fokus Benchmark"],
    { cwd: REPO_ROOT, env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: databaseUrl, DATA_DIR: dataDir, BASE_URL: "http://127.0.0.1", LOG_LEVEL: "silent" } },
  );
}

/**
 * A server started on a database without score results asks for the first computation of every
 * methodology year within 30 seconds; on a million complaints it takes a while and would land in
 * the middle of the measurement. A deployment does it once, so the benchmark waits for the results
 * of every year, then for every process to be idle. Returns the seconds waited.
 */
async function waitForStartUpWork(databaseUrl: string, pids: number[], maxSeconds: number): Promise<number> {
  const started = performance.now();
  const yearsWithoutScores = async () => {
    const [row] = await queryRows<{ missing: number }>(
      databaseUrl,
      `SELECT (SELECT COUNT(DISTINCT year) FROM "MethodologyVersion") - (SELECT COUNT(DISTINCT year) FROM "ScoreRun" WHERE "isCurrent" = $1) AS missing`,
      [true],
    );
    return Number(row?.missing ?? 0);
  };
  while ((await yearsWithoutScores()) > 0) {
    if (performance.now() - started > maxSeconds * 1000) throw new Error(`the first score computation did not finish within ${maxSeconds} s`);
    await pause(1_000);
  }
  await waitUntilIdle(pids, 60);
  return (performance.now() - started) / 1000;
}

/**
 * Redis for a two-process setup, kept apart from everyone else's keys on the shared server: the
 * application's key prefix is fixed ("penghubung"), so the run takes a logical database that is
 * empty (REDIS_URL …/N) and removes its keys afterwards.
 */
async function isolatedRedis(): Promise<{ url: string; clear(): Promise<void> }> {
  const base = (process.env.REDIS_URL ?? "redis://127.0.0.1:6379").replace(/\/\d*$/, "");
  const probe = new Redis(base, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await probe.connect();
    const databases = Number(((await probe.config("GET", "databases")) as string[])[1] ?? 16);
    const candidates = Array.from({ length: databases - 1 }, (_, i) => databases - 1 - i); // from the last one down, away from db 0
    for (const db of candidates) {
      await probe.select(db);
      if ((await probe.dbsize()) > 0) continue;
      const url = `${base}/${db}`;
      return {
        url,
        clear: async () => {
          const client = new Redis(url, { maxRetriesPerRequest: 1 });
          try {
            let cursor = "0";
            do {
              const [next, keys] = await client.scan(cursor, "MATCH", "penghubung:*", "COUNT", 1000);
              if (keys.length) await client.del(...keys);
              cursor = next;
            } while (cursor !== "0");
          } finally {
            client.disconnect();
          }
        },
      };
    }
    throw new Error(`no empty Redis database on ${base}`);
  } finally {
    probe.disconnect();
  }
}

/** Milliseconds for the tables; NaN (no answer at all within the run) says so. */
const ms = (value: number) => (Number.isNaN(value) ? "no answer" : round(value));

function summaryTable(results: SetupResult[], options: BenchOptions): BenchTable {
  return {
    title: `Summary (${options.connections} connections in all, ${options.durationSeconds} s per scenario × ${options.rounds} round${options.rounds > 1 ? "s, medians" : ""}; ms)`,
    columns: [
      "Setup",
      "intake req/s",
      "intake p99",
      "bare POST req/s",
      "bare POST p99",
      "intake ÷ bare",
      "duplicate check p95",
      "/inbox p95",
      "/scores p95",
      "RSS after load, MiB",
    ],
    rows: results.map((r) => {
      const m = r.measurements;
      const rss = r.memory
        .filter((p) => p.process.startsWith("Penghubung"))
        .map((p) => (p.loaded ? Math.round(p.loaded.rssMib) : "n/a"))
        .join(" + ");
      return [
        r.label,
        round(m.intake.requestsPerSecond),
        ms(m.intake.latencyP99Ms),
        round(m.bareJson.requestsPerSecond),
        ms(m.bareJson.latencyP99Ms),
        round(m.intake.requestsPerSecond / m.bareJson.requestsPerSecond),
        ms(m.duplicates.latencyP95Ms),
        ms(m.inbox.latencyP95Ms),
        ms(m.scores.latencyP95Ms),
        rss,
      ];
    }),
  };
}

function detailTable(result: SetupResult): BenchTable {
  const m = result.measurements;
  const row = (measurement: LoadMeasurement, baseline: LoadMeasurement) => [
    measurement.scenario,
    round(measurement.requestsPerSecond),
    ms(measurement.latencyP50Ms),
    ms(measurement.latencyP95Ms),
    ms(measurement.latencyP99Ms),
    measurement === baseline ? 1 : round(measurement.requestsPerSecond / baseline.requestsPerSecond),
  ];
  return {
    title: `${result.label}: every scenario`,
    columns: ["Scenario", "requests/s", "p50 ms", "p95 ms", "p99 ms", "requests/s ÷ its bare baseline"],
    rows: [row(m.bareJson, m.bareJson), row(m.intake, m.bareJson), row(m.bareGet, m.bareGet), row(m.duplicates, m.bareGet), row(m.inbox, m.bareGet), row(m.scores, m.bareGet)],
  };
}

function memoryTable(results: SetupResult[]): BenchTable {
  const mib = (memory: ProcessMemory | null, pick: (m: ProcessMemory) => number) => (memory ? round(pick(memory)) : "n/a");
  return {
    title: "Memory of each process (MiB): resident set before the load, after it, and its peak",
    columns: ["Setup", "Process", "RSS before", "RSS after", "peak RSS"],
    rows: results.flatMap((r) => r.memory.map((p) => [r.label, p.process, mib(p.idle, (x) => x.rssMib), mib(p.loaded, (x) => x.rssMib), mib(p.loaded, (x) => x.peakRssMib)])),
  };
}

function notes(results: SetupResult[], options: BenchOptions): string[] {
  return [
    ...results.map(
      (r) =>
        `${r.label}: ${r.stored.toLocaleString("en")} complaints stored with their duplicate index (database filled in ${round(r.storeSeconds)} s, once per database; each setup starts from a copy); the load began ${Math.round(r.settleSeconds)} s after the servers answered (first score computation done, processes idle); ` +
        `duplicate-check verdicts of ${Object.values(r.verdicts).reduce((a, b) => a + b, 0)} sample checks (half retellings): ${Object.entries(r.verdicts).map(([k, v]) => `${k} ${v}`).join(", ")}; the focal point's Pemda (${r.focalPoint.regionCode}) holds ${r.focalPoint.complaints.toLocaleString("en")} of them.`,
    ),
    "Each database is filled once by bench/store-complaints.ts (SQLite: better-sqlite3; PostgreSQL: pg, unnest inserts) and bench/store-duplicate-index.ts; each setup runs on a fresh copy of it (file copy; CREATE DATABASE … TEMPLATE), then the real server (`node --import tsx src/server.ts`, NODE_ENV=production).",
    `Load: autocannon in the bench process, ${options.connections} connections in all. With 2 web processes there is no proxy: one autocannon per process port with half the connections each, throughput summed and latencies merged; the baseline is as many bare Express processes, loaded the same way. Everything shares the same 2 cores (servers, worker, database, Redis, load generator), so compare ratios within one run.`,
    "With 2 web processes: REDIS_URL on its own empty Redis logical database (the key prefix is not configurable), BullMQ queues and the rate limits there, one worker process (jobs/worker.ts) running the jobs (duplicate check after intake, email delivery); the web processes run none. With 1: no Redis, jobs in the web process.",
    "Intake: every request a distinct valid complaint with its own Idempotency-Key and a staff bearer token (public submissions are rate-limited per IP). Duplicate check: the same token; half the bodies retell a stored complaint (same reporter, reordered text, date two days off), half are new matters. /inbox as a focal point of the busiest Pemda, /scores as the administrator (session cookies).",
    "Any answer but the expected one (201 for intake and the bare POST, 200 otherwise) fails the run.",
  ];
}
