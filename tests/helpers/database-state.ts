import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { waitForIdleQueue } from "../../jobs/queue.js";
import { config } from "../../src/config.js";
import { db } from "../../src/db.js";
import { Prisma } from "../../src/generated/prisma/client.js";

/**
 * What a refused request must leave untouched: the rows of every table (counted cheaply after
 * each request, compared in full around a whole property) and the files in the upload directory.
 */
type Delegate = { count: () => Promise<number>; findMany: (args?: unknown) => Promise<unknown[]> };

const MODELS = Object.values(Prisma.ModelName).map((name) => name.charAt(0).toLowerCase() + name.slice(1));
const delegate = (model: string) => (db as unknown as Record<string, Delegate>)[model]!;

/** Columns that reading a page or using a token may touch without changing anything a person decided. */
const VOLATILE: Record<string, string[]> = {
  session: ["lastSeenAt", "expiresAt"],
  apiToken: ["lastUsedAt"],
  user: ["lastLoginAt"],
};

/** The tables a request from outside can add to: what is counted after every run of a property. */
const MAIN_TABLES = [
  "complaint", "reporter", "attachment", "pendingUpload", "complaintMessage", "auditEvent", "outboxMessage", "staffNotification",
  "deadline", "coordinationLetter", "duplicateCandidate", "duplicateDecision", "user", "session", "apiToken", "oneTimeToken",
];

/** The number of rows in the main tables (or in `models`), by model name, once the jobs of earlier requests have run. */
export async function rowCounts(models: readonly string[] = MAIN_TABLES): Promise<Record<string, number>> {
  await waitForIdleQueue();
  const counts: Record<string, number> = {};
  for (const model of models) counts[model] = await delegate(model).count();
  return counts;
}

/** Every table's row count. */
export const allRowCounts = () => rowCounts(MODELS);

/** A hash of every row of every table (volatile columns left out), by model name. */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  await waitForIdleQueue();
  const hashes: Record<string, string> = {};
  for (const model of MODELS) {
    const rows = (await delegate(model).findMany()) as Array<Record<string, unknown>>;
    const stable = rows
      .map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !(VOLATILE[model] ?? []).includes(key))))
      .map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)))
      .sort();
    hashes[model] = crypto.createHash("sha256").update(stable.join("\n")).digest("hex");
  }
  return hashes;
}

/** Every file under the upload directory, relative to it (empty when nothing was ever stored). */
export function uploadedFileKeys(): string[] {
  if (!fs.existsSync(config.uploadDir)) return [];
  return (fs.readdirSync(config.uploadDir, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(config.uploadDir, entry)).isFile())
    .map((entry) => entry.split(path.sep).join("/"))
    .sort();
}
