import type { Context } from 'koa';
import { trustsAnyProxy } from '../security/proxy-trust.js';
import type { AppConfig } from './app-deps.js';
import { HttpError } from './http-error.js';
import { isLoopback, lanAddress } from './lan-address.js';
import { hostHeader } from './schemas.js';

/**
 * Base of links in answers, so a phone can open them: PUBLIC_URL when set; else the machine's
 * LAN address and this server's port, whatever name the request came in on (localhost
 * included). The request's own origin only when that cannot work: bound to loopback, behind
 * a trusted proxy (which names the public host), or no LAN address.
 */
export function linkBase(ctx: Context, config: AppConfig): string {
  if (config.publicUrl) return config.publicUrl;
  const lan = isLoopback(config.host) || trustsAnyProxy(config.proxyTrust) ? null : lanAddress();
  const port = ctx.req.socket.localPort;
  if (lan && port) return `http://${lan}:${port}`;
  const host = hostHeader.safeParse(ctx.host);
  if (!host.success) {
    throw new HttpError(400, 'bad_request', 'The Host header is not a host name; links cannot be built from it.');
  }
  return `${ctx.protocol}://${host.data}`;
}
