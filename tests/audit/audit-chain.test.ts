import { describe, expect, it } from "vitest";
import { auditHash, canonicalJson } from "../../src/audit/audit-hash.js";
import { recordAuditEvent } from "../../src/audit/record-audit-event.js";
import { verifyAuditChain } from "../../src/audit/verify-audit-chain.js";
import { db, transaction } from "../../src/db.js";

async function record(stream: string, action: string, data: Record<string, unknown> = {}) {
  return transaction((tx) => recordAuditEvent(tx, { stream, actor: { kind: "system" }, action, entityType: "test", entityId: stream, data }));
}

describe("the tamper-evident audit trail", () => {
  it("hashes content independently of key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    const base = { stream: "s", seq: 1, at: new Date("2026-03-02T01:00:00Z"), actorKind: "system", actorUserId: null, action: "a", entityType: "t", entityId: "1", isPublic: false, prevHash: null };
    expect(auditHash({ ...base, data: { x: 1, y: 2 } })).toBe(auditHash({ ...base, data: { y: 2, x: 1 } }));
    expect(auditHash({ ...base, data: { x: 1 } })).not.toBe(auditHash({ ...base, data: { x: 2 } }));
  });

  it("chains entries of a stream and verifies them", async () => {
    const first = await record("case:1", "created", { subject: "KTP belum jadi" });
    const second = await record("case:1", "routed", { to: "53.01" });
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect((await verifyAuditChain({ stream: "case:1" })).isIntact).toBe(true);
  });

  it("detects an entry changed after the fact, and a removed entry", async () => {
    await record("case:2", "created", { subject: "Pungutan liar" });
    const middle = await record("case:2", "decided", { outcome: "founded" });
    await record("case:2", "closed");
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "data" = '{"outcome":"unfounded"}' WHERE "id" = ${middle.id}`);
    const changed = await verifyAuditChain({ stream: "case:2" });
    expect(changed.isIntact).toBe(false);
    expect(changed.problems).toEqual([expect.objectContaining({ seq: 2, problem: "hash_mismatch" })]);

    await record("case:3", "created");
    const removed = await record("case:3", "routed");
    await record("case:3", "closed");
    await db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = ${removed.id}`);
    const gap = await verifyAuditChain({ stream: "case:3" });
    expect(gap.problems.map((p) => p.problem).sort()).toEqual(["broken_link", "gap"]);
  });

  it("refuses to fork a stream when two writers race for the same position", async () => {
    await record("case:4", "created");
    const results = await Promise.allSettled([record("case:4", "a"), record("case:4", "b")]);
    // Both databases make the two writers take turns, so both succeed in order; the chain stays linear.
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const events = await db.auditEvent.findMany({ where: { stream: "case:4" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await verifyAuditChain({ stream: "case:4" })).isIntact).toBe(true);
  });
});
