import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import { ensureFirstAdmin } from "../../src/accounts/ensure-first-admin.js";
import { db } from "../../src/db.js";
import { startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

describe("the first administrator", () => {
  it("is reached through a one-time set-up link when ADMIN_EMAIL is not set, and the link then dies", async () => {
    expect(await db.user.count({ where: { role: "admin" } })).toBe(0);
    const result = await ensureFirstAdmin({});
    expect(result.status).toBe("setup_link");
    const url = new URL((result as { url: string }).url);
    expect(url.origin).toBe("http://penghubung.test");

    const browser = new TestBrowser(app);
    const form = await browser.get(url.pathname + url.search);
    expect(form.status).toBe(200);
    expect(form.text).toContain("Buat administrator pertama");
    const mismatch = await browser.post("/setup", { token: url.searchParams.get("token")!, name: "Admin NTT", email: "admin@ntt.test", newPassword: "sandi admin pertama", confirmPassword: "berbeda sekali" });
    expect(mismatch.status).toBe(422);
    expect(mismatch.text).toContain("Kedua kata sandi tidak sama.");
    const created = await browser.post("/setup", { token: url.searchParams.get("token")!, name: "Admin NTT", email: "admin@ntt.test", newPassword: "sandi admin pertama", confirmPassword: "sandi admin pertama" });
    expect(created.status).toBe(303);
    expect((await browser.get("/admin/users")).status).toBe(200);

    const again = new TestBrowser(app);
    expect((await again.get(url.pathname + url.search)).status).toBe(400);
    expect((await ensureFirstAdmin({})).status).toBe("exists");
  });

  it("is created from ADMIN_EMAIL and ADMIN_PASSWORD only when no administrator exists", async () => {
    const result = await ensureFirstAdmin({ email: "second@ntt.test", password: "tidak dipakai lagi" });
    expect(result.status).toBe("exists");
    expect(await db.user.count({ where: { email: "second@ntt.test" } })).toBe(0);
  });
});
