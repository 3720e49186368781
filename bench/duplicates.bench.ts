import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../tests/e2e/server-process.js";
import { round, type BenchOptions, type BenchResult } from "./report.js";
import { storeComplaints } from "./store-complaints.js";
import { storeDuplicateIndex } from "./store-duplicate-index.js";

/**
 * The duplicate check's latency as the archive grows: for 10,000, 100,000 and 1,000,000 stored
 * complaints (all indexed: profiles, identity keys, search tokens), the time of one check of a
 * complaint not filed yet, through the same use case as POST /api/v1/duplicates/check (retrieval
 * through the three indexes, scoring, the candidates' tracking numbers), measured in its own
 * process. Half the checked complaints retell a stored one (same reporter, reordered text, date
 * two days off), half are new matters. BENCH_DUPLICATE_SIZES=10000,100000 picks other sizes.
 */
const run = promisify(execFile);
const SECRET = "bench-matching-secret-0123456789abcdef";

export default async function duplicates(options: BenchOptions): Promise<BenchResult> {
  const sizes = process.env.BENCH_DUPLICATE_SIZES ? process.env.BENCH_DUPLICATE_SIZES.split(",").map(Number) : options.isSmoke ? [1_000] : [10_000, 100_000, 1_000_000];
  const rows: (string | number)[][] = [];
  for (const size of sizes) {
    const dataDir = path.join(REPO_ROOT, "bench", ".tmp", `duplicates-${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
    fs.mkdirSync(dataDir, { recursive: true });
    const databaseFile = path.join(dataDir, "penghubung.db");
    const env = { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: `file:${databaseFile}`, DATA_DIR: dataDir, BASE_URL: "http://127.0.0.1", LOG_LEVEL: "silent", MATCHING_SECRET: SECRET, SESSION_SECRET: SECRET };
    try {
      const seedStarted = performance.now();
      await run(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src", "cli.ts"), "seed"], { cwd: REPO_ROOT, env });
      await storeComplaints({ databaseFile, databaseUrl: `file:${databaseFile}`, dataDir }, size, { batchSize: 20_000 });
      storeDuplicateIndex(databaseFile, SECRET);
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      const probe = await run(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "bench", "duplicates-probe.ts")], {
        cwd: REPO_ROOT,
        env: { ...env, PROBE_CHECKS: options.isSmoke ? "20" : "300", PROBE_WARMUP: options.isSmoke ? "5" : "50" },
        maxBuffer: 1 << 20,
      });
      const result = JSON.parse(probe.stdout.trim().split("\n").pop()!) as { checks: number; p50: number; p95: number; max: number; verdicts: Record<string, number> };
      const megabytes = fs.statSync(databaseFile).size / 1024 / 1024;
      rows.push([size.toLocaleString("en"), round(result.p50), round(result.p95), round(result.max), result.checks, `${result.verdicts.duplicate}/${result.verdicts.related}/${result.verdicts.none}`, round(megabytes), round(seedSeconds)]);
    } finally {
      if (!process.env.KEEP_BENCH_FILES) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return {
    title: "Duplicate check latency as the archive grows",
    tables: [{ title: "One check (retrieval + scoring), in process, SQLite", columns: ["Stored complaints", "p50 ms", "p95 ms", "max ms", "Checks", "Verdicts dup/rel/none", "Database MiB", "Seeding s"], rows }],
    notes: [
      "Target: p95 under 25 ms at 1,000,000 stored complaints, and growth from 10k to 1M far below the 100× of a scan.",
      "Retrieval reads only indexes, in one statement: identity keys by (keyHash, Pemda, incident date), search tokens qualified by Pemda and 32-day bucket (FTS5; only tokens some complaint holds, rarest first, within 4,000 postings), and the unit's index by incident date; at most 120 candidates are scored.",
      "Stored complaints come from bench/store-complaints.ts (2 years, 22 Pemda, realistic Indonesian texts), indexed with the application's own profile functions.",
      "Not included: HTTP and authentication (see the other benchmarks), writing the result (the stored check adds one small transaction).",
    ],
  };
}
