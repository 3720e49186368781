import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import type { Role } from "../../src/accounts/roles.js";
import { SYSTEM_ACTOR } from "../../src/audit/record-audit-event.js";
import { db } from "../../src/db.js";
import { appointFocalPoint } from "../../src/registry/appoint-focal-point.js";
import { appointmentSchema } from "../../src/registry/schemas.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, type TestBrowser } from "../helpers/app.js";

const ROLES = ["admin", "assistant", "focal_point", "auditor"] as const;
let app: Express;
const browsers = {} as Record<Role, TestBrowser>;
let unitId: number;
let appointmentId: number;

beforeAll(async () => {
  app = await startTestApp();
  for (const role of ROLES) browsers[role] = await signIn(app, (await buildUser({ role })).email, DEFAULT_PASSWORD);
  unitId = (await db.unit.findFirstOrThrow({ where: { region: { code: "53.01" }, kind: "DUKCAPIL" } })).id;
  const appointment = await appointFocalPoint(
    "53.01",
    "inspektorat",
    appointmentSchema.parse({ name: "Maria Bria", role: "primary", decreeNumber: "SK 800/01/2025", decreeDate: "2025-01-02", validFrom: "2025-01-02", validUntil: "" }),
    SYSTEM_ACTOR,
  );
  appointmentId = appointment.id;
});
afterAll(stopTestApp);

const readPages = () => ["/admin/regions", "/admin/regions/53.01", "/admin/routing", "/admin/routing?regionCode=53.01&unitKind=DUKCAPIL&category=&topic=service"];
const formPages = () => [
  "/admin/regions/53.01/units/new",
  `/admin/regions/53.01/units/${unitId}/edit`,
  "/admin/regions/53.01/offices/inspektorat/edit",
  "/admin/regions/53.01/offices/organisasi/appointments/new",
  `/admin/regions/53.01/appointments/${appointmentId}/end`,
  "/admin/routing/new",
  "/admin/routing/1/edit",
];
const actions = (): Array<[string, Record<string, string>]> => [
  ["/admin/regions", { code: "53.02" }],
  ["/admin/regions/53.01/active", { isActive: "false" }],
  ["/admin/regions/53.01/units", { name: "Dinas Perhubungan", kind: "OTHER" }],
  [`/admin/regions/53.01/units/${unitId}`, { name: "Dukcapil Kabupaten Kupang", kind: "DUKCAPIL" }],
  [`/admin/regions/53.01/units/${unitId}/active`, { isActive: "false" }],
  [`/admin/regions/53.01/units/${unitId}/delete`, {}],
  ["/admin/regions/53.01/offices/inspektorat", { name: "Inspektorat" }],
  ["/admin/regions/53.01/offices/inspektorat/appointments", { name: "X", role: "deputy", decreeNumber: "SK 1", decreeDate: "2025-01-01", validFrom: "2025-01-01" }],
  [`/admin/regions/53.01/appointments/${appointmentId}/end`, { endedOn: "2025-06-01", reason: "Pindah tugas" }],
  ["/admin/routing", { regionCode: "53.01", unitKind: "DUKCAPIL", targetOffice: "organisasi" }],
  ["/admin/routing/1", { targetOffice: "organisasi" }],
  ["/admin/routing/1/active", { isActive: "false" }],
];

describe("who may see and change the focal-point registry", () => {
  for (const role of ROLES) {
    const canRead = role === "admin" || role === "assistant";
    it(`${canRead ? "lets" : "does not let"} the ${role} read the Pemda, units, offices and routing rules`, async () => {
      for (const page of readPages()) expect([page, (await browsers[role].get(page)).status]).toEqual([page, canRead ? 200 : 403]);
    });

    it(`${role === "admin" ? "lets" : "does not let"} the ${role} open the forms that change them`, async () => {
      for (const page of formPages()) expect([page, (await browsers[role].get(page)).status]).toEqual([page, role === "admin" ? 200 : 403]);
    });
  }

  for (const role of ["assistant", "focal_point", "auditor"] as const) {
    it(`refuses every change the ${role} posts, and records nothing`, async () => {
      const eventsBefore = await db.auditEvent.count();
      await browsers[role].get("/dashboard");
      for (const [action, fields] of actions()) expect([action, (await browsers[role].post(action, fields)).status]).toEqual([action, 403]);
      expect(await db.auditEvent.count()).toBe(eventsBefore);
      expect(await db.region.findUniqueOrThrow({ where: { code: "53.01" } })).toMatchObject({ isActive: true });
      expect(await db.routingRule.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ isActive: true, targetOffice: "inspektorat" });
    });
  }

  it("shows the assistant the registry without any form to change it", async () => {
    const page = await browsers.assistant.get("/admin/regions/53.01");
    expect(page.text).toContain("Maria Bria");
    expect(page.text).toContain("akses hanya baca");
    expect(page.text).not.toMatch(/<form method="post" action="\/admin\//);
    expect((await browsers.assistant.get("/admin/routing")).text).not.toContain('href="/admin/routing/new"');
  });

  it("leads the administrator, and only the administrator, to the registry from the menu's administration page", async () => {
    expect((await browsers.admin.get("/dashboard")).text).toContain('href="/admin"');
    expect((await browsers.admin.get("/admin")).text).toContain('href="/admin/regions"');
    expect((await browsers.focal_point.get("/dashboard")).text).not.toContain('href="/admin"');
  });
});
