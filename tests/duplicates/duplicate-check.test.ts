import Database from "better-sqlite3";
import pg from "pg";
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../../src/config.js";
import { db } from "../../src/db.js";
import { findCandidates, retrievalQuery } from "../../src/duplicates/find-candidates.js";
import type { MatchingProfile } from "../../src/duplicates/matching-profile.js";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { retrievalSql as postgresqlRetrievalSql } from "../../src/duplicates/search-index-postgresql.js";
import { retrievalSql as sqliteRetrievalSql } from "../../src/duplicates/search-index-sqlite.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { sentMessages, startTestApp, stopTestApp } from "../helpers/app.js";
import { waitForIdleQueue } from "../../jobs/queue.js";
import { inspektoratDuplicate, ombudsmanComplaint, otherMatterOfSameReporter, relatedComplaint } from "./stored-complaints.js";

let app: Express;
let inspektoratToken: string;

async function tokenOf(user: { email: string }) {
  const response = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: DEFAULT_PASSWORD });
  return `Bearer ${response.body.token}`;
}

async function file(body: Record<string, unknown>, authorization?: string) {
  const call = request(app).post("/api/v1/complaints");
  const response = await (authorization ? call.set("Authorization", authorization) : call).send(body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  await waitForIdleQueue();
  return db.complaint.findUniqueOrThrow({ where: { trackingNumber: response.body.trackingNumber }, include: { candidates: { include: { candidate: { select: { trackingNumber: true } } } } } });
}

beforeAll(async () => {
  app = await startTestApp();
  inspektoratToken = await tokenOf(await buildUser({ role: "focal_point", regionCode: "53.01", office: "inspektorat" }));
});
afterAll(stopTestApp);

describe("the duplicate check of every new complaint", () => {
  let ombudsman: Awaited<ReturnType<typeof file>>;

  it("stores a first complaint with nothing found, and indexes it for the next ones", async () => {
    ombudsman = await file(ombudsmanComplaint());
    expect(ombudsman.duplicateVerdict).toBe("none");
    expect(ombudsman.duplicateCheckedAt).not.toBeNull();
    expect(ombudsman.candidates).toEqual([]);
    expect(await db.complaintMatchProfile.count({ where: { complaintId: ombudsman.id } })).toBe(1);
    const keys = await db.complaintIdentityKey.findMany({ where: { complaintId: ombudsman.id } });
    expect(keys.map((k) => k.kind).sort()).toEqual(["email", "name", "nik", "phone"]);
    // Keyed digests only: no identity in clear in the index.
    expect(JSON.stringify(keys)).not.toMatch(/5301011203850001|81234567890|yohanes/i);
  });

  it("finds the same reporter's complaint at the Inspektorat, written otherwise, as a duplicate of the Ombudsman's", async () => {
    const inspektorat = await file(inspektoratDuplicate(), inspektoratToken);
    expect(inspektorat.desk).toBe("inspektorat");
    expect(inspektorat.duplicateVerdict).toBe("duplicate");
    const found = inspektorat.candidates.find((c) => c.candidateId === ombudsman.id)!;
    expect(found.verdict).toBe("duplicate");
    expect(found.score).toBeGreaterThanOrEqual(0.7);
    expect(found.reasons).toEqual(expect.arrayContaining([{ field: "reporter.phone", code: "equal", params: {} }, { field: "unit", code: "same", params: {} }]));
  });

  it("finds another reporter's complaint about the same officer as related, not duplicate", async () => {
    const related = await file(relatedComplaint());
    expect(related.duplicateVerdict).toBe("related");
    expect(related.candidates.find((c) => c.candidateId === ombudsman.id)?.verdict).toBe("related");
  });

  it("calls the same reporter's other matter neither duplicate nor related", async () => {
    const other = await file(otherMatterOfSameReporter());
    expect(other.duplicateVerdict).toBe("none");
    expect(other.candidates).toEqual([]);
  });

  it("never looks at another Pemda's complaints, even the same text from the same reporter", async () => {
    const elsewhere = await file(ombudsmanComplaint({ regionCode: "53.02", unitName: "Dinas Kependudukan dan Pencatatan Sipil" }));
    expect(elsewhere.duplicateVerdict).toBe("none");
  });

  it("tells a reporter who filed again with the same email about their earlier complaint, and nobody else", async () => {
    const again = await file(ombudsmanComplaint({ subject: "KTP elektronik saya belum dicetak, petugas minta Rp 150.000" }));
    expect(again.duplicateVerdict).toBe("duplicate");
    const mail = (await sentMessages()).filter((m) => m.text.includes(ombudsman.trackingNumber) && m.text.includes(again.trackingNumber));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toContain("yohanes.bere@contoh.id");
    expect(mail[0]!.text).toContain(`/track?tn=${ombudsman.trackingNumber}`);
  });

  it("checks a complaint once: a second run of its job changes nothing", async () => {
    const { checkDuplicates } = await import("../../src/duplicates/check-duplicates.js");
    expect(await checkDuplicates(ombudsman.id)).toBeNull();
  });
});

describe("candidate retrieval", () => {
  it("reads through the three indexes in one statement, and never scans a table", async () => {
    await file(ombudsmanComplaint({ regionCode: "53.03" }));
    const probed = await file(inspektoratDuplicate({ regionCode: "53.03" }), await tokenOf(await buildUser({ role: "focal_point", regionCode: "53.03", office: "inspektorat" })));
    const probe = await db.complaintMatchProfile.findUniqueOrThrow({ where: { complaintId: probed.id } });
    expect(probe.unitId).not.toBeNull();
    const profile = JSON.parse(probe.profile) as MatchingProfile;
    const query = retrievalQuery(profile, profile.incidentDay!, { regionId: probe.regionId, excludeId: probe.complaintId });
    const candidates = await findCandidates(profile, { regionId: probe.regionId, excludeId: probe.complaintId });
    expect(candidates.length).toBeGreaterThan(0);
    if (config.databaseUrl.startsWith("file:")) {
      const plan = sqlitePlan(sqliteRetrievalSql(query));
      expect(plan).toMatch(/SEARCH ComplaintIdentityKey USING INDEX ComplaintIdentityKey_keyHash_regionId_incidentDate_idx \(keyHash=\? AND regionId=\? AND incidentDate>\? AND incidentDate<\?\)/);
      expect(plan).toMatch(/SCAN ComplaintSearch VIRTUAL TABLE INDEX \d+:M/);
      expect(plan).toMatch(/SEARCH ComplaintMatchProfile USING COVERING INDEX ComplaintMatchProfile_unitId_incidentDate_idx \(unitId=\? AND incidentDate>\? AND incidentDate<\?\)/);
      expect(plan).toMatch(/SEARCH p USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      // No table is read from end to end: every SCAN is of a subquery's result or an FTS5 posting list.
      for (const step of plan.split("\n").filter((s) => s.startsWith("SCAN"))) expect(step).toMatch(/^SCAN (h|\(subquery-\d+\)|ComplaintSearch VIRTUAL TABLE INDEX \d+:M\d*)$/);
    } else {
      const plan = await postgresqlPlan(postgresqlRetrievalSql(query));
      for (const index of ["ComplaintIdentityKey_keyHash_regionId_incidentDate_idx", "ComplaintSearch_tokens_idx", "ComplaintMatchProfile_unitId_incidentDate_idx"]) expect(plan).toContain(`Bitmap Index Scan on "${index}"`);
      expect(plan).not.toMatch(/Seq Scan|(?<!Bitmap )Index Scan/);
    }
  });
});

/** SQLite's plan of a statement, one step per line. */
function sqlitePlan(statement: Prisma.Sql): string {
  const sqlite = new Database(config.databaseUrl.slice("file:".length), { readonly: true });
  try {
    return (sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.values) as Array<{ detail: string }>).map((row) => row.detail).join("\n");
  } finally {
    sqlite.close();
  }
}

/**
 * PostgreSQL's plan of a captured statement with whole-table reads ruled out (sequential scans, and
 * index scans that walk a whole table in key order): on a test database this small the planner
 * would read the tables whole; this shows that the indexes can answer every part.
 */
async function postgresqlPlan(statement: Prisma.Sql): Promise<string> {
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL enable_seqscan = off");
    await client.query("SET LOCAL enable_indexscan = off");
    const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${statement.text}`, statement.values as unknown[]);
    await client.query("ROLLBACK");
    return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}
