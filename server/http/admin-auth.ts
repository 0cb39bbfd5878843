import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import { HttpError } from './http-error.js';
import { bearerToken } from './presenter-auth.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** When an admin token is configured, throws 401 unless the request carries it as a Bearer token. */
export function requireAdmin(ctx: Context, adminToken: string | undefined): void {
  if (adminToken === undefined) return;
  const header = ctx.get('Authorization');
  // Compare digests: equal length, constant time, whatever the caller sent.
  if (!timingSafeEqual(digest(bearerToken(ctx)), digest(adminToken))) {
    throw new HttpError(
      401,
      header === '' ? 'missing_key' : 'invalid_key',
      'Creating decks on this server needs the admin token: send Authorization: Bearer <token>.',
      { 'WWW-Authenticate': 'Bearer realm="podium-admin"' },
    );
  }
}
