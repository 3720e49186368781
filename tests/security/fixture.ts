import type { Express } from "express";
import request from "supertest";
import { expect } from "vitest";
import { jobs } from "../../jobs/registry.js";
import { startQueue, stopQueue, waitForIdleQueue } from "../../jobs/queue.js";
import { SYSTEM_ACTOR } from "../../src/audit/record-audit-event.js";
import { db } from "../../src/db.js";
import { appointFocalPoint } from "../../src/registry/appoint-focal-point.js";
import { appointmentSchema } from "../../src/registry/schemas.js";
import { RECOMMENDATION_KEYS } from "../../src/scoring/recommendations.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, type TestBrowser } from "../helpers/app.js";
import { complaintBody } from "../helpers/complaints.js";
import { PDF_MINIMAL, PNG_1PX } from "../fixtures/files.js";

/**
 * Two Pemda with something of everything: Kabupaten Kupang (53.01), whose records the tests try
 * to reach, and Timor Tengah Selatan (53.02), whose Inspektorat focal point is the intruder. Built
 * through the real routes and use cases, so every id is one the application itself handed out.
 */
export const YEAR = 2025;
export const EVIDENCE_KEY = RECOMMENDATION_KEYS[0];
export const KUPANG_SUBJECT = "Blanko KTP Oelamasi habis";

export async function apiToken(app: Express, email: string, password = DEFAULT_PASSWORD) {
  const response = await request(app).post("/api/v1/auth/token").send({ email, password });
  expect(response.status, response.text).toBe(201);
  return response.body.token as string;
}

async function fileComplaint(app: Express, overrides: Record<string, unknown> = {}) {
  const response = await request(app).post("/api/v1/complaints").send(complaintBody(overrides));
  expect(response.status, response.text).toBe(201);
  return response.body as { trackingNumber: string; accessCode: string };
}

export async function act(browser: TestBrowser, trackingNumber: string, action: string, fields: Record<string, string> = {}) {
  await browser.get(`/complaints/${trackingNumber}`);
  const response = await browser.post(`/complaints/${trackingNumber}/actions/${action}`, fields);
  expect(response.status, `${action}: ${response.text.slice(0, 500)}`).toBe(303);
  return response;
}

