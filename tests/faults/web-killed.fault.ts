import crypto from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { burst, largePdf, staffToken, submitThroughApi, submitThroughWebForm, type Answer } from "./support/intake.js";
import { findHalfWrittenComplaints, unreferencedUploads } from "./support/invariants.js";
import { sleep, startWebServer, stopAll } from "./support/processes.js";

/**
 * The web process is killed (SIGKILL: no shutdown handler, no flush) while JSON submissions and
 * citizens' forms with large evidence files are in flight, then started again on the same
 * database and upload directory. A transaction either committed whole or left nothing: every
 * stored complaint is complete, every answer the server gave is true, and a client that retries
 * with the same Idempotency-Key gets its complaint exactly once.
 */
const API_SUBMISSIONS = 60;
const FORM_SUBMISSIONS = 8;
const FILES_PER_FORM = 3;
const FILE_BYTES = 2_500_000;
/** The kill comes once this many forms have been answered (or nearly every API submission, if forms are slower still). */
const KILL_AFTER_FORMS = 3;
const KILL_AFTER_API = 55;

afterAll(stopAll);

describe("a web process killed in the middle of requests", () => {
  it("leaves no half-written complaint, and retried submissions are filed exactly once", { timeout: 240_000 }, async () => {
    const dataDir = path.join(process.env.DATA_DIR!, "instance");
    const uploadDir = path.join(dataDir, "uploads");
    const first = await startWebServer({ databaseUrl: process.env.DATABASE_URL!, dataDir });
    const token = await staffToken(first.baseUrl, first.admin);
    const control = await submitThroughApi(first.baseUrl, token, { tag: "kill", n: 0 });
    expect(control, control.body).toMatchObject({ status: 201 });
    const deadlineKinds = (await db.deadline.findMany({ where: { complaint: { trackingNumber: control.trackingNumber } }, select: { kind: true } })).map((d) => d.kind);

    const settled = { api: 0, form: 0 };
    const inFlight = { api: 0, form: 0 };
    let inFlightAtKill: typeof inFlight | null = null;
    let killing: Promise<void> | null = null;
    const track = async <T>(kind: "api" | "form", work: () => Promise<T>): Promise<T> => {
      inFlight[kind] += 1;
      try {
        return await work();
      } finally {
        inFlight[kind] -= 1;
        settled[kind] += 1;
        if (!killing && (settled.form >= KILL_AFTER_FORMS || settled.api >= KILL_AFTER_API)) {
          inFlightAtKill = { ...inFlight };
          killing = first.kill();
        }
      }
    };
    const formKeys = Array.from({ length: FORM_SUBMISSIONS }, () => crypto.randomUUID());
    const [apiOutcomes, formOutcomes] = await Promise.all([
      // Paced, so that the forms' large uploads get their share of the server and some finish before the kill.
      burst(API_SUBMISSIONS, 2, async (n) => {
        await sleep(150);
        return track("api", () => submitThroughApi(first.baseUrl, token, { tag: "kill", n: n + 1 }));
      }),
      burst(FORM_SUBMISSIONS, 2, (n) =>
        track("form", () =>
          submitThroughWebForm(first.baseUrl, {
            submissionKey: formKeys[n]!,
            files: Array.from({ length: FILES_PER_FORM }, () => largePdf(FILE_BYTES)),
            fields: { subject: `Bukti pungutan liar nomor ${n}`, unitName: "Dinas Kependudukan dan Pencatatan Sipil" },
          }),
        ),
      ),
    ]);
    await killing;
    expect(first.isAlive()).toBe(false);
    const atKill = inFlightAtKill as typeof inFlight | null;
    expect(atKill, "the kill happened").not.toBeNull();
    expect(atKill!.api + atKill!.form, "requests in flight when the process was killed").toBeGreaterThan(0);
    const unanswered = apiOutcomes.filter((o) => !o.result);
    expect(unanswered.length, "API submissions the kill left without an answer").toBeGreaterThan(0);
    // Whatever was answered before the kill was answered correctly.
    expect(apiOutcomes.filter((o) => o.result && o.result.status !== 201)).toEqual([]);
    expect(formOutcomes.filter((o) => o.result && o.result.status !== 303)).toEqual([]);

    // On SQLite, start-up migrates with the file locked exclusively: no other connection may be open.
    await db.$disconnect();
    const second = await startWebServer({ databaseUrl: process.env.DATABASE_URL!, dataDir });
    const retries = await burst(unanswered.length, 4, (i) => submitThroughApi(second.baseUrl, token, { tag: "kill", n: unanswered[i]!.n + 1 }));
    expect(retries.filter((o) => o.result?.status !== 201 && o.result?.status !== 200), "retries answered 201 (filed now) or 200 (filed before the kill)").toEqual([]);

    // Exactly one complaint per Idempotency-Key, and each one the server confirmed is there.
    const apiComplaints = await db.complaint.findMany({ where: { channel: "api" }, select: { trackingNumber: true, submissionKey: true } });
    expect(apiComplaints).toHaveLength(API_SUBMISSIONS + 1);
    expect(new Set(apiComplaints.map((c) => c.submissionKey)).size).toBe(API_SUBMISSIONS + 1);
    const confirmed = [...apiOutcomes, ...retries].flatMap((o) => (o.result?.trackingNumber ? [o.result.trackingNumber] : []));
    const stored = new Set(apiComplaints.map((c) => c.trackingNumber));
    expect(confirmed.filter((trackingNumber) => !stored.has(trackingNumber))).toEqual([]);

    // A form is filed with all its evidence or not at all; one the server confirmed is filed.
    const webComplaints = await db.complaint.findMany({ where: { channel: "web" }, select: { submissionKey: true, _count: { select: { attachments: true } } } });
    expect(webComplaints.filter((c) => c._count.attachments !== FILES_PER_FORM)).toEqual([]);
    const filedForms = new Set(webComplaints.map((c) => c.submissionKey));
    const confirmedForms = formOutcomes.flatMap((o, n) => ((o.result as Answer | undefined)?.status === 303 ? [formKeys[n]!] : []));
    expect(confirmedForms.filter((key) => !filedForms.has(key))).toEqual([]);

    expect(await findHalfWrittenComplaints({ uploadDir, deadlineKinds })).toEqual([]);
    const strayFiles = await unreferencedUploads(uploadDir);
    if (strayFiles.length) console.log(`Known gap: ${strayFiles.length} stored evidence file(s) written just before the kill have no row referring to them; nothing removes them yet.`);

    // The restarted process serves as before.
    expect((await fetch(`${second.baseUrl}/healthz`)).status).toBe(200);
    expect((await submitThroughApi(second.baseUrl, token, { tag: "kill-after", n: 1 })).status).toBe(201);
    console.log(
      `Killed with ${atKill!.api} API and ${atKill!.form} form request(s) in flight; ${unanswered.length} API submission(s) unanswered and retried, ` +
        `${formOutcomes.filter((o) => !o.result).length} form(s) unanswered, ${webComplaints.length} of ${FORM_SUBMISSIONS} forms filed.`,
    );
  });
});
