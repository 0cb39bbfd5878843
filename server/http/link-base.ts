import type { Context } from 'koa';
import type { AppConfig } from './app-deps.js';
import { HttpError } from './http-error.js';
import { hostHeader } from './schemas.js';

/** Base of links in answers: PUBLIC_URL when set, else the request's own origin (its Host checked first). */
export function linkBase(ctx: Context, config: AppConfig): string {
  if (config.publicUrl) return config.publicUrl;
  const host = hostHeader.safeParse(ctx.host);
  if (!host.success) {
    throw new HttpError(400, 'bad_request', 'The Host header is not a host name; links cannot be built from it.');
  }
  return `${ctx.protocol}://${host.data}`;
}
