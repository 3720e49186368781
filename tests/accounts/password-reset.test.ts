import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import { db } from "../../src/db.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { linkIn, sentMail, signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

describe("password reset and invitations by email link", () => {
  it("emails a reset link that sets a new password once and signs out old sessions", async () => {
    const user = await buildUser({ name: "Maria Goreti" });
    const oldSession = await signIn(app, user.email, DEFAULT_PASSWORD);
    const before = (await sentMail()).length;

    const browser = new TestBrowser(app);
    const requested = await browser.submit("/password/forgot", "/password/forgot", { email: user.email });
    expect(requested.status).toBe(200);
    expect(requested.text).toContain("Jika alamat itu terdaftar");

    const mails = await sentMail();
    expect(mails.length).toBe(before + 1);
    const mail = mails.at(-1)!;
    expect(mail).toContain(`To: ${user.email}`);
    expect(mail).toContain("Yth. Maria Goreti,");
    const link = linkIn(mail);

    const form = await browser.get(link);
    expect(form.status).toBe(200);
    const saved = await browser.post("/password/reset", { token: new URL(link, "http://x").searchParams.get("token")!, newPassword: "sandi pulih yang panjang", confirmPassword: "sandi pulih yang panjang" });
    expect(saved.status).toBe(303);
    expect((await oldSession.get("/dashboard")).status).toBe(303);
    await signIn(app, user.email, "sandi pulih yang panjang");

    const reused = await browser.get(link);
    expect(reused.status).toBe(400);
    expect(reused.text).toContain("Tautan ini tidak berlaku lagi");
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const before = (await sentMail()).length;
    const browser = new TestBrowser(app);
    const response = await browser.submit("/password/forgot", "/password/forgot", { email: "tidak.ada@penghubung.test" });
    expect(response.status).toBe(200);
    expect(response.text).toContain("Jika alamat itu terdaftar");
    expect((await sentMail()).length).toBe(before);
  });

  it("invites a new staff member by email to choose their own password", async () => {
    const admin = await buildUser({ role: "admin" });
    const adminBrowser = await signIn(app, admin.email, DEFAULT_PASSWORD);
    const created = await adminBrowser.submit("/admin/users/new", "/admin/users", {
      name: "Yohanis Fanggidae", email: "yohanis@kupangkab.go.id", role: "focal_point", regionCode: "53.01", office: "inspektorat", locale: "id", password: "",
    });
    expect(created.status).toBe(303);
    const invited = await db.user.findUniqueOrThrow({ where: { email: "yohanis@kupangkab.go.id" }, include: { region: true } });
    expect(invited.passwordHash).toBeNull();
    expect(invited.region?.name).toBe("Kabupaten Kupang");
    expect(invited.office).toBe("inspektorat");

    const mail = (await sentMail()).find((m) => m.includes("To: yohanis@kupangkab.go.id"))!;
    expect(mail).toContain("Subject: Undangan ke Penghubung");
    const browser = new TestBrowser(app);
    const form = await browser.get(linkIn(mail));
    expect(form.text).toContain("buat kata sandi Anda");
    const token = new URL(linkIn(mail), "http://x").searchParams.get("token")!;
    expect((await browser.post("/password/reset", { token, newPassword: "sandi pertama saya", confirmPassword: "sandi pertama saya" })).status).toBe(303);
    const focal = await signIn(app, "yohanis@kupangkab.go.id", "sandi pertama saya");
    expect((await focal.get("/dashboard")).text).toContain("Kabupaten Kupang");
  });

  it("explains what is wrong when a focal point is created without a Pemda or office", async () => {
    const admin = await buildUser({ role: "admin" });
    const browser = await signIn(app, admin.email, DEFAULT_PASSWORD);
    const response = await browser.submit("/admin/users/new", "/admin/users", { name: "Tanpa Pemda", email: "tanpa@penghubung.test", role: "focal_point", regionCode: "", office: "" });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Pejabat penghubung harus terikat pada satu Pemda.");
    expect(response.text).toContain("Pilih kantor pejabat penghubung");
    expect(response.text).toContain('value="tanpa@penghubung.test"');
  });
});
