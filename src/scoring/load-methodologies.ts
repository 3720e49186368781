import { db } from "../db.js";
import { parseMethodology, type Methodology } from "./methodology.js";

export interface StoredMethodology {
  methodology: Methodology;
  fingerprint: string;
  /** file | admin */
  origin: string;
  createdAt: Date;
}

// Stored versions never change, so each is validated once per process, not on every page view.
const parsed = new Map<string, Methodology>();

function revive(row: { id: string; content: string; fingerprint: string; origin: string; createdAt: Date }): StoredMethodology {
  const key = `${row.id}|${row.fingerprint}|${row.content.length}`;
  let methodology = parsed.get(key);
  if (!methodology) {
    // Validated when stored; parsing again restores defaults and types, and would expose tampering.
    methodology = parseMethodology(JSON.parse(row.content));
    parsed.set(key, methodology);
  }
  return { methodology, fingerprint: row.fingerprint, origin: row.origin, createdAt: row.createdAt };
}

/** Every stored methodology version, by year and revision. */
export async function loadMethodologies(): Promise<StoredMethodology[]> {
  const rows = await db.methodologyVersion.findMany({ orderBy: [{ year: "asc" }, { revision: "asc" }] });
  return rows.map(revive);
}

/** The version in force for an assessment year (its highest revision), or null. */
export async function methodologyInForce(year: number): Promise<StoredMethodology | null> {
  const row = await db.methodologyVersion.findFirst({ where: { year }, orderBy: { revision: "desc" } });
  return row ? revive(row) : null;
}

/** One stored version by id ("2024.1"), or null. */
export async function findMethodology(id: string): Promise<StoredMethodology | null> {
  const row = await db.methodologyVersion.findUnique({ where: { id } });
  return row ? revive(row) : null;
}
