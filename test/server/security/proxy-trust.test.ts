import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config.js';
import { clientIp, parseProxyTrust } from '../../../server/security/proxy-trust.js';

/** A request as the socket and the proxies left it. */
const req = (peer: string, forwarded?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  }) as unknown as IncomingMessage;

describe('clientIp behind trusted proxies', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientIp(req('203.0.113.7', '10.0.0.1'), parseProxyTrust(undefined))).toBe('203.0.113.7');
    expect(clientIp(req('203.0.113.7', '10.0.0.1'), parseProxyTrust('0'))).toBe('203.0.113.7');
  });

  it('takes the address the outermost of N trusted hops saw; a spoofed left part changes nothing', () => {
    const one = parseProxyTrust('1');
    expect(clientIp(req('127.0.0.1', '198.51.100.4'), one)).toBe('198.51.100.4');
    expect(clientIp(req('127.0.0.1', '6.6.6.6, 198.51.100.4'), one)).toBe('198.51.100.4');
    const two = parseProxyTrust(2);
    expect(clientIp(req('127.0.0.1', '6.6.6.6, 198.51.100.4, 10.0.0.2'), two)).toBe('198.51.100.4');
    expect(clientIp(req('127.0.0.1'), two)).toBe('127.0.0.1');
    expect(parseProxyTrust(true)).toEqual({ kind: 'hops', hops: 1 });
  });

  it('walks from the right past trusted proxy addresses and CIDRs', () => {
    const list = parseProxyTrust('127.0.0.1, 10.0.0.0/8, ::1');
    expect(clientIp(req('::ffff:127.0.0.1', '6.6.6.6, 198.51.100.4, 10.9.9.9'), list)).toBe('198.51.100.4');
    expect(clientIp(req('::1', '198.51.100.4'), list)).toBe('198.51.100.4');
    // A peer that is not a trusted proxy is the client, whatever it claims.
    expect(clientIp(req('203.0.113.7', '10.0.0.1'), list)).toBe('203.0.113.7');
  });

  it('refuses nonsense in PODIUM_TRUST_PROXY', () => {
    expect(() => parseProxyTrust('proxy.example')).toThrow(/not a proxy address/);
    expect(() => parseProxyTrust('10.0.0.0/99')).toThrow(/prefix/);
    expect(() => readConfig({ PODIUM_TRUST_PROXY: 'yes please' })).toThrow(/PODIUM_TRUST_PROXY/);
    expect(readConfig({ PODIUM_TRUST_PROXY: '2' }).trustProxy).toBe('2');
  });
});
