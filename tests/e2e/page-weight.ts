import type { Page } from "playwright-core";

/** One response as it crossed the network: its bytes on the wire (headers and compressed body). */
export interface TransferredResponse {
  url: string;
  type: string;
  contentEncoding: string | null;
  bytes: number;
}

export interface PageWeight {
  /** Everything the page needed, in bytes as transferred. */
  totalBytes: number;
  responses: TransferredResponse[];
}

/**
 * Loads a path in a page with an empty cache and adds up what the network carried for it, as
 * Chromium counts it (encodedDataLength: response headers plus the body as compressed on the
 * wire), for the document and everything it loads (stylesheet, script, icon). Use a fresh page:
 * a cached resource would count as nothing.
 */
export async function measurePageWeight(page: Page, path: string): Promise<PageWeight> {
  const session = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  await session.send("Network.setCacheDisabled", { cacheDisabled: true });
  const seen = new Map<string, { url: string; type: string; contentEncoding: string | null; bytes?: number }>();
  session.on("Network.responseReceived", (event) => {
    // data: URLs (the date field's own icon) never cross the network.
    if (event.response.url.startsWith("data:")) return;
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
    seen.set(event.requestId, { url: event.response.url, type: event.type, contentEncoding: headers["content-encoding"] ?? null });
  });
  session.on("Network.loadingFinished", (event) => {
    const response = seen.get(event.requestId);
    if (response) response.bytes = event.encodedDataLength;
  });
  await page.goto(path, { waitUntil: "load" });
  // Every response the page started must have finished before it is counted (bounded wait).
  const deadline = Date.now() + 5_000;
  while ([...seen.values()].some((response) => response.bytes === undefined) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await session.detach();
  const unfinished = [...seen.values()].filter((response) => response.bytes === undefined);
  if (unfinished.length > 0) throw new Error(`Still loading after 5 s: ${unfinished.map((response) => response.url).join(", ")}`);
  const responses = [...seen.values()].map((response) => ({ ...response, bytes: response.bytes! }));
  return { totalBytes: responses.reduce((sum, response) => sum + response.bytes, 0), responses };
}

/** "12.3 KB (document 4.1 KB gzip, stylesheet 3.2 KB gzip, ...)" for messages and reports. */
export function describePageWeight(weight: PageWeight): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const parts = weight.responses.map((r) => `${r.type.toLowerCase()} ${new URL(r.url).pathname} ${kb(r.bytes)}${r.contentEncoding ? ` ${r.contentEncoding}` : ""}`);
  return `${kb(weight.totalBytes)} (${parts.join(", ")})`;
}
