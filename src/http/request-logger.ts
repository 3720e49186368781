import crypto from "node:crypto";
import { pinoHttp } from "pino-http";
import { logger } from "../logger.js";

/** One structured log line per request, with a request id (taken from X-Request-Id when sane). */
export const requestLogger = pinoHttp({
  logger,
  genReqId: (req, res) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    res.setHeader("X-Request-Id", id);
    return id;
  },
  customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
  serializers: {
    req: (req) => ({ id: req.id, method: req.method, url: String(req.url).replace(/([?&](token|_csrf|api_key|access_code)=)[^&]+/g, "$1[redacted]") }),
    res: (res) => ({ statusCode: res.statusCode }),
  },
  autoLogging: { ignore: (req) => req.url === "/healthz" || (req.url ?? "").startsWith("/static/") },
});
