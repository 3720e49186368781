/**
 * What a benchmark receives and returns. Each `bench/*.bench.ts` default-exports
 * `(options: BenchOptions) => Promise<BenchResult>`; bench/run.ts prints the result as markdown.
 */
export interface BenchOptions {
  /** Seconds of measured load per scenario and round. */
  durationSeconds: number;
  /** Seconds of unmeasured load before each measurement (JIT, caches, connection pools). */
  warmupSeconds: number;
  /** Concurrent connections of the load generator. */
  connections: number;
  /** Scenarios are run this many times, interleaved; each figure is the median over rounds. */
  rounds: number;
  /** A quick run that only proves the benchmark still works (CI); its numbers mean little. */
  isSmoke: boolean;
}

export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface BenchResult {
  title: string;
  tables: BenchTable[];
  /** What the reader needs to interpret the numbers (what was measured, what was not). */
  notes?: string[];
}

/** A GitHub-flavoured markdown table; numbers right-aligned. */
export function markdownTable(table: BenchTable): string {
  const isNumeric = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every((row) => typeof row[i] === "number"));
  const cell = (value: string | number | undefined) => String(value ?? "").replace(/\|/g, "\\|");
  const lines = [
    `| ${table.columns.map(cell).join(" | ")} |`,
    `| ${isNumeric.map((numeric) => (numeric ? "---:" : "---")).join(" | ")} |`,
    ...table.rows.map((row) => `| ${table.columns.map((_, i) => cell(row[i])).join(" | ")} |`),
  ];
  return lines.join("\n");
}

export function markdownResult(result: BenchResult): string {
  const parts = [`## ${result.title}`];
  for (const table of result.tables) parts.push(`### ${table.title}`, markdownTable(table));
  if (result.notes?.length) parts.push(result.notes.map((note) => `- ${note}`).join("\n"));
  return parts.join("\n\n");
}

/** Rounds for display: 3 significant digits below 100, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}
