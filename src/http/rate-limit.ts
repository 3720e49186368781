import type { Request, Response } from "express";
import { ipKeyGenerator, rateLimit, type Options, type Store } from "express-rate-limit";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import { sharedRedis } from "../redis.js";
import { DomainError } from "./errors.js";

/**
 * Rate limits shared by every web process when Redis is configured (in memory otherwise, which
 * is right for the single-process default). If Redis is unreachable the limiter lets requests
 * through rather than locking everyone out.
 */
function store(prefix: string): Store | undefined {
  const redis = sharedRedis();
  if (!redis) return undefined;
  const redisStore = new RedisStore({
    prefix: `penghubung:rl:${prefix}:`,
    sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
  });
  // The store loads its Lua scripts at once, before the connection is up (or while Redis is down):
  // that fails, and it loads them again on first use; unobserved, the failure would stop the process.
  void Promise.allSettled([redisStore.incrementScriptSha, redisStore.getScriptSha]);
  return redisStore;
}

function limiter(prefix: string, options: Partial<Options>) {
  return rateLimit({
    standardHeaders: "draft-8",
    legacyHeaders: false,
    passOnStoreError: true,
    store: store(prefix),
    handler: (_req: Request, res: Response, next, opts) => {
      res.setHeader("Retry-After", String(Math.ceil(opts.windowMs / 1000)));
      next(new DomainError("rate_limited", "errors.rate_limited", { minutes: Math.ceil(opts.windowMs / 60_000) }));
    },
    ...options,
  });
}

const emailOf = (req: Request) => {
  const email = (req.body as Record<string, unknown> | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : "";
};

/** Sign-in (form and token API): 10 failed attempts per address and IP per 15 minutes. */
export const loginLimiter = limiter("login", {
  windowMs: 15 * 60_000,
  limit: 10,
  skipSuccessfulRequests: true,
  keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? "")}|${emailOf(req)}`,
});

/** Sign-in from one IP across all addresses: 100 attempts per 15 minutes. */
export const loginIpLimiter = limiter("login-ip", { windowMs: 15 * 60_000, limit: 100, skipSuccessfulRequests: true });

/** Password-reset requests: 5 per IP per hour (each one sends an email). */
export const passwordResetLimiter = limiter("reset", { windowMs: 60 * 60_000, limit: 5 });

/** Opening a complaint with its access code: 30 attempts per IP per 15 minutes (codes cannot be guessed). */
export const trackingLimiter = limiter("track", { windowMs: 15 * 60_000, limit: 30, skipSuccessfulRequests: true });

/** Complaints filed without a staff token: 20 per IP per 10 minutes (a person files a few at most). */
export const publicIntakeLimiter = limiter("intake", { windowMs: 10 * 60_000, limit: 20, skip: (req) => Boolean(req.user) });
