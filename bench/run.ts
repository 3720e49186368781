import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { markdownResult, type BenchOptions, type BenchResult } from "./report.js";

/**
 * `npm run bench [-- NAME... --duration S --warmup S --connections N --rounds N --smoke --json FILE]`
 * runs every bench/*.bench.ts (or those whose name contains one of NAME), one after another, and
 * prints each result as markdown. Defaults keep a full run short; BENCH_DURATION,
 * BENCH_CONNECTIONS and BENCH_ROUNDS set longer runs too.
 */
const USAGE = `Usage: npm run bench -- [NAME...] [--duration S] [--warmup S] [--connections N] [--rounds N] [--smoke] [--json FILE]`;

function parseOptions(): { names: string[]; options: BenchOptions; jsonFile?: string } {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: "string", default: process.env.BENCH_DURATION ?? "5" },
      warmup: { type: "string", default: process.env.BENCH_WARMUP ?? "1" },
      connections: { type: "string", default: process.env.BENCH_CONNECTIONS ?? "10" },
      rounds: { type: "string", default: process.env.BENCH_ROUNDS ?? "1" },
      smoke: { type: "boolean", default: false },
      json: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: string, value: string, min: number) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min) throw new Error(`--${name} must be a number of at least ${min} (got "${value}")\n${USAGE}`);
    return parsed;
  };
  const options: BenchOptions = values.smoke
    ? { durationSeconds: 1, warmupSeconds: 0, connections: 2, rounds: 1, isSmoke: true }
    : {
        durationSeconds: number("duration", values.duration, 1),
        warmupSeconds: number("warmup", values.warmup, 0),
        connections: Math.round(number("connections", values.connections, 1)),
        rounds: Math.round(number("rounds", values.rounds, 1)),
        isSmoke: false,
      };
  return { names: positionals, options, jsonFile: values.json };
}

async function main() {
  const { names, options, jsonFile } = parseOptions();
  const dir = import.meta.dirname;
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".bench.ts"))
    .filter((file) => names.length === 0 || names.some((name) => file.includes(name)))
    .sort();
  if (files.length === 0) throw new Error(`No benchmark matches ${names.join(", ")} in ${dir}`);

  const cpus = os.cpus();
  console.log(
    `# Penghubung benchmarks\n\n${new Date().toISOString()} · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"} · ` +
      `load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}${options.isSmoke ? " · SMOKE RUN: the numbers mean nothing" : ""}\n`,
  );
  const results: (BenchResult & { file: string })[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: (options: BenchOptions) => Promise<BenchResult> };
    if (typeof module.default !== "function") throw new Error(`${file} must export a default async function returning a BenchResult`);
    const started = performance.now();
    const result = await module.default(options);
    results.push({ ...result, file });
    console.log(`${markdownResult(result)}\n\n_${file}: ${((performance.now() - started) / 1000).toFixed(1)} s_\n`);
  }
  if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: cpus.length, options, results }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
