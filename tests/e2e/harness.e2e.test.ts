import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMailTransport } from "../../src/notifications/mail-transport.js";
import { config } from "../../src/config.js";
import { expectNoSeriousA11yViolations, expectUsableAtNarrowWidths } from "./accessibility.js";
import { launchChromium, openPage } from "./chromium.js";
import { linksTo, readMailbox, waitForMailTo } from "./mailbox.js";

// The checks the journeys rely on must be able to fail; these pages are made to fail them.

const FIXTURE_ORIGIN = "http://fixture.test";

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A page whose every request under FIXTURE_ORIGIN is answered with the given HTML. */
async function pageServing(html: string): Promise<Page> {
  const page = await openPage(browser!, FIXTURE_ORIGIN);
  await page.route(`${FIXTURE_ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  return page;
}

const document = (body: string) =>
  `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Uji</title></head><body><main>${body}</main></body></html>`;

describe("the accessibility check", { timeout: 60_000 }, () => {
  test("fails on a form field without a label and names the rule and the element", async () => {
    const page = await pageServing(document(`<h1>Formulir</h1><input type="text">`));
    await page.goto(`${FIXTURE_ORIGIN}/form`);
    await expect(expectNoSeriousA11yViolations(page)).rejects.toThrow(/\[critical\] label: .+\n.+\n\s+- input\n/);
    await page.context().close();
  });

  test("passes the same form once the field has a label", async () => {
    const page = await pageServing(document(`<h1>Formulir</h1><label for="n">Nama</label><input id="n" type="text">`));
    await page.goto(`${FIXTURE_ORIGIN}/form`);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });
});

describe("the narrow-screen check", { timeout: 60_000 }, () => {
  test("fails on a page with a fixed 340 px wide block at 320 px but not at 360 px, and names the block", async () => {
    const page = await pageServing(document(`<h1>Lebar</h1><div class="banner" style="width:340px">x</div>`));
    const failure = await expectUsableAtNarrowWidths(page, `${FIXTURE_ORIGIN}/wide`).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/at 320 px: .*div\.banner/);
    expect(failure).not.toMatch(/at 360 px/);
    await page.context().close();
  });

  test("passes a page whose long words and tables wrap or scroll inside their own box", async () => {
    const page = await pageServing(
      document(`<h1>Sempit</h1><p style="overflow-wrap:anywhere">${"panjang".repeat(30)}</p><div style="overflow-x:auto"><table><tr>${"<td>kolom-lebar</td>".repeat(20)}</tr></table></div>`),
    );
    await expectUsableAtNarrowWidths(page, `${FIXTURE_ORIGIN}/narrow`);
    await page.context().close();
  });
});

describe("the browser launcher", () => {
  test("fails with the install command when Chromium is not where it is looked for", async () => {
    await expect(launchChromium("/nonexistent/chromium")).rejects.toThrow(/apt-get install -y --no-install-recommends chromium/);
  });
});

describe("the mailbox", () => {
  test("reads an .eml written by the application as it was sent: soft line breaks, =3D and accented names decoded", async () => {
    const token = "a".repeat(40) + "=" + "b".repeat(40);
    const link = `${config.baseUrl}/password/reset?token=${token}`;
    const transport = createMailTransport();
    await transport.send({ to: "Wéru <weru@kupangkab.test>", subject: "Undangan ke Penghubung", text: `Yth. Ni Luh Wéru,\n\n${link}\n\nSalam` });
    transport.close();
    const raw = fs.readdirSync(config.mailDir).map((file) => fs.readFileSync(path.join(config.mailDir, file), "utf8")).join("");
    expect(raw, "the message should be quoted-printable, or this test proves nothing").toMatch(/=3D|=C3=A9/);

    const mail = await waitForMailTo(config.mailDir, "WERU@kupangkab.test", 1_000);
    expect(mail.text).toContain("Yth. Ni Luh Wéru,");
    expect(linksTo(mail, config.baseUrl)).toEqual([link]);
    expect(await readMailbox(path.join(config.mailDir, "missing"))).toEqual([]);
  });

  test("says which messages it did find when none is addressed to the expected person", async () => {
    const transport = createMailTransport();
    await transport.send({ to: "yosef@kupangkab.test", subject: "Buat kata sandi baru", text: "Salam" });
    transport.close();
    await expect(waitForMailTo(config.mailDir, "nobody@kupangkab.test", 300)).rejects.toThrow(/No mail to nobody@kupangkab\.test .*found: .*yosef@kupangkab\.test: Buat kata sandi baru/);
  });
});
