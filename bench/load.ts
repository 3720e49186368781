import autocannon from "autocannon";
import { round, type BenchOptions, type BenchTable } from "./report.js";

/** One kind of request, sent over and over by autocannon. */
export interface Scenario {
  name: string;
  /**
   * Several URLs (the same route on several processes of one deployment): one autocannon per URL at
   * once, the connections shared out evenly; throughput is summed and latencies merged.
   */
  url: string | string[];
  method?: "GET" | "POST" | "PUT" | "DELETE";
  headers?: Record<string, string>;
  body?: string;
  /**
   * Called before every request to give it its own body and extra headers (e.g. a distinct
   * complaint and Idempotency-Key each time); `body` and `headers` are the defaults it extends.
   * Keep it cheap: it runs in the load generator, which shares the machine with the servers.
   */
  nextRequest?: () => { body?: string; headers?: Record<string, string> };
  /** Status codes that count as success; anything else fails the benchmark (a fast 404 measures nothing). */
  expectStatus?: number[];
}

export interface LoadMeasurement {
  scenario: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  requests: number;
}

/**
 * Loads one URL (or several at once, see Scenario.url) for a while with autocannon and returns
 * throughput and latency percentiles.
 * Latencies are taken from each response (sub-millisecond precision), since autocannon's own
 * histogram keeps whole milliseconds, too coarse for a route answering in 0.3 ms.
 */
export async function measureLoad(scenario: Scenario, seconds: number, connections: number, options: { allowNoAnswers?: boolean } = {}): Promise<LoadMeasurement> {
  const urls = [scenario.url].flat();
  const runs = await Promise.all(urls.map((url, i) => loadOne(scenario, url, seconds, Math.floor(connections / urls.length) + (i < connections % urls.length ? 1 : 0))));
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  if (latencies.length === 0) {
    // A server that answered nothing at all within the run: a failure, unless the caller reports it as such (NaN latencies).
    if (!options.allowNoAnswers) throw new Error(`${scenario.name} (${scenario.method ?? "GET"} ${urls.join(", ")}): no answer within ${seconds} s`);
    return { scenario: scenario.name, requestsPerSecond: 0, latencyP50Ms: NaN, latencyP95Ms: NaN, latencyP99Ms: NaN, requests: 0 };
  }
  return {
    scenario: scenario.name,
    requestsPerSecond: runs.reduce((sum, run) => sum + run.latencies.length / run.seconds, 0),
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
    latencyP99Ms: percentile(latencies, 0.99),
    requests: latencies.length,
  };
}

/** One autocannon against one URL: every response's latency, and how long it ran. */
async function loadOne(scenario: Scenario, url: string, seconds: number, connections: number): Promise<{ latencies: number[]; seconds: number }> {
  const expected = new Set(scenario.expectStatus ?? [200]);
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const { nextRequest } = scenario;
  const requests: autocannon.Request[] | undefined = nextRequest && [
    {
      setupRequest: (request) => {
        const next = nextRequest();
        return { ...request, body: next.body ?? request.body, headers: { ...request.headers, ...next.headers } };
      },
    },
  ];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, method: scenario.method ?? "GET", headers: scenario.headers, body: scenario.body, requests, connections: Math.max(1, connections), duration: seconds },
      (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTimeMs) => {
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      latencies.push(responseTimeMs);
    });
  });
  if ([...statuses.keys()].some((status) => !expected.has(status)) || result.errors > 0) {
    const seen = [...statuses].map(([status, count]) => `${status}: ${count}`).join(", ") || "none";
    throw new Error(`${scenario.name} (${scenario.method ?? "GET"} ${url}): unexpected answers (${seen}), ${result.errors} connection errors, ${result.timeouts} timeouts`);
  }
  return { latencies, seconds: result.duration > 0 ? result.duration : seconds };
}

/** The nearest-rank percentile of sorted values (0 < p <= 1). */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Measures a baseline and the scenarios in the same run, interleaved round by round so that a
 * slow spell of the (shared, noisy) machine hits them alike, and reports each one's ratio to the
 * baseline. Ratios measured together are what a benchmark here may claim; absolute numbers vary
 * from machine to machine and minute to minute.
 */
export async function compareWithBaseline(baseline: Scenario, scenarios: Scenario[], options: BenchOptions): Promise<{ table: BenchTable; measurements: LoadMeasurement[] }> {
  const all = [baseline, ...scenarios];
  const rounds = new Map<string, LoadMeasurement[]>(all.map((scenario) => [scenario.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const scenario of all) {
      if (options.warmupSeconds > 0) await measureLoad(scenario, options.warmupSeconds, options.connections);
      rounds.get(scenario.name)!.push(await measureLoad(scenario, options.durationSeconds, options.connections));
    }
  }
  const measurements = all.map((scenario) => {
    const runs = rounds.get(scenario.name)!;
    return {
      scenario: scenario.name,
      requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
      latencyP50Ms: median(runs.map((run) => run.latencyP50Ms)),
      latencyP95Ms: median(runs.map((run) => run.latencyP95Ms)),
      latencyP99Ms: median(runs.map((run) => run.latencyP99Ms)),
      requests: runs.reduce((sum, run) => sum + run.requests, 0),
    };
  });
  const base = measurements[0]!;
  const table: BenchTable = {
    title: `Throughput and latency (${options.connections} connections, ${options.durationSeconds} s × ${options.rounds} round${options.rounds > 1 ? "s, medians" : ""})`,
    columns: ["Scenario", "requests/s", "p50 ms", "p99 ms", "requests/s ÷ baseline"],
    rows: measurements.map((m) => [
      m.scenario,
      round(m.requestsPerSecond),
      round(m.latencyP50Ms),
      round(m.latencyP99Ms),
      round(m.requestsPerSecond / base.requestsPerSecond),
    ]),
  };
  return { table, measurements };
}
