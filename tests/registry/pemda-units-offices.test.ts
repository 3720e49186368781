import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import { readReferenceData } from "../../src/regions/seed-reference-data.js";
import { listRegions } from "../../src/regions/list-regions.js";
import { db } from "../../src/db.js";
import { addCalendarDays, civilDateOf } from "../../src/deadlines/civil-date.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, type TestBrowser } from "../helpers/app.js";

let app: Express;
let admin: TestBrowser;
let adminId: number;
const today = civilDateOf(new Date());

beforeAll(async () => {
  app = await startTestApp();
  const user = await buildUser({ role: "admin" });
  adminId = user.id;
  admin = await signIn(app, user.email, DEFAULT_PASSWORD);
});
afterAll(stopTestApp);

const eventsOf = (stream: string) => db.auditEvent.findMany({ where: { stream }, orderBy: { seq: "asc" } });
const lastEvent = async (stream: string) => (await eventsOf(stream)).at(-1)!;
const unitNamed = (code: string, name: string) => db.unit.findFirst({ where: { region: { code }, name } });

describe("Pemda", () => {
  it("lists all 23 Pemda of NTT with their units and whether each office has a valid appointment", async () => {
    const page = await admin.get("/admin/regions");
    expect(page.status).toBe(200);
    expect((page.text.match(/<td>53(\.\d\d)?<\/td>/g) ?? []).length).toBe(23);
    expect(page.text).toContain("Kabupaten Sumba Barat Daya");
    expect(page.text).toContain("Tidak ada yang berlaku");
  });

  it("adds a kabupaten of a registered province from the Kemendagri list, with its standard units and two offices", async () => {
    const ntb = await db.region.create({ data: { code: "52", name: "Provinsi Nusa Tenggara Barat", kind: "province" } });
    const form = await admin.get("/admin/regions");
    expect(form.text).toContain('value="52.01"');
    expect(form.text).not.toContain('value="53.01"');
    const response = await admin.post("/admin/regions", { code: "52.01" });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/admin/regions/52.01?notice=region_added");
    const region = await db.region.findUniqueOrThrow({ where: { code: "52.01" }, include: { units: true, offices: true } });
    expect(region).toMatchObject({ kind: "regency", parentId: ntb.id, isActive: true });
    expect(region.name).toMatch(/^Kabupaten /);
    expect(region.units.map((u) => u.name).sort()).toEqual(readReferenceData().units.map((u) => u.name).sort());
    expect(region.units.filter((u) => u.isInspektorat).map((u) => u.name)).toEqual(["Inspektorat Daerah"]);
    expect(region.offices.map((o) => [o.kind, o.name]).sort()).toEqual([
      ["inspektorat", `Inspektorat Daerah ${region.name}`],
      ["organisasi", `Bagian Organisasi Sekretariat Daerah ${region.name}`],
    ]);
    expect(await lastEvent("region:52.01")).toMatchObject({ action: "region.added", actorUserId: adminId });
    expect((await admin.get("/admin/regions/52.01?notice=region_added")).text).toContain("Pemda ditambahkan");
  });

  it("refuses a code that is already a Pemda, unknown, or of a province that is not registered", async () => {
    for (const [code, message] of [
      ["53.01", "sudah terdaftar"],
      ["53.99", "tidak ada dalam data wilayah"],
      ["51.01", "Provinsi 51 belum terdaftar"],
      ["5301", "ditulis seperti 53.01"],
    ] as const) {
      const response = await admin.post("/admin/regions", { code });
      expect([code, response.status]).toEqual([code, 422]);
      expect(response.text).toContain(message);
    }
  });

  it("deactivates a Pemda so nobody can choose it any more, keeps its data, and reactivates it", async () => {
    expect((await admin.post("/admin/regions/53.21/active", { isActive: "false" })).status).toBe(303);
    expect((await listRegions()).map((r) => r.code)).not.toContain("53.21");
    expect(await db.unit.count({ where: { region: { code: "53.21" } } })).toBeGreaterThan(0);
    expect((await admin.get("/admin/regions")).text).toMatch(/<tr class="inactive">\s*<td>53\.21<\/td>/);
    await admin.post("/admin/regions/53.21/active", { isActive: "true" });
    expect((await listRegions()).map((r) => r.code)).toContain("53.21");
    expect((await eventsOf("region:53.21")).map((e) => e.action)).toEqual(["region.deactivated", "region.activated"]);
  });

  it("answers 404 for a Pemda that does not exist", async () => {
    expect((await admin.get("/admin/regions/53.98")).status).toBe(404);
  });
});

