import type { Middleware } from 'koa';
import { addressKey } from '../security/client-address.js';
import type { Rate, SecurityLimits } from '../security/limits.js';
import { RateLimiter } from '../security/rate-limiter.js';
import { HttpError } from './http-error.js';

/** The live limiters of one app, built from its limits. A null limiter lets everything through. */
export interface Guards {
  putPerKey: RateLimiter | null;
  putPerAddress: RateLimiter | null;
  writePerAddress: RateLimiter | null;
  writePerKey: RateLimiter | null;
  reactionsPerViewer: RateLimiter | null;
  reactionsPerAddress: RateLimiter | null;
  readsPerAddress: RateLimiter | null;
  maxKeysPerDeck: number;
}

/** Paths of the audience's own writes (questions, votes, polls): they spend room-limits.ts's budgets, not writePerAddress's. */
export const ROOM_WRITE_PATH = /^\/api\/decks\/[^/]+\/(?:questions|polls)(?:\/|$)/;

const limiter = (rate: Rate | null): RateLimiter | null => (rate ? new RateLimiter(rate) : null);

/** Builds the rate limiters of `limits` (the stream caps live in the hub's StreamLimiter). */
export function createGuards(limits: SecurityLimits): Guards {
  return {
    putPerKey: limiter(limits.putPerKey),
    putPerAddress: limiter(limits.putPerAddress),
    writePerAddress: limiter(limits.writePerAddress),
    writePerKey: limiter(limits.writePerKey),
    reactionsPerViewer: limiter(limits.reactionsPerViewer),
    reactionsPerAddress: limiter(limits.reactionsPerAddress),
    readsPerAddress: limiter(limits.readsPerAddress),
    maxKeysPerDeck: limits.maxKeysPerDeck,
  };
}

/** The 429 answer, with `Retry-After` in whole seconds. */
export function tooManyRequests(
  code: 'rate_limited' | 'too_many_streams',
  retryAfter: number,
  message: string,
): HttpError {
  return new HttpError(429, code, message, { 'Retry-After': String(retryAfter) });
}

/** Spends one token of `limiter` for `key`, or throws 429 `rate_limited` with `Retry-After`. */
export function spend(limiter: RateLimiter | null, key: string): void {
  const wait = limiter?.take(key) ?? 0;
  if (wait > 0) {
    throw tooManyRequests('rate_limited', wait, `Too many requests; wait ${wait} s and try again.`);
  }
}

/** Audience writes (reactions, presence): a whole hall sends them, so they have budgets of their own. */
const AUDIENCE_WRITE = /^\/api\/decks\/[^/]+\/(?:reactions|presence)\/?$/i;

/** Paths an orchestrator or a monitor polls: never rate-limited. */
const OPS_PATH = /^\/(?:healthz|metrics)\/?$/;

/** Per-address budgets for reads (GET, HEAD), spent before any work; /healthz and /metrics are exempt. */
export function readRateLimit(guards: Guards): Middleware {
  return async (ctx, next) => {
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && !OPS_PATH.test(ctx.path)) {
      spend(guards.readsPerAddress, addressKey(ctx.ip));
    }
    await next();
  };
}

/** Per-address budgets for writes, spent before any work: PUT from one, POST and DELETE from the other (audience writes excepted). */
export function writeRateLimit(guards: Guards): Middleware {
  return async (ctx, next) => {
    if (AUDIENCE_WRITE.test(ctx.path)) return next();
    if (ctx.method === 'PUT') spend(guards.putPerAddress, addressKey(ctx.ip));
    else if (ROOM_WRITE_PATH.test(ctx.path)) {
      // The audience's questions and votes spend their own budgets (see room-limits.ts).
    } else if (ctx.method === 'POST' || ctx.method === 'DELETE' || ctx.method === 'PATCH') {
      spend(guards.writePerAddress, addressKey(ctx.ip));
    }
    await next();
  };
}
