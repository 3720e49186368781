import fs from "node:fs";
import path from "node:path";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { projectRoot } from "../../src/paths.js";
import { buildUser, DEFAULT_PASSWORD, type UserOverrides } from "../factories.js";
import { signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

const fixture = (name: string) => fs.readFileSync(path.join(projectRoot, "tests", "fixtures", "registers", name));

async function browserOf(overrides: UserOverrides) {
  const user = await buildUser(overrides);
  return signIn(app, user.email, DEFAULT_PASSWORD);
}

/** Uploads a register through the form, as a person does after opening the import page. */
async function upload(browser: TestBrowser, file: Buffer, fileName: string, fields: Record<string, string> = {}) {
  await browser.get("/staff/complaints/import");
  return browser.postMultipart("/staff/complaints/import", fields, [["file", file, fileName]]);
}

const count = (html: string, id: string) => Number(new RegExp(`id="count-${id}">(\\d+)<`).exec(html)?.[1]);
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#34;|&quot;/g, '"').replace(/\s+/g, " ");

describe("the register import page", () => {
  it("shows the Inspektorat's focal point the form, the template link and every column explained", async () => {
    const browser = await browserOf({ role: "focal_point", regionCode: "53.01" });
    const page = await browser.get("/staff/complaints/import");
    expect(page.status).toBe(200);
    expect(page.text).toContain('action="/staff/complaints/import?_csrf=');
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toContain('href="/staff/complaints/import/template.csv"');
    expect(page.text).toContain('<a href="/staff/complaints/import" aria-current="page">Impor register</a>');
    expect(text(page.text)).toContain("Register Inspektorat Kabupaten Kupang (53.01)");
    for (const column of ["nomor_register", "tanggal_diterima", "kerahasiaan", "pengaduan_sebelumnya_kepada"]) expect(page.text).toContain(`<code>${column}</code>`);
    expect(text(page.text)).toContain("Kosong berarti rahasia");
  });

  it("imports an upload and reports the rows imported, already present and refused with their lines and reasons", async () => {
    const browser = await browserOf({ role: "focal_point", regionCode: "53.01" });
    const first = await upload(browser, fixture("kupang-mixed.csv"), "register-juni.csv");
    expect(first.status).toBe(200);
    expect([count(first.text, "rows"), count(first.text, "imported"), count(first.text, "present"), count(first.text, "refused")]).toEqual([9, 4, 0, 5]);
    const report = text(first.text);
    expect(report).toContain("Berkas: register-juni.csv");
    expect(report).toMatch(/4 INSP-KPG\/2025\/003 kolom nik: NIK terdiri dari 16 angka\./);
    expect(report).toMatch(/5 — kolom nomor_register: Wajib diisi\./);
    expect(report).toMatch(/7 INSP-TTS\/2025\/001 kolom kode_wilayah: Baris ini untuk Pemda 53\.02, bukan Pemda register ini \(53\.01\)\./);
    expect(report).toMatch(/8 INSP-KPG\/2025\/001 kolom nomor_register: Nomor register INSP-KPG\/2025\/001 sudah ada di baris 2 berkas ini\./);
    expect(await db.complaint.count({ where: { externalRef: { startsWith: "INSP-KPG/" } } })).toBe(4);

    const again = await upload(browser, fixture("kupang-mixed.csv"), "register-juni.csv");
    expect([count(again.text, "imported"), count(again.text, "present"), count(again.text, "refused")]).toEqual([0, 4, 5]);
    expect(await db.complaint.count({ where: { externalRef: { startsWith: "INSP-KPG/" } } })).toBe(4);
  });

  it("gives the reasons in the staff member's language", async () => {
    const browser = await browserOf({ role: "focal_point", regionCode: "53.01", locale: "en" });
    const response = await upload(browser, fixture("kupang-mixed.csv"), "register.csv");
    expect(text(response.text)).toContain("column nik: A NIK has 16 digits.");
  });

  it("refuses another Pemda's rows for a focal point, naming both Pemda", async () => {
    const browser = await browserOf({ role: "focal_point", regionCode: "53.02" });
    const response = await upload(browser, fixture("semicolon-bom.csv"), "itda.csv");
    expect([count(response.text, "imported"), count(response.text, "refused")]).toEqual([0, 2]);
    expect(text(response.text)).toContain("Baris ini untuk Pemda 53.01, bukan Pemda register ini (53.02).");
  });

  it("lets an administrator choose the register's Pemda", async () => {
    const browser = await browserOf({ role: "admin" });
    const page = await browser.get("/staff/complaints/import");
    expect(page.text).toContain('<option value="53.05"');
    const file = Buffer.from("nomor_register;tanggal_diterima;unit_layanan;nama_pelapor;telepon;judul;uraian;tanggal_kejadian\nADM-1;01/07/2025;Dinas Sosial;Paulus Tefa;081234567893;Bantuan dipotong;Bantuan sosial dipotong petugas tanpa penjelasan.;01/06/2025\n");
    const response = await upload(browser, file, "sumba.csv", { regionCode: "53.05" });
    expect(count(response.text, "imported")).toBe(1);
    expect(await db.complaint.findFirst({ where: { externalRef: "ADM-1" }, select: { region: { select: { code: true } } } })).toEqual({ region: { code: "53.05" } });
  });

  it("sends the form back with the problem when no file is chosen or the file lacks required columns", async () => {
    const browser = await browserOf({ role: "focal_point", regionCode: "53.01" });
    await browser.get("/staff/complaints/import");
    const empty = await browser.postMultipart("/staff/complaints/import", {});
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('id="f-file-error"');
    expect(text(empty.text)).toContain("Pilih berkas CSV.");

    const wrong = await upload(browser, Buffer.from("nomor,judul\n1,Judul\n"), "salah.csv");
    expect(wrong.status).toBe(422);
    expect(text(wrong.text)).toContain("Kolom wajib tidak ada: nomor_register, tanggal_diterima, unit_layanan, nama_pelapor, uraian, tanggal_kejadian, telepon/email.");
  });

  it("offers a template whose example row imports as it is", async () => {
    const browser = await browserOf({ role: "focal_point", regionCode: "53.04" });
    const response = await browser.agent.get("/staff/complaints/import/template.csv").buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="?register-pengaduan-inspektorat\.csv"?$/);
    const csv = (response.body as Buffer).toString("utf8");
    expect(csv.startsWith("\uFEFFnomor_register;tanggal_diterima;kode_wilayah;unit_layanan;")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]!.split(";")[2]).toBe("53.04");

    const imported = await upload(browser, response.body as Buffer, "template.csv");
    expect([count(imported.text, "imported"), count(imported.text, "refused")]).toEqual([1, 0]);
  });

  it("is only for administrators and the Inspektorat's focal points", async () => {
    for (const overrides of [{ role: "assistant" }, { role: "auditor" }, { role: "focal_point", office: "organisasi" }] as UserOverrides[]) {
      const browser = await browserOf(overrides);
      expect((await browser.get("/dashboard")).text).not.toContain('href="/staff/complaints/import"');
      expect((await browser.get("/staff/complaints/import")).status).toBe(403);
      expect((await browser.get("/staff/complaints/import/template.csv")).status).toBe(403);
      await browser.get("/account");
      const post = await browser.postMultipart("/staff/complaints/import", {}, [["file", fixture("semicolon-bom.csv"), "x.csv"]]);
      expect(post.status).toBe(403);
    }
    expect(await db.complaint.count({ where: { externalRef: "053/ITDA/VI/2025" } })).toBe(0);
    const anonymous = await new TestBrowser(app).get("/staff/complaints/import");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe("/login?next=%2Fstaff%2Fcomplaints%2Fimport");
  });
});
