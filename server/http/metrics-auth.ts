import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import { HttpError } from './http-error.js';
import { bearerToken } from './presenter-auth.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** When PODIUM_METRICS_TOKEN is set (default: unset, /metrics open), throws 401 unless it comes as a Bearer token. */
export function requireMetricsToken(ctx: Context, token: string | undefined): void {
  if (token === undefined) return;
  if (!timingSafeEqual(digest(bearerToken(ctx)), digest(token))) {
    throw new HttpError(
      401,
      ctx.get('Authorization') === '' ? 'missing_key' : 'invalid_key',
      'The metrics need the metrics token: send Authorization: Bearer <token>.',
      { 'WWW-Authenticate': 'Bearer realm="podium-metrics"' },
    );
  }
}