describe("units", () => {
  it("adds a unit with its aliases cleaned up, assessed and not the Inspektorat", async () => {
    await admin.get("/admin/regions/53.02/units/new");
    const response = await admin.post("/admin/regions/53.02/units", { name: "  UPT Puskesmas Oesao ", kind: "PUSKESMAS", aliases: "Puskesmas Oesao |  | PKM Oesao| Puskesmas Oesao", isAssessed: "true" });
    expect(response.status).toBe(303);
    const unit = await unitNamed("53.02", "UPT Puskesmas Oesao");
    expect(unit).toMatchObject({ kind: "PUSKESMAS", aliases: "Puskesmas Oesao|PKM Oesao", isAssessed: true, isInspektorat: false, isActive: true });
    expect(await lastEvent("region:53.02")).toMatchObject({ action: "unit.added", entityType: "unit", entityId: String(unit!.id) });
    const page = await admin.get("/admin/regions/53.02");
    expect(page.text).toContain("UPT Puskesmas Oesao");
    expect(page.text).toContain("Puskesmas Oesao · PKM Oesao");
  });

  it("keeps what was typed and explains the problem when the name is taken or the kind unknown", async () => {
    const response = await admin.post("/admin/regions/53.02/units", { name: "Dinas Kesehatan", kind: "ROCKET", aliases: "Dinkes lama" });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Pilih salah satu pilihan yang tersedia.");
    expect(response.text).toContain('value="Dinkes lama"');
    const taken = await admin.post("/admin/regions/53.02/units", { name: "Dinas Kesehatan", kind: "KESEHATAN" });
    expect(taken.status).toBe(422);
    expect(taken.text).toContain("sudah punya unit dengan nama itu");
  });

  it("renames a unit, changes its flags, and records exactly what changed", async () => {
    const unit = (await unitNamed("53.02", "Dinas Sosial"))!;
    const form = await admin.get(`/admin/regions/53.02/units/${unit.id}/edit`);
    expect(form.text).toContain('value="Dinsos"');
    const response = await admin.post(`/admin/regions/53.02/units/${unit.id}`, { name: "Dinas Sosial dan Pemberdayaan", kind: "SOSIAL", aliases: "Dinsos", isInspektorat: "" });
    expect(response.status).toBe(303);
    expect(await db.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ name: "Dinas Sosial dan Pemberdayaan", isAssessed: false });
    expect((await lastEvent("region:53.02")).data).toEqual({ changes: { name: ["Dinas Sosial", "Dinas Sosial dan Pemberdayaan"], isAssessed: [true, false] } });
  });

  it("does not edit a unit through another Pemda's address", async () => {
    const unit = (await unitNamed("53.02", "Dinas Pendidikan"))!;
    expect((await admin.post(`/admin/regions/53.03/units/${unit.id}`, { name: "Dinas X", kind: "PENDIDIKAN" })).status).toBe(404);
    expect((await admin.get(`/admin/regions/53.03/units/${unit.id}/edit`)).status).toBe(404);
  });

  it("deactivates and reactivates a unit, which then leaves and rejoins the lists people choose from", async () => {
    const unit = (await unitNamed("53.02", "Dinas Pendidikan"))!;
    await admin.post(`/admin/regions/53.02/units/${unit.id}/active`, { isActive: "false" });
    const units = async () => (await (await import("../../src/regions/list-regions.js")).findRegionByCode("53.02"))!.units.map((u) => u.id);
    expect(await units()).not.toContain(unit.id);
    await admin.post(`/admin/regions/53.02/units/${unit.id}/active`, { isActive: "true" });
    expect(await units()).toContain(unit.id);
    expect((await eventsOf("region:53.02")).slice(-2).map((e) => e.action)).toEqual(["unit.deactivated", "unit.activated"]);
  });

  it("deletes a unit no complaint names, and never one that a complaint names", async () => {
    const region = await db.region.findUniqueOrThrow({ where: { code: "53.02" } });
    const spare = (await unitNamed("53.02", "UPT Puskesmas Oesao"))!;
    const named = (await unitNamed("53.02", "Dinas Kependudukan dan Pencatatan Sipil"))!;
    await db.complaint.create({
      data: { trackingNumber: "PGH-TEST-UNIT", desk: "ombudsman", channel: "walk_in", receivedAt: new Date(), regionId: region.id, unitId: named.id, subject: "KTP", description: "KTP belum jadi", incidentDate: today },
    });
    expect((await admin.get("/admin/regions/53.02")).text).not.toContain(`/units/${named.id}/delete`);
    const refused = await admin.post(`/admin/regions/53.02/units/${named.id}/delete`, {});
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("disebut dalam 1 pengaduan");
    expect(await db.unit.findUnique({ where: { id: named.id } })).not.toBeNull();
    expect((await admin.post(`/admin/regions/53.02/units/${spare.id}/delete`, {})).status).toBe(303);
    expect(await db.unit.findUnique({ where: { id: spare.id } })).toBeNull();
    expect(await lastEvent("region:53.02")).toMatchObject({ action: "unit.removed", data: { name: "UPT Puskesmas Oesao", kind: "PUSKESMAS" } });
  });
});

