import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import type { Role } from "../../src/accounts/roles.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, type TestBrowser } from "../helpers/app.js";

let app: Express;
const browsers = {} as Record<Role, TestBrowser>;

beforeAll(async () => {
  app = await startTestApp();
  for (const role of ["admin", "assistant", "focal_point", "auditor"] as const) {
    const user = await buildUser({ role, name: `Pengguna ${role}` });
    browsers[role] = await signIn(app, user.email, DEFAULT_PASSWORD);
  }
});
afterAll(stopTestApp);

/** Every staff page and whether each role may open it (200) or not (403). */
const pages: Array<{ path: string; allowed: Role[] }> = [
  { path: "/dashboard", allowed: ["admin", "assistant", "focal_point", "auditor"] },
  { path: "/account", allowed: ["admin", "assistant", "focal_point", "auditor"] },
  { path: "/admin/users", allowed: ["admin"] },
  { path: "/admin/users/new", allowed: ["admin"] },
  { path: "/admin/queues", allowed: ["admin"] },
  { path: "/admin/letter-templates", allowed: ["admin"] },
  { path: "/admin", allowed: ["admin"] },
  { path: "/inbox", allowed: ["admin", "assistant", "focal_point", "auditor"] },
  { path: "/overview", allowed: ["admin", "assistant", "auditor"] },
  { path: "/staff/complaints/new?region=53.01", allowed: ["admin", "assistant", "focal_point"] },
];

describe("what each role can and cannot reach", () => {
  for (const page of pages) {
    for (const role of ["admin", "assistant", "focal_point", "auditor"] as const) {
      const isAllowed = page.allowed.includes(role);
      it(`${isAllowed ? "lets" : "does not let"} the ${role} open ${page.path}`, async () => {
        const response = await browsers[role].get(page.path);
        expect(response.status).toBe(isAllowed ? 200 : 403);
      });
    }
  }

  it("shows the administrator the counts of accounts, Pemda, units and mail", async () => {
    const page = await browsers.admin.get("/dashboard");
    expect(page.text).toContain("Akun petugas");
    expect(page.text).toMatch(/<span class="stat-value">23<\/span><span class="stat-label">Pemda/);
  });

  it("shows the assistant and the auditor all 23 Pemda with their focal points", async () => {
    for (const role of ["assistant", "auditor"] as const) {
      const page = await browsers[role].get("/dashboard");
      expect(page.text).toContain("Kabupaten Sumba Barat Daya");
      expect(page.text).toContain("Kota Kupang");
      expect((page.text.match(/<tr>\s*<td>53/g) ?? []).length).toBe(23);
    }
    expect((await browsers.auditor.get("/dashboard")).text).toContain("akses hanya baca");
  });

  it("shows a focal point only their own Pemda and its units", async () => {
    const page = await browsers.focal_point.get("/dashboard");
    expect(page.text).toContain("Kabupaten Kupang");
    expect(page.text).toContain("Dinas Kependudukan dan Pencatatan Sipil");
    expect(page.text).not.toContain("Kabupaten Sumba Barat Daya");
  });

  it("lets only the administrator create staff accounts", async () => {
    for (const role of ["assistant", "focal_point", "auditor"] as const) {
      const response = await browsers[role].post("/admin/users", { email: `x.${role}@penghubung.test`, name: "X", role: "admin", password: "panjang sekali sandi" });
      expect(response.status).toBe(403);
    }
  });
});
