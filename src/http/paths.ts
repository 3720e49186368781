import type { Request } from "express";

/** Machine interfaces: authenticated by bearer token only, answered in JSON/XML, never CSRF-checked. */
export function isApiRequest(req: Request): boolean {
  return req.path.startsWith("/api/") || req.path.startsWith("/open311/");
}

/** A local path to return to after sign-in; anything else (other hosts, //evil) becomes the dashboard. */
export function safeLocalPath(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || value.length > 500) return fallback;
  return value;
}
