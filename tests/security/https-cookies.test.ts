import "./https-site.js";
import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { startTestApp, stopTestApp } from "../helpers/app.js";

/**
 * On a site served over HTTPS the cookies are Secure and carry the __Host- prefix (no other host
 * or path can set or read them), and browsers are told to use HTTPS only.
 */
let app: Express;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

function cookieNamed(cookies: string[], name: string) {
  return cookies.find((c) => c.startsWith(`${name}=`));
}

describe("a site served over HTTPS", () => {
  it("sets Secure, __Host- cookies for the session, the visitor and CSRF, and sends HSTS", async () => {
    const user = await buildUser({ role: "assistant" });
    const form = await request(app).get("/login");
    expect(form.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
    const formCookies = [form.headers["set-cookie"]].flat().filter(Boolean) as string[];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
    const jar = formCookies.map((c) => c.split(";")[0]).join("; ");
    const signedIn = await request(app).post("/login").set("cookie", jar).type("form").send({ _csrf: csrf, email: user.email, password: DEFAULT_PASSWORD });
    expect(signedIn.status, signedIn.text.slice(0, 300)).toBe(303);
    const cookies = [...formCookies, ...([signedIn.headers["set-cookie"]].flat().filter(Boolean) as string[])];
    for (const name of ["__Host-pgh_session", "__Host-pgh_visitor", "__Host-pgh_csrf"]) {
      const cookie = cookieNamed(cookies, name);
      expect(cookie, name).toBeDefined();
      expect(cookie, name).toMatch(/;\s*Secure/i);
      expect(cookie, name).toMatch(/;\s*Path=\/(;|$)/i);
      expect(cookie, name).not.toMatch(/;\s*Domain=/i);
    }
    expect(cookieNamed(cookies, "pgh_session")).toBeUndefined();
  });

  it("ignores a session cookie without the __Host- prefix", async () => {
    const user = await buildUser({ role: "assistant" });
    const form = await request(app).get("/login");
    const jar = ([form.headers["set-cookie"]].flat() as string[]).map((c) => c.split(";")[0]).join("; ");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
    const signedIn = await request(app).post("/login").set("cookie", jar).type("form").send({ _csrf: csrf, email: user.email, password: DEFAULT_PASSWORD });
    const session = ([signedIn.headers["set-cookie"]].flat() as string[]).find((c) => c.startsWith("__Host-pgh_session="))!.split(";")[0]!;
    expect((await request(app).get("/inbox").set("cookie", session)).status).toBe(200);
    const unprefixed = session.replace("__Host-pgh_session=", "pgh_session=");
    expect((await request(app).get("/inbox").set("cookie", unprefixed)).status).toBe(303);
  });
});
