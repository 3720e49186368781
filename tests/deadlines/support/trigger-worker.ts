/**
 * A worker process for the deadline-trigger queue, started and killed by
 * tests/deadlines/worker-restart.test.ts. It runs the real job definition with a short lock, so
 * that a job it held when killed is found stalled within seconds rather than the default 30 s.
 *   STALL=before: take a job, say so, and hang before doing any work (killed mid-job).
 *   STALL=after:  take a job, do its work (committed), say so, and hang before acknowledging it.
 *   STALL=none:   a healthy worker after the restart.
 */
import { Worker } from "bullmq";
import { jobs } from "../../../jobs/registry.js";

const definition = jobs["deadline-trigger"];
const stall = process.env.STALL ?? "none";
const hang = () => new Promise(() => undefined);
const url = new URL(process.env.TRIGGER_REDIS_URL!);

const worker = new Worker(
  definition.name,
  async (job) => {
    const payload = definition.payload.parse(job.data);
    if (stall === "before") {
      process.stdout.write(`active ${job.id}\n`);
      await hang();
    }
    const result = await definition.handler(payload, { attempt: job.attemptsMade + 1, jobId: job.id });
    process.stdout.write(`handled ${job.id} ${JSON.stringify(result)}\n`);
    if (stall === "after") await hang();
    return result;
  },
  { prefix: process.env.TRIGGER_PREFIX!, connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null }, lockDuration: 2000, stalledInterval: 1000, maxStalledCount: 3 },
);
worker.on("ready", () => process.stdout.write("ready\n"));
