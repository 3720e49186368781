import type { Request, Response } from "express";
import type { FieldIssue } from "./errors.js";

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ path: string; message: string }>;
  [extension: string]: unknown;
}

/** Sends an RFC 9457 problem document; `type` points to a page describing the problem code. */
export function sendProblem(req: Request, res: Response, status: number, code: string, extra: { detail?: string; issues?: FieldIssue[]; [k: string]: unknown } = {}) {
  const { issues, detail, ...rest } = extra;
  const body: ProblemDetails = {
    type: `/problems/${code}`,
    title: req.t(`problems.${code}.title`, { defaultValue: code }),
    status,
    ...(detail ? { detail } : {}),
    instance: req.originalUrl,
    ...(issues ? { errors: issues.map((i) => ({ path: i.path, message: req.t(i.messageKey, i.params) })) } : {}),
    ...rest,
  };
  const requestId = res.getHeader("X-Request-Id");
  if (requestId) body.requestId = String(requestId);
  res.status(status).type("application/problem+json").send(JSON.stringify(body));
}