export async function buildTwoPemda() {
  const app = await startTestApp();
  const users = {
    admin: await buildUser({ role: "admin" }),
    assistant: await buildUser({ role: "assistant" }),
    kupang: await buildUser({ role: "focal_point", regionCode: "53.01", office: "inspektorat" }),
    intruder: await buildUser({ role: "focal_point", regionCode: "53.02", office: "inspektorat" }),
    auditor: await buildUser({ role: "auditor" }),
  };
  const browsers = {
    admin: await signIn(app, users.admin.email, DEFAULT_PASSWORD),
    assistant: await signIn(app, users.assistant.email, DEFAULT_PASSWORD),
    kupang: await signIn(app, users.kupang.email, DEFAULT_PASSWORD),
    intruder: await signIn(app, users.intruder.email, DEFAULT_PASSWORD),
    auditor: await signIn(app, users.auditor.email, DEFAULT_PASSWORD),
  };
  const tokens = { intruder: await apiToken(app, users.intruder.email), kupang: await apiToken(app, users.kupang.email), auditor: await apiToken(app, users.auditor.email) };

  // Kupang's case: routed to its Inspektorat, one letter answered with a document, one still open.
  const kupangCase = await fileComplaint(app, { regionCode: "53.01", subject: KUPANG_SUBJECT, reporter: { name: "Yohanes Bere Kupang", confidentiality: "public" } });
  const tn = kupangCase.trackingNumber;
  await act(browsers.assistant, tn, "start_verification");
  await act(browsers.assistant, tn, "verify");
  await act(browsers.assistant, tn, "route");
  await act(browsers.kupang, tn, "acknowledge");
  await act(browsers.kupang, tn, "forward_to_unit", { reason: "Diteruskan ke Dukcapil" });
  await act(browsers.assistant, tn, "request_clarification", { summary: "Mohon klarifikasi pencetakan KTP." });
  const answeredLetter = await db.coordinationLetter.findFirstOrThrow({ where: { complaint: { trackingNumber: tn } } });
  await browsers.kupang.get(`/letters/${answeredLetter.id}`);
  const answered = await browsers.kupang.postMultipart(`/letters/${answeredLetter.id}/answer`, { body: "Sudah dicetak." }, [["files", PDF_MINIMAL, "berita-acara.pdf"]]);
  expect(answered.status, answered.text.slice(0, 500)).toBe(303);
  await act(browsers.assistant, tn, "request_clarification", { summary: "Mohon klarifikasi kedua." });
  const openLetter = await db.coordinationLetter.findFirstOrThrow({ where: { complaint: { trackingNumber: tn }, answeredAt: null } });
  const attachment = await db.attachment.findFirstOrThrow({ where: { complaint: { trackingNumber: tn } } });

  // The intruder's own case, so that ids can be mixed (own tracking number, Kupang's attachment).
  const ttsCase = await fileComplaint(app, { regionCode: "53.02", unitName: "Dinas Kesehatan", reporter: { name: "Fransiska Nahak TTS", email: "fransiska@contoh.id" } });
  await act(browsers.assistant, ttsCase.trackingNumber, "start_verification");
  await act(browsers.assistant, ttsCase.trackingNumber, "verify");
  await act(browsers.assistant, ttsCase.trackingNumber, "route");

  // Kupang's registry and assessment records.
  const unit = await db.unit.findFirstOrThrow({ where: { region: { code: "53.01" }, isAssessed: true }, orderBy: { id: "asc" } });
  const appointment = await appointFocalPoint(
    "53.01",
    "inspektorat",
    appointmentSchema.parse({ name: "Maria Bria", role: "primary", decreeNumber: "SK 800/01/2025", decreeDate: "2025-01-02", validFrom: "2025-01-02", validUntil: "" }),
    SYSTEM_ACTOR,
  );
  await browsers.kupang.get(`/scores/units/${unit.id}/facts`);
  const fact = await browsers.kupang.post(`/scores/units/${unit.id}/facts/channel`, { kind: "web", name: "Kanal pengaduan Kupang", openedDate: "2024-01-02" });
  expect(fact.status, fact.text.slice(0, 500)).toBe(303);
  const channel = await db.complaintChannel.findFirstOrThrow({ where: { unitId: unit.id } });
  await browsers.kupang.get(`/scores/${YEAR}/regions/53.01/recommendations`);
  const evidence = await browsers.kupang.postMultipart(`/scores/${YEAR}/regions/53.01/recommendations/${EVIDENCE_KEY}`, { isDone: "true", note: "Sistem informasi Kupang" }, [["file", PNG_1PX, "bukti.png"]]);
  expect(evidence.status, evidence.text.slice(0, 500)).toBe(303);
  const kupangTokenRow = await db.apiToken.findFirstOrThrow({ where: { userId: users.kupang.id } });
  const kupangNotices = await db.staffNotification.findMany({ where: { userId: users.kupang.id }, select: { id: true } });
  expect(kupangNotices.length).toBeGreaterThan(0);
  const holiday = await db.holiday.findFirstOrThrow({ where: { date: { startsWith: String(YEAR) } } });
  const rule = await db.routingRule.findFirstOrThrow({ orderBy: { id: "asc" } });
  // The facts and evidence above scheduled a debounced score recomputation up to 30 s ahead; it
  // would change the score tables in the middle of a test that compares them. Drop the timers
  // (the recomputation is not what these tests are about) by restarting the in-process queue.
  await waitForIdleQueue();
  await stopQueue();
  await startQueue({ jobs, runWorkers: true });

  return {
    app,
    users,
    browsers,
    tokens,
    kupang: {
      trackingNumber: tn,
      accessCode: kupangCase.accessCode,
      attachmentId: attachment.id,
      answeredLetterId: answeredLetter.id,
      openLetterId: openLetter.id,
      letterNumber: openLetter.number,
      unitId: unit.id,
      appointmentId: appointment.id,
      channelId: channel.id,
      tokenId: kupangTokenRow.id,
      noticeIds: kupangNotices.map((n) => n.id),
    },
    tts: { trackingNumber: ttsCase.trackingNumber, accessCode: ttsCase.accessCode },
    holidayId: holiday.id,
    ruleId: rule.id,
  };
}

export type TwoPemda = Awaited<ReturnType<typeof buildTwoPemda>>;