describe("offices", () => {
  it("edits an office's contact and its superior, recording the change on the office's stream", async () => {
    const office = await db.office.findFirstOrThrow({ where: { kind: "inspektorat", region: { code: "53.03" } } });
    const form = await admin.get("/admin/regions/53.03/offices/inspektorat/edit");
    expect(form.text).toContain(`value="${office.name}"`);
    const response = await admin.post("/admin/regions/53.03/offices/inspektorat", {
      name: office.name,
      email: "Inspektorat@Contoh.go.id",
      phone: "0380 123456",
      address: "",
      superiorTitle: "Inspektur",
      superiorName: "Drs. Kanisius Mau",
      superiorEmail: "inspektur@contoh.go.id",
    });
    expect(response.status).toBe(303);
    expect(await db.office.findUniqueOrThrow({ where: { id: office.id } })).toMatchObject({ email: "inspektorat@contoh.go.id", superiorName: "Drs. Kanisius Mau", address: null });
    expect(await lastEvent(`office:${office.id}`)).toMatchObject({ action: "office.updated", data: { changes: { email: [null, "inspektorat@contoh.go.id"], phone: [null, "0380 123456"], superiorName: [null, "Drs. Kanisius Mau"], superiorEmail: [null, "inspektur@contoh.go.id"] } } });
    expect((await admin.get("/admin/regions/53.03")).text).toContain("Inspektur: Drs. Kanisius Mau");
  });

  it("refuses a malformed email and an empty name", async () => {
    const response = await admin.post("/admin/regions/53.03/offices/organisasi", { name: "", superiorEmail: "sekda at contoh" });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Masukkan alamat email yang benar");
    expect(response.text).toContain("Wajib diisi.");
  });
});

