import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';

/** The cookie that carries a viewer's anonymous id. */
export const VIEWER_COOKIE = 'podium_viewer';

/** What Podium mints: 16 random bytes, base64url. Anything else in the cookie is ignored. */
const VIEWER_ID = /^[A-Za-z0-9_-]{22}$/;

/** A year, in ms: a viewer keeps its id (and so its votes) across reloads and talks. */
const VIEWER_COOKIE_MAX_AGE_MS = 365 * 24 * 3600 * 1000;

/**
 * The anonymous id of the viewer behind this request: from its cookie, or a new one set on
 * this answer (HttpOnly, SameSite=Strict, Secure on https). It names no person; it only lets
 * Podium count one vote per viewer and limit a flooding one.
 */
export function viewerId(ctx: Context): string {
  const existing = ctx.cookies.get(VIEWER_COOKIE);
  if (existing && VIEWER_ID.test(existing)) return existing;
  const id = randomBytes(16).toString('base64url');
  ctx.cookies.set(VIEWER_COOKIE, id, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.secure,
    maxAge: VIEWER_COOKIE_MAX_AGE_MS,
    overwrite: true,
  });
  return id;
}
