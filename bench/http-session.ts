/**
 * Signing in to a running server as staff, for benchmarks that load pages and APIs behind a login:
 * a browser session through the real form (CSRF token and all) or an API token.
 */
export interface StaffAccount {
  email: string;
  password: string;
}

/** Signs in through the sign-in form and returns the session's cookies as a Cookie header. */
export async function signIn(baseUrl: string, account: StaffAccount): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const form = await fetch(`${baseUrl}/login`);
  keep(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error("no CSRF token on the sign-in page");
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ _csrf: token, email: account.email, password: account.password, next: "/dashboard" }).toString(),
  });
  keep(response);
  if (response.status !== 303) throw new Error(`sign-in of ${account.email} failed with ${response.status}`);
  return cookieHeader();
}

/** A bearer token for the JSON API (POST /api/v1/auth/token). */
export async function issueApiToken(baseUrl: string, account: StaffAccount, name = "benchmark"): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...account, name }),
  });
  if (response.status !== 201) throw new Error(`POST /api/v1/auth/token answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
