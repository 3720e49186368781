import pino from "pino";
import { config } from "./config.js";

/** Structured JSON logs (pino). Request logs carry the request id (see http/request-logger.ts). */
export const logger = pino({
  level: config.logLevel,
  base: { service: "penghubung" },
  redact: {
    paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]', "*.password", "*.passwordHash", "*.token"],
    censor: "[redacted]",
  },
});
