import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import { jobs } from "../../jobs/registry.js";
import { SYSTEM_ACTOR } from "../../src/audit/record-audit-event.js";
import { db } from "../../src/db.js";
import { addCalendarDays, civilDateOf, startOfCivilDay } from "../../src/deadlines/civil-date.js";
import { appointFocalPoint } from "../../src/registry/appoint-focal-point.js";
import { appointmentSchema } from "../../src/registry/schemas.js";
import { setPemdaActive } from "../../src/registry/set-pemda-active.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp } from "../helpers/app.js";

let app: Express;
const today = civilDateOf(new Date());
const staff = {} as Record<"admin" | "adminEn" | "assistant" | "focalPoint" | "auditor", { id: number; email: string }>;
const ids = {} as Record<"lapsed" | "replaced" | "successor" | "endedEarly" | "expiring" | "inactivePemda", number>;

function appoint(code: string, office: "inspektorat" | "organisasi", fields: { name: string; role?: string; validFrom: string; validUntil: string | null }) {
  const input = appointmentSchema.parse({ role: "primary", decreeNumber: `SK ${fields.name}`, decreeDate: fields.validFrom, ...fields, validUntil: fields.validUntil ?? "" });
  return appointFocalPoint(code, office, input, SYSTEM_ACTOR).then((a) => a.id);
}
const runJob = () => jobs["check-appointments"].handler({}, { attempt: 1 });
const expiryNotices = () => db.staffNotification.findMany({ where: { kind: "appointment.expired" }, orderBy: { id: "asc" } });

beforeAll(async () => {
  app = await startTestApp();
  staff.admin = await buildUser({ role: "admin" });
  staff.adminEn = await buildUser({ role: "admin", locale: "en" });
  staff.assistant = await buildUser({ role: "assistant" });
  staff.focalPoint = await buildUser({ role: "focal_point", regionCode: "53.05" });
  staff.auditor = await buildUser({ role: "auditor" });
  ids.lapsed = await appoint("53.05", "inspektorat", { name: "Agustinus Lapsed", validFrom: "2023-01-01", validUntil: addCalendarDays(today, -1) });
  ids.replaced = await appoint("53.05", "organisasi", { name: "Bernadus Replaced", validFrom: "2023-01-01", validUntil: addCalendarDays(today, -2) });
  ids.successor = await appoint("53.05", "organisasi", { name: "Carolina Successor", validFrom: addCalendarDays(today, -1), validUntil: null });
  ids.endedEarly = await appoint("53.06", "inspektorat", { name: "Dominikus Ended", validFrom: "2023-01-01", validUntil: addCalendarDays(today, -3) });
  await db.focalPointAppointment.update({ where: { id: ids.endedEarly }, data: { endedAt: startOfCivilDay(addCalendarDays(today, -30)) } });
  ids.expiring = await appoint("53.07", "inspektorat", { name: "Elisabeth Expiring", validFrom: "2024-01-01", validUntil: addCalendarDays(today, 5) });
  ids.inactivePemda = await appoint("53.08", "inspektorat", { name: "Fransiskus Inactive", validFrom: "2023-01-01", validUntil: addCalendarDays(today, -1) });
  await setPemdaActive("53.08", false, SYSTEM_ACTOR);
});
afterAll(stopTestApp);

describe("expired focal-point appointments are flagged to administrators and assistants", () => {
  it("runs as a daily job", () => {
    expect(jobs["check-appointments"].repeatEveryMs).toBe(24 * 3600_000);
  });

  it("notifies each administrator and assistant once per appointment that lapsed without a successor, even when run twice", async () => {
    await runJob();
    const first = await expiryNotices();
    await runJob();
    expect(await expiryNotices()).toEqual(first);
    const recipients = [staff.admin.id, staff.adminEn.id, staff.assistant.id].sort();
    expect(first.map((n) => n.userId).sort()).toEqual(recipients);
    for (const notice of first) {
      expect(notice).toMatchObject({ messageKey: "registry.notice.appointment_expired", link: "/admin/regions/53.05#office-inspektorat", dedupeKey: `appointment-expired:${ids.lapsed}:${notice.userId}` });
      expect(notice.params).toMatchObject({ officer: "Agustinus Lapsed", validUntil: addCalendarDays(today, -1) });
    }
  });

  it("emails each of them once, in their own language, with a link to the office", async () => {
    const mail = await db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `staff-mail:appointment-expired:` } } });
    expect(mail.map((m) => m.recipient).sort()).toEqual([staff.admin.email, staff.adminEn.email, staff.assistant.email].sort());
    const english = mail.find((m) => m.recipient === staff.adminEn.email)!;
    expect(english.subject).toMatch(/^Focal-point decree expired: Inspektorat Daerah /);
    expect(english.textBody).toContain("Agustinus Lapsed");
    expect(english.textBody).toContain("http://penghubung.test/admin/regions/53.05#office-inspektorat");
    expect(mail.find((m) => m.recipient === staff.admin.email)!.subject).toMatch(/^SK pejabat penghubung berakhir: /);
  });

  it("stays quiet about an appointment already replaced, one ended early, one still valid, and a deactivated Pemda's", async () => {
    const flagged = new Set((await expiryNotices()).map((n) => n.dedupeKey.split(":")[1]));
    expect([...flagged]).toEqual([String(ids.lapsed)]);
  });
});

describe("the dashboards of the administrator and the assistant", () => {
  it("list the offices without a valid primary focal point and the appointments ending within 30 days", async () => {
    const offices = await db.office.count({ where: { region: { isActive: true } } });
    for (const user of [staff.admin, staff.assistant]) {
      const page = (await (await signIn(app, user.email, DEFAULT_PASSWORD)).get("/dashboard")).text;
      // Of the active Pemda's offices, 53.05's Organisasi (successor) and 53.07's Inspektorat (expiring) are covered.
      expect(page).toContain(`${offices - 2} dari ${offices} kantor tanpa pejabat penghubung utama yang berlaku`);
      expect(page).toContain("Berakhir dalam 30 hari, belum ada pengganti");
      expect(page).toContain("Elisabeth Expiring");
      expect(page).toContain("5 hari lagi");
      expect(page).not.toContain("Carolina Successor");
    }
  });

  it("are not shown to a focal point", async () => {
    const page = (await (await signIn(app, staff.focalPoint.email, DEFAULT_PASSWORD)).get("/dashboard")).text;
    expect(page).not.toContain("Elisabeth Expiring");
  });
});
