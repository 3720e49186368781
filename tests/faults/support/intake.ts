import crypto from "node:crypto";
import { PDF_MINIMAL } from "../../fixtures/files.js";
import { complaintBody, complaintFormFields } from "../../helpers/complaints.js";

/**
 * How a fault scenario files complaints against the real server over HTTP: the JSON API with a
 * staff token (not rate-limited, so a burst is possible) and an Idempotency-Key, and the citizen's
 * multipart web form with evidence files. Every call is bounded by a timeout.
 */
const REQUEST_TIMEOUT_MS = 60_000;

/** A bearer token of the administrator the server created from ADMIN_EMAIL/ADMIN_PASSWORD. */
export async function staffToken(baseUrl: string, admin: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...admin, name: "fault suite" }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status !== 201) throw new Error(`token request answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

export interface Answer {
  status: number;
  trackingNumber?: string;
  retryAfter?: string | null;
  contentType?: string | null;
  body?: string;
}

/** The reporter's email of the n-th complaint of a scenario: one mailbox per complaint, so mail can be counted per complaint. */
export const reporterEmail = (tag: string, n: number) => `pelapor-${tag}-${n}@contoh.id`;

/** Files the n-th complaint of a burst through POST /api/v1/complaints; the key makes a retry safe. */
export async function submitThroughApi(baseUrl: string, token: string, options: { tag: string; n: number; key?: string }): Promise<Answer> {
  const { tag, n } = options;
  const body = complaintBody({
    reporter: { name: `Pelapor ${tag} ${n}`, email: reporterEmail(tag, n), nik: undefined, phone: undefined },
    subject: `Layanan ${tag} nomor ${n} tidak diberikan`,
    description: `Permohonan ${tag}-${n} di loket ${n % 7} tidak dilayani selama ${n + 3} hari kerja tanpa penjelasan dari petugas.`,
  });
  const response = await fetch(`${baseUrl}/api/v1/complaints`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": options.key ?? `fault-${tag}-${n}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const trackingNumber = response.ok ? (JSON.parse(text) as { trackingNumber: string }).trackingNumber : undefined;
  return { status: response.status, trackingNumber, retryAfter: response.headers.get("retry-after"), contentType: response.headers.get("content-type"), body: text };
}

/** A PDF of about `bytes` bytes that the server's content check accepts (a real header, then filler). */
export function largePdf(bytes: number): Buffer {
  return Buffer.concat([PDF_MINIMAL, crypto.randomBytes(Math.max(0, bytes - PDF_MINIMAL.length))]);
}

/**
 * The citizen's form as a browser sends it: loads /complaints/new for the cookies and CSRF token,
 * then posts the multipart form with the files. Answers 303 (to the receipt) when filed.
 */
export async function submitThroughWebForm(baseUrl: string, options: { submissionKey: string; files: Buffer[]; fields?: Record<string, string> }): Promise<Answer> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const page = await fetch(`${baseUrl}/complaints/new?region=53.01`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  remember(page);
  const html = await page.text();
  const csrf = /action="\/complaints\?_csrf=([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error(`no CSRF token on the complaint form (status ${page.status})`);

  const form = new FormData();
  for (const [name, value] of Object.entries({ ...complaintFormFields(options.fields), submissionKey: options.submissionKey })) form.append(name, value);
  options.files.forEach((file, i) => form.append("files", new Blob([file], { type: "application/pdf" }), `bukti-${i + 1}.pdf`));
  const response = await fetch(`${baseUrl}/complaints?_csrf=${csrf}`, {
    method: "POST",
    headers: { cookie: cookieHeader() },
    body: form,
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), contentType: response.headers.get("content-type"), body: text };
}

export interface BurstOutcome<T> {
  n: number;
  result?: T;
  /** The request got no answer (connection refused or cut, timeout). */
  error?: string;
}

/**
 * Runs `count` tasks, at most `concurrency` at a time, and calls `onSettled` after each one with
 * how many have settled so far (a scenario breaks something at a chosen point of the burst).
 */
export async function burst<T>(count: number, concurrency: number, task: (n: number) => Promise<T>, onSettled?: (settled: number) => void): Promise<Array<BurstOutcome<T>>> {
  const outcomes: Array<BurstOutcome<T>> = [];
  let next = 0;
  let settled = 0;
  const lane = async () => {
    while (next < count) {
      const n = next++;
      try {
        outcomes[n] = { n, result: await task(n) };
      } catch (error) {
        outcomes[n] = { n, error: error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error) };
      }
      settled += 1;
      onSettled?.(settled);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return outcomes;
}
