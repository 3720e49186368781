import { compareWithBaseline } from "./load.js";
import { round, type BenchOptions, type BenchResult } from "./report.js";
import { memoryOf, startBareExpress, startPenghubung, type ProcessMemory } from "./servers.js";

/**
 * The cost of the application's whole HTTP stack (security headers, compression, cookies, CSRF,
 * locale, sessions, EJS layout) on its lightest pages, against Express answering a small HTML
 * string in a sibling process. Every request comes without cookies, as a first visit does.
 */
export default async function httpBaseline(options: BenchOptions): Promise<BenchResult> {
  const bare = await startBareExpress();
  const app = await startPenghubung().catch(async (error: unknown) => {
    await bare.stop();
    throw error;
  });
  try {
    const idle = { bare: memoryOf(bare.pid), app: memoryOf(app.pid) };
    const { table } = await compareWithBaseline(
      { name: "bare Express: GET / (small HTML string)", url: `${bare.baseUrl}/` },
      [
        { name: "Penghubung: GET / (home page)", url: `${app.baseUrl}/` },
        { name: "Penghubung: GET /healthz (database ping)", url: `${app.baseUrl}/healthz` },
      ],
      options,
    );
    const loaded = { bare: memoryOf(bare.pid), app: memoryOf(app.pid) };
    const mib = (memory: ProcessMemory | null, pick: (m: ProcessMemory) => number) => (memory ? round(pick(memory)) : "n/a");
    return {
      title: "HTTP baseline: home page and health check against bare Express",
      tables: [
        table,
        {
          title: "Memory of each server process (MiB)",
          columns: ["Process", "RSS after start", "RSS after load", "peak RSS"],
          rows: [
            ["bare Express", mib(idle.bare, (m) => m.rssMib), mib(loaded.bare, (m) => m.rssMib), mib(loaded.bare, (m) => m.peakRssMib)],
            ["Penghubung (web + in-process queue)", mib(idle.app, (m) => m.rssMib), mib(loaded.app, (m) => m.rssMib), mib(loaded.app, (m) => m.peakRssMib)],
          ],
        },
      ],
      notes: [
        "Both servers run as `node --import tsx` child processes; the load generator (autocannon) runs in the bench process, so all three share the machine's cores.",
        "Requests carry no cookies and no Accept-Encoding: each home-page request pays for a new visitor cookie and CSRF token, and no response is compressed.",
        "Penghubung runs with NODE_ENV=production, SQLite, no Redis, LOG_LEVEL=warn (request logs off).",
      ],
    };
  } finally {
    await Promise.all([app.stop(), bare.stop()]);
  }
}
