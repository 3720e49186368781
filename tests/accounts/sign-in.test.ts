import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import { db } from "../../src/db.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

describe("staff sign-in", () => {
  it("signs a staff member in with email and password and shows their dashboard", async () => {
    const user = await buildUser({ role: "assistant", name: "Yosua Karbeka" });
    const browser = await signIn(app, user.email.toUpperCase(), DEFAULT_PASSWORD);
    const dashboard = await browser.get("/dashboard");
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain("Selamat datang, Yosua Karbeka");
  });

  it("refuses a wrong password with the same message as an unknown address, keeping the email typed", async () => {
    const user = await buildUser();
    const browser = new TestBrowser(app);
    const wrong = await browser.submit("/login", "/login", { email: user.email, password: "salah sekali ini" });
    const unknown = await browser.submit("/login", "/login", { email: "nobody@penghubung.test", password: "salah sekali ini" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain("Email atau kata sandi salah.");
    expect(unknown.text).toContain("Email atau kata sandi salah.");
    expect(wrong.text).toContain(`value="${user.email}"`);
    expect(wrong.text).not.toContain("salah sekali ini");
  });

  it("shows field messages tied to their inputs when the form is incomplete", async () => {
    const browser = new TestBrowser(app);
    const response = await browser.submit("/login", "/login", { email: "bukan-email", password: "" });
    expect(response.status).toBe(422);
    expect(response.text).toMatch(/id="f-email-error"[^>]*>Masukkan alamat email yang benar/);
    expect(response.text).toMatch(/aria-describedby="f-email-error" aria-invalid="true"/);
    expect(response.text).toMatch(/id="f-password-error"[^>]*>Wajib diisi\./);
  });

  it("rate-limits repeated failed sign-ins for one address", async () => {
    const user = await buildUser();
    const browser = new TestBrowser(app);
    await browser.get("/login");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await browser.post("/login", { email: user.email, password: `salah ${i} kali` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const blocked = await browser.post("/login", { email: user.email, password: DEFAULT_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.headers["retry-after"]).toBeDefined();
    expect(blocked.text).toContain("Terlalu banyak percobaan");
  });

  it("refuses a form posted without the CSRF token", async () => {
    const user = await buildUser();
    const browser = new TestBrowser(app);
    await browser.get("/login");
    const response = await browser.agent.post("/login").type("form").send({ email: user.email, password: DEFAULT_PASSWORD });
    expect(response.status).toBe(403);
    expect(response.text).toContain("Formulir ini sudah kedaluwarsa");
  });

  it("sends a signed-out visitor from a staff page to the sign-in form and back after signing in", async () => {
    const user = await buildUser({ role: "admin" });
    const browser = new TestBrowser(app);
    const redirect = await browser.get("/admin/users");
    expect(redirect.status).toBe(303);
    expect(redirect.headers.location).toBe("/login?next=%2Fadmin%2Fusers");
    const form = await browser.get(redirect.headers.location!);
    expect(form.text).toContain('name="next" value="/admin/users"');
    const response = await browser.post("/login", { email: user.email, password: DEFAULT_PASSWORD, next: "/admin/users" });
    expect(response.headers.location).toBe("/admin/users");
  });

  it("never redirects to another site after sign-in", async () => {
    const user = await buildUser();
    const browser = new TestBrowser(app);
    const response = await browser.submit("/login", "/login", { email: user.email, password: DEFAULT_PASSWORD, next: "//evil.example/phish" });
    expect(response.headers.location).toBe("/dashboard");
  });

  it("signs out and the old session cookie stops working", async () => {
    const user = await buildUser();
    const browser = await signIn(app, user.email, DEFAULT_PASSWORD);
    await browser.get("/dashboard");
    const out = await browser.post("/logout", {});
    expect(out.status).toBe(303);
    expect((await browser.get("/dashboard")).status).toBe(303);
  });

  it("logs out everywhere: every other device loses its session", async () => {
    const user = await buildUser();
    const phone = await signIn(app, user.email, DEFAULT_PASSWORD);
    const laptop = await signIn(app, user.email, DEFAULT_PASSWORD);
    await laptop.get("/account");
    await laptop.post("/logout/everywhere", {});
    expect((await phone.get("/dashboard")).status).toBe(303);
    expect((await laptop.get("/dashboard")).status).toBe(303);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("changes the password, keeps this session and ends the others", async () => {
    const user = await buildUser();
    const phone = await signIn(app, user.email, DEFAULT_PASSWORD);
    const laptop = await signIn(app, user.email, DEFAULT_PASSWORD);
    const wrong = await laptop.submit("/account", "/account/password", { currentPassword: "bukan ini", newPassword: "sandi baru yang panjang", confirmPassword: "sandi baru yang panjang" });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain("Kata sandi saat ini salah.");
    const changed = await laptop.submit("/account", "/account/password", { currentPassword: DEFAULT_PASSWORD, newPassword: "sandi baru yang panjang", confirmPassword: "sandi baru yang panjang" });
    expect(changed.status).toBe(303);
    expect((await laptop.get("/dashboard")).status).toBe(200);
    expect((await phone.get("/dashboard")).status).toBe(303);
    await signIn(app, user.email, "sandi baru yang panjang");
  });

  it("locks a deactivated account out at once", async () => {
    const admin = await buildUser({ role: "admin" });
    const user = await buildUser();
    const staff = await signIn(app, user.email, DEFAULT_PASSWORD);
    const adminBrowser = await signIn(app, admin.email, DEFAULT_PASSWORD);
    const response = await adminBrowser.submit("/admin/users", `/admin/users/${user.id}/active`, { isActive: "false" });
    expect(response.status).toBe(303);
    expect((await staff.get("/dashboard")).status).toBe(303);
    const again = new TestBrowser(app);
    expect((await again.submit("/login", "/login", { email: user.email, password: DEFAULT_PASSWORD })).status).toBe(401);
  });

  it("switches the interface to English and remembers it", async () => {
    const browser = new TestBrowser(app);
    const switched = await browser.get("/lang/en?next=/login");
    expect(switched.headers.location).toBe("/login");
    const page = await browser.get("/login");
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain("Staff sign-in");
  });
});
