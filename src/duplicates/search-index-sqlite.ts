import Database from "better-sqlite3";
import { config } from "../config.js";
import type { Tx } from "../db.js";
import { Prisma } from "../generated/prisma/client.js";
import type { RetrievalQuery, RetrievedRow, SearchIndex, SearchRow } from "./search-index.js";
import { affordableTokens } from "./search-tokens.js";

/** Rows per INSERT: two parameters each, far under SQLite's limit of 32,766. */
const ROWS_PER_STATEMENT = 500;

/**
 * One MATCH per token, added up per complaint: FTS5's own ranking (bm25) reads every posting of
 * every token for its statistics, which costs more than the search; the engine's term weights rank
 * as well for this purpose.
 */
function textHits(query: RetrievalQuery) {
  const parts = query.tokens.map(({ token, weight }) => Prisma.sql`SELECT rowid AS id, ${weight} AS w FROM "ComplaintSearch" WHERE "ComplaintSearch" MATCH ${`"${token}"`}`);
  return Prisma.sql`SELECT id, 1 AS via, -SUM(w) AS rank FROM (${Prisma.join(parts, " UNION ALL ")}) GROUP BY id ORDER BY rank, id DESC LIMIT ${query.textLimit}`;
}

/** The retrieval statement for a query (exported for the tests that read its plan). */
export function retrievalSql(query: RetrievalQuery) {
  const lookups = [];
  if (query.digests.length) {
    lookups.push(Prisma.sql`SELECT * FROM (SELECT "complaintId" AS id, 0 AS via, 0 AS rank FROM "ComplaintIdentityKey"
      WHERE "keyHash" IN (${Prisma.join(query.digests)}) AND "regionId" = ${query.regionId} AND "incidentDate" BETWEEN ${query.from} AND ${query.to} LIMIT ${query.identityLimit})`);
  }
  if (query.tokens.length) lookups.push(Prisma.sql`SELECT * FROM (${textHits(query)})`);
  if (query.unit) {
    lookups.push(Prisma.sql`SELECT * FROM (SELECT "complaintId" AS id, 2 AS via, abs(julianday("incidentDate") - julianday(${query.unit.day})) AS rank FROM "ComplaintMatchProfile"
      WHERE "unitId" = ${query.unit.unitId} AND "incidentDate" BETWEEN ${query.unit.from} AND ${query.unit.to} ORDER BY rank LIMIT ${query.unit.limit})`);
  }
  return Prisma.sql`SELECT p."complaintId", h.via, p.profile, p.version
    FROM (SELECT id, MIN(via) AS via, MIN(rank) AS rank FROM (${Prisma.join(lookups, " UNION ALL ")}) WHERE id <> ${query.excludeId ?? 0} GROUP BY id) h
    JOIN "ComplaintMatchProfile" p ON p."complaintId" = h.id
    ORDER BY h.via, h.rank LIMIT ${query.total}`;
}

/** SQLite: a contentless FTS5 table (rowid = Complaint.id) created by migration duplicate_search_index. */
export const sqliteSearchIndex: SearchIndex = {
  async replace(tx: Tx, rows: readonly SearchRow[], options: { isNew?: boolean } = {}) {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      if (!options.isNew) await tx.$executeRaw`DELETE FROM "ComplaintSearch" WHERE rowid IN (${Prisma.join(chunk.map((row) => row.complaintId))})`;
      const values = chunk.filter((row) => row.tokens.length > 0).map((row) => Prisma.sql`(${row.complaintId}, ${row.tokens.join(" ")})`);
      if (values.length) await tx.$executeRaw`INSERT INTO "ComplaintSearch" (rowid, tokens) VALUES ${Prisma.join(values)}`;
    }
  },

  async retrieve(wanted: RetrievalQuery): Promise<RetrievedRow[]> {
    const query = { ...wanted, tokens: withinBudget(wanted.tokens) };
    if (!query.digests.length && !query.tokens.length && !query.unit) return [];
    const statement = retrievalSql(query);
    const rows = prepared(statement.sql).all(...statement.values) as Array<{ complaintId: number; via: number; profile: string; version: number }>;
    return rows.map((row) => ({ complaintId: row.complaintId, via: row.via as RetrievedRow["via"], profile: row.profile, version: row.version }));
  },
};

/**
 * Retrieval reads through a read-only connection of its own rather than the Prisma client: the
 * client's handling of a result of a hundred 1.5 kB profiles costs twice the query itself (measured
 * at 100,000 complaints: 8 ms against 2.7 ms). It sees what is committed (WAL snapshots), which is
 * what a check needs; nothing here ever writes.
 */
let reader: Database.Database | null = null;
const statements = new Map<string, Database.Statement>();

function prepared(sql: string): Database.Statement {
  if (!reader) {
    reader = new Database(config.databaseUrl.slice("file:".length), { fileMustExist: true, timeout: 5000 });
    // How many complaints hold each token, read from the index itself (fts5vocab); temp: this connection's only.
    reader.exec(`CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, "ComplaintSearch", row)`);
    reader.pragma("query_only = 1");
  }
  let statement = statements.get(sql);
  if (!statement) {
    // The text varies only with the number of tokens and keys: a few dozen shapes in all.
    if (statements.size >= 256) statements.clear();
    statement = reader.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** The query's tokens that some complaint holds, rarest first, within the postings budget (affordableTokens). */
export function withinBudget(tokens: RetrievalQuery["tokens"]): RetrievalQuery["tokens"] {
  if (tokens.length === 0) return [];
  const counts = prepared(tokens.map(() => `SELECT term, doc FROM temp.search_vocabulary WHERE term = ?`).join(" UNION ALL ")).all(...tokens.map((t) => t.token)) as Array<{ term: string; doc: number }>;
  const postings = new Map(counts.map((row) => [row.term, row.doc]));
  return affordableTokens(tokens.map((token) => ({ ...token, postings: postings.get(token.token) ?? 0 }))).map(({ token, weight }) => ({ token, weight }));
}