describe("appointments", () => {
  const sk = (overrides: Record<string, string> = {}) => ({
    name: "Yustina Nahak",
    position: "Auditor Ahli Muda",
    nip: "19800101 200501 2 001",
    email: "yustina@contoh.go.id",
    phone: "081234567890",
    role: "primary",
    decreeNumber: "SK 700/12/ITDA/2025",
    decreeDate: "2025-01-02",
    validFrom: "2025-01-06",
    validUntil: addCalendarDays(today, 10),
    userId: "",
    ...overrides,
  });

  it("records an officer appointed by decree, linked to their focal-point account, and shows the decree about to end", async () => {
    const account = await buildUser({ role: "focal_point", regionCode: "53.04", office: "inspektorat", name: "Yustina Nahak" });
    const form = await admin.get("/admin/regions/53.04/offices/inspektorat/appointments/new");
    expect(form.text).toContain(`value="${account.id}"`);
    const response = await admin.post("/admin/regions/53.04/offices/inspektorat/appointments", sk({ userId: String(account.id) }));
    expect(response.status).toBe(303);
    const appointment = await db.focalPointAppointment.findFirstOrThrow({ where: { office: { kind: "inspektorat", region: { code: "53.04" } } }, include: { office: true } });
    expect(appointment).toMatchObject({ userId: account.id, nip: "198001012005012001", role: "primary", validUntil: addCalendarDays(today, 10), endedAt: null });
    expect(await lastEvent(`office:${appointment.officeId}`)).toMatchObject({ action: "appointment.created", entityType: "appointment", entityId: String(appointment.id) });
    const page = await admin.get("/admin/regions/53.04");
    expect(page.text).toContain("SK 700/12/ITDA/2025");
    expect(page.text).toContain("10 hari lagi");
    expect(page.text).toContain("Belum ada wakil yang berlaku.");
  });

  it("refuses an account of another office, a malformed NIP, and a term that ends before it starts", async () => {
    const other = await buildUser({ role: "focal_point", regionCode: "53.04", office: "organisasi" });
    const wrongAccount = await admin.post("/admin/regions/53.04/offices/inspektorat/appointments", sk({ userId: String(other.id) }));
    expect(wrongAccount.status).toBe(422);
    expect(wrongAccount.text).toContain("bukan akun pejabat penghubung kantor ini");
    const wrongFields = await admin.post("/admin/regions/53.04/offices/inspektorat/appointments", sk({ nip: "1980", decreeDate: "2025-02-30" }));
    expect(wrongFields.status).toBe(422);
    expect(wrongFields.text).toContain("NIP terdiri atas 18 angka.");
    expect(wrongFields.text).toContain("Masukkan tanggal yang benar");
    const backwards = await admin.post("/admin/regions/53.04/offices/inspektorat/appointments", sk({ validFrom: "2025-03-01", validUntil: "2025-02-28" }));
    expect(backwards.status).toBe(422);
    expect(backwards.text).toContain("Tanggal akhir tidak boleh sebelum tanggal mulai berlaku.");
    expect(await db.focalPointAppointment.count({ where: { office: { region: { code: "53.04" } } } })).toBe(1);
  });

  it("ends an appointment early with a reason, then lists it among past appointments with that reason", async () => {
    const appointment = await db.focalPointAppointment.findFirstOrThrow({ where: { office: { kind: "inspektorat", region: { code: "53.04" } } } });
    const form = await admin.get(`/admin/regions/53.04/appointments/${appointment.id}/end`);
    expect(form.status).toBe(200);
    const noReason = await admin.post(`/admin/regions/53.04/appointments/${appointment.id}/end`, { endedOn: today, reason: " " });
    expect(noReason.status).toBe(422);
    const tooLate = await admin.post(`/admin/regions/53.04/appointments/${appointment.id}/end`, { endedOn: addCalendarDays(today, 11), reason: "Pensiun" });
    expect(tooLate.status).toBe(422);
    const response = await admin.post(`/admin/regions/53.04/appointments/${appointment.id}/end`, { endedOn: today, reason: "Mutasi ke Dinas Kesehatan" });
    expect(response.status).toBe(303);
    expect((await db.focalPointAppointment.findUniqueOrThrow({ where: { id: appointment.id } })).endedAt).not.toBeNull();
    expect(await lastEvent(`office:${appointment.officeId}`)).toMatchObject({ action: "appointment.ended", data: { reason: "Mutasi ke Dinas Kesehatan", endedOn: today } });
    const page = await admin.get("/admin/regions/53.04");
    expect(page.text).toContain("1 penunjukan sebelumnya");
    expect(page.text).toContain("Diakhiri lebih awal");
    expect(page.text).toContain("Mutasi ke Dinas Kesehatan");
    expect(page.text).toContain("Tidak ada pejabat penghubung yang berlaku untuk kantor ini.");
    const again = await admin.post(`/admin/regions/53.04/appointments/${appointment.id}/end`, { endedOn: today, reason: "Lagi" });
    expect(again.status).toBe(409);
    expect(again.text).toContain("Hanya penunjukan yang berlaku atau belum berlaku yang dapat diakhiri.");
  });
});
