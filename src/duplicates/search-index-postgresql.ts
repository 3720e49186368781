import { db, type Tx } from "../db.js";
import { Prisma } from "../generated/prisma/client.js";
import type { RetrievalQuery, RetrievedRow, SearchIndex, SearchRow } from "./search-index.js";

const ROWS_PER_STATEMENT = 500;

/** `&&` (overlap) is what the GIN index answers; the join then adds up the weights of the tokens a complaint holds. */
function textHits(query: RetrievalQuery) {
  const names = query.tokens.map((t) => t.token);
  const weights = query.tokens.map((t) => t.weight);
  return Prisma.sql`SELECT s."complaintId" AS id, 1 AS via, -SUM(q.w)::float8 AS rank
    FROM "ComplaintSearch" s
    JOIN unnest(${names}::text[], ${weights}::float8[]) AS q(token, w) ON q.token = ANY (s.tokens)
    WHERE s.tokens && ${names}::text[]
    GROUP BY s."complaintId" ORDER BY rank, s."complaintId" DESC LIMIT ${query.textLimit}`;
}

/** The retrieval statement for a query (exported for the tests that read its plan). */
export function retrievalSql(query: RetrievalQuery) {
  const lookups = [];
  if (query.digests.length) {
    lookups.push(Prisma.sql`(SELECT "complaintId" AS id, 0 AS via, 0::float8 AS rank FROM "ComplaintIdentityKey"
      WHERE "keyHash" = ANY (${query.digests}::text[]) AND "regionId" = ${query.regionId} AND "incidentDate" BETWEEN ${query.from} AND ${query.to} LIMIT ${query.identityLimit})`);
  }
  if (query.tokens.length) lookups.push(Prisma.sql`(${textHits(query)})`);
  if (query.unit) {
    lookups.push(Prisma.sql`(SELECT "complaintId" AS id, 2 AS via, abs("incidentDate"::date - ${query.unit.day}::date)::float8 AS rank FROM "ComplaintMatchProfile"
      WHERE "unitId" = ${query.unit.unitId} AND "incidentDate" BETWEEN ${query.unit.from} AND ${query.unit.to} ORDER BY rank LIMIT ${query.unit.limit})`);
  }
  return Prisma.sql`SELECT p."complaintId", h.via, p.profile, p.version
    FROM (SELECT id, MIN(via) AS via, MIN(rank) AS rank FROM (${Prisma.join(lookups, " UNION ALL ")}) AS lookups WHERE id <> ${query.excludeId ?? 0} GROUP BY id) h
    JOIN "ComplaintMatchProfile" p ON p."complaintId" = h.id
    ORDER BY h.via, h.rank LIMIT ${query.total}`;
}

/** PostgreSQL: table "ComplaintSearch" (complaintId, tokens text[]) with a GIN index (migration duplicate_search_index). */
export const postgresqlSearchIndex: SearchIndex = {
  async replace(tx: Tx, rows: readonly SearchRow[]) {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const values = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => Prisma.sql`(${row.complaintId}, ${row.tokens}::text[])`);
      if (values.length) {
        await tx.$executeRaw`INSERT INTO "ComplaintSearch" ("complaintId", tokens) VALUES ${Prisma.join(values)}
          ON CONFLICT ("complaintId") DO UPDATE SET tokens = EXCLUDED.tokens`;
      }
    }
  },

  async retrieve(query: RetrievalQuery): Promise<RetrievedRow[]> {
    if (!query.digests.length && !query.tokens.length && !query.unit) return [];
    const rows = await db.$queryRaw<Array<{ complaintId: number; via: number; profile: string; version: number }>>(retrievalSql(query));
    return rows.map((row) => ({ complaintId: Number(row.complaintId), via: Number(row.via) as RetrievedRow["via"], profile: row.profile, version: Number(row.version) }));
  },
};
