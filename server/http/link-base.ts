import type { Context } from 'koa';
import type { LinkBasesResponse } from '../../shared/protocol.js';
import { trustsAnyProxy } from '../security/proxy-trust.js';
import type { AppConfig } from './app-deps.js';
import { HttpError } from './http-error.js';
import { isLoopback, lanAddresses, urlHost } from './lan-address.js';
import { hostHeader } from './schemas.js';

/**
 * Base of links in answers, so a phone can open them: PUBLIC_URL when set; else the machine's
 * LAN address and this server's port, whatever name the request came in on (localhost
 * included). The request's own origin only when that cannot work: bound to loopback, behind
 * a trusted proxy (which names the public host), or no LAN address.
 */
export function linkBase(ctx: Context, config: AppConfig): string {
  return linkBases(ctx, config).base;
}

/** The base of links (see linkBase), why it is that one, and the machine's other addresses to pick from. */
export function linkBases(ctx: Context, config: AppConfig): LinkBasesResponse {
  if (config.publicUrl) return { base: config.publicUrl, source: 'public_url', choices: [] };
  const port = ctx.req.socket.localPort;
  const lan = isLoopback(config.host) || trustsAnyProxy(config.proxyTrust) || !port ? [] : lanAddresses(config.host);
  // The default stays the first IPv4 address, as printed by npm start; the others follow.
  const ordered = [...lan.filter((entry) => entry.family === 'IPv4'), ...lan.filter((e) => e.family === 'IPv6')];
  const choices = ordered.map((entry) => ({ ...entry, base: `http://${urlHost(entry.address)}:${port}` }));
  const first = choices[0];
  if (first) return { base: first.base, source: 'lan', choices };
  const host = hostHeader.safeParse(ctx.host);
  if (!host.success) {
    throw new HttpError(400, 'bad_request', 'The Host header is not a host name; links cannot be built from it.');
  }
  return { base: `${ctx.protocol}://${host.data}`, source: 'request', choices: [] };
}
