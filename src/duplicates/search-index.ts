import { config } from "../config.js";
import type { Tx } from "../db.js";
import { postgresqlSearchIndex } from "./search-index-postgresql.js";
import { sqliteSearchIndex } from "./search-index-sqlite.js";

/** A complaint's row in the search index: its tokens (see indexTokens). */
export interface SearchRow {
  complaintId: number;
  tokens: string[];
}

/** What candidate retrieval looks for: one Pemda and incident-date window, through three indexes. */
export interface RetrievalQuery {
  regionId: number;
  /** Civil dates "YYYY-MM-DD" bounding the incident date, inclusive. */
  from: string;
  to: string;
  /** Identity keys (keyed digests) of the reporter. */
  digests: string[];
  identityLimit: number;
  /** Search tokens with their weights, and how many of the heaviest matches to keep. */
  tokens: Array<{ token: string; weight: number }>;
  textLimit: number;
  /** The unit, its own (narrower) window, and how many of the closest incidents to keep. */
  unit: { unitId: number; from: string; to: string; day: string; limit: number } | null;
  excludeId: number | null;
  total: number;
}

/** A stored complaint retrieval proposes: which index found it first (0 identity, 1 text, 2 unit), and its stored profile. */
export interface RetrievedRow {
  complaintId: number;
  via: 0 | 1 | 2;
  profile: string;
  version: number;
}

/**
 * The one place where the duplicate check's SQL differs by database: SQLite keeps the search
 * tokens in an FTS5 table, PostgreSQL in a GIN-indexed text array. Retrieval is one statement
 * (the three index lookups and the profiles they lead to), since each round trip through the
 * database client costs about as much as the lookups themselves.
 */
export interface SearchIndex {
  /** Writes (or rewrites) the search rows of these complaints; `isNew`: they have none yet. */
  replace(tx: Tx, rows: readonly SearchRow[], options?: { isNew?: boolean }): Promise<void>;
  /** The candidates of a check, from committed data: identity matches first, then the heaviest text matches, then the closest incidents at the unit. */
  retrieve(query: RetrievalQuery): Promise<RetrievedRow[]>;
}

export const searchIndex: SearchIndex = config.databaseUrl.startsWith("file:") ? sqliteSearchIndex : postgresqlSearchIndex;
