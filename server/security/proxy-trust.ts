import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of Podium are trusted to name the client: none (the socket's peer
 * is the client), the last `hops` proxies, or the proxies at `addresses` (IPs and CIDRs).
 */
export type ProxyTrust = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: BlockList };

/** No proxy trusted: the default. */
export const NO_PROXY_TRUST: ProxyTrust = { kind: 'none' };

/**
 * Reads `PODIUM_TRUST_PROXY`: '' / 0 / false trust nothing; true or a count N trusts the last
 * N hops; otherwise a comma list of proxy addresses or CIDRs (`10.0.0.0/8, ::1`). Throws on nonsense.
 */
export function parseProxyTrust(value: boolean | number | string | undefined): ProxyTrust {
  if (value === undefined || value === false || value === '' || value === 'false') return NO_PROXY_TRUST;
  if (value === true || value === 'true') return { kind: 'hops', hops: 1 };
  const text = String(value).trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops === 0 ? NO_PROXY_TRUST : { kind: 'hops', hops: Math.min(hops, 32) };
  }
  const list = new BlockList();
  for (const entry of text.split(',').map((part) => part.trim())) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`"${entry}" is not a proxy address or CIDR`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else if (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)) {
      list.addSubnet(address, Number(prefix), type);
    } else throw new Error(`"${entry}" has a bad prefix length`);
  }
  return { kind: 'addresses', list };
}

/** Whether `trust` believes any forwarding header at all (Koa's `proxy` flag: X-Forwarded-Proto and -Host). */
export function trustsAnyProxy(trust: ProxyTrust): boolean {
  return trust.kind !== 'none';
}

function isTrusted(list: BlockList, ip: string): boolean {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's IP: the socket's peer, or the address the outermost trusted proxy saw, found by
 * walking X-Forwarded-For from the right. Entries left of that (the client's own header) are
 * never read, so a spoofed X-Forwarded-For changes nothing. '' when unknown.
 */
export function clientIp(req: IncomingMessage, trust: ProxyTrust): string {
  const peer = req.socket.remoteAddress ?? '';
  if (trust.kind === 'none') return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = Array.isArray(header) ? header.join(',') : (header ?? '');
  const chain = [...forwarded.split(',').map((hop) => hop.trim()), peer].filter((hop) => hop !== '');
  if (trust.kind === 'hops') return chain[Math.max(0, chain.length - 1 - trust.hops)] ?? '';
  let at = chain.length - 1;
  while (at > 0 && isTrusted(trust.list, chain[at] ?? '')) at -= 1;
  return chain[at] ?? '';
}
