/**
 * Runs in its own process against a benchmark database (DATABASE_URL set by duplicates.bench.ts):
 * times the duplicate check of complaints not yet filed, through the same use case as
 * POST /api/v1/duplicates/check, and prints one JSON line of timings.
 */
import Database from "better-sqlite3";
import { checkComplaintInput } from "../src/duplicates/check-complaint-input.js";
import { complaintInputSchema } from "../src/complaints/schemas.js";
import { config } from "../src/config.js";
import { db } from "../src/db.js";
import { readReference, retoldComplaint, sampleComplaint, seededRandom, type StoredComplaintText } from "./store-complaints.js";

const count = Number(process.env.PROBE_CHECKS ?? 200);
const warmup = Number(process.env.PROBE_WARMUP ?? 30);
const databaseFile = config.databaseUrl.slice("file:".length);
const reference = readReference(databaseFile);
const random = seededRandom(777);
const sqlite = new Database(databaseFile, { readonly: true });
const maxId = (sqlite.prepare(`SELECT MAX(id) AS id FROM "Complaint"`).get() as { id: number }).id;
const stored = sqlite.prepare(
  `SELECT r.code AS regionCode, c.unitId, c.unitName, c.subject, c.description, c.incidentDate, p.name, p.phone, p.email
     FROM "Complaint" c JOIN "Region" r ON r.id = c.regionId JOIN "Reporter" p ON p.complaintId = c.id WHERE c.id >= ? ORDER BY c.id LIMIT 1`,
);
/** Half are the same reporter's stored complaint told again (the identity and text indexes hit), half new matters. */
function body(index: number) {
  if (index % 2 === 0) return retoldComplaint(stored.get(1 + Math.floor(random() * maxId)) as StoredComplaintText);
  return sampleComplaint(random, reference, Date.now());
}

const user = { id: 1, email: "bench@penghubung.test", name: "Bench", role: "assistant" as const, regionId: null, office: null, locale: "id" };
const inputs = Array.from({ length: warmup + count }, (_, i) => complaintInputSchema.parse(body(i)));
const timings: number[] = [];
let verdicts = { duplicate: 0, related: 0, none: 0 };
for (const [i, input] of inputs.entries()) {
  const started = performance.now();
  const result = await checkComplaintInput(input, user);
  const elapsed = performance.now() - started;
  if (i >= warmup) {
    timings.push(elapsed);
    verdicts = { ...verdicts, [result.verdict]: verdicts[result.verdict] + 1 };
  }
}
timings.sort((a, b) => a - b);
const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))]!;
console.log(JSON.stringify({ checks: timings.length, p50: at(0.5), p95: at(0.95), max: timings[timings.length - 1], verdicts }));
sqlite.close();
await db.$disconnect();
