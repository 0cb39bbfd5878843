import type { Context } from 'koa';
import { deckNotFound } from './http-error.js';
import { deckIdParam } from './schemas.js';

/** `raw` (a URL path segment, still encoded) as a deck id, or null when it could not be one. */
export function parseDeckId(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Not valid percent-encoding: checked as written, like the router does.
  }
  const parsed = deckIdParam.safeParse(decoded);
  return parsed.success ? parsed.data : null;
}

/** The deck id of a route's `:id` (the router has decoded it), or 404 when it could not be a deck id. */
export function deckIdFrom(ctx: Context): string {
  const parsed = deckIdParam.safeParse(ctx.params.id);
  if (!parsed.success) throw deckNotFound();
  return parsed.data;
}
