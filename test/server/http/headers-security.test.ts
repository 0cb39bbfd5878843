import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { fakeClientDir, type FakeClientDir } from './security-fixtures.js';

/** The CSP header as directive -> sources. */
function parseCsp(header: string | null): Map<string, string[]> {
  expect(header, 'Content-Security-Policy header').toBeTruthy();
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(res: Response, what: string): void {
  const csp = parseCsp(res.headers.get('content-security-policy'));
  expect(csp.get('script-src'), `${what}: script-src`).toEqual(["'self'"]);
  expect(csp.get('style-src'), `${what}: style-src`).toEqual(["'self'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('img-src')).toEqual(["'self'", 'https:', 'http:', 'data:']);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  // Plain http on a LAN must keep working: nothing may be upgraded to https.
  expect(csp.has('upgrade-insecure-requests')).toBe(false);
  // Style attributes only (KaTeX's layout, the sanitizer's safe subset); never script, never style elements.
  expect(csp.get('style-src-attr'), `${what}: style-src-attr`).toEqual(["'unsafe-inline'"]);
  for (const [name, sources] of csp) {
    if (name !== 'style-src-attr') expect(sources.join(' '), `${what}: ${name}`).not.toMatch(/unsafe-(inline|eval)/);
  }
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  expect(res.headers.get('x-powered-by'), what).toBeNull();
}

describe('security headers', () => {
  let server: TestServer;
  let client: FakeClientDir;
  let deck: CreateDeckResponse;

  beforeAll(async () => {
    client = await fakeClientDir();
    server = await startTestServer({ clientDir: client.dir });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(async () => {
    await server.stop();
    await client.remove();
  });

  it('are on every page', async () => {
    for (const path of ['/', `/d/${deck.deck.id}`, `/d/${deck.deck.id}/remote`]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expectSecurityHeaders(res, path);
    }
  });

  it('are on API answers and on errors in the error shape', async () => {
    const answers: [string, Response][] = [
      ['GET deck', await fetch(`${server.url}/api/decks/${deck.deck.id}`)],
      [
        'created',
        await fetch(`${server.url}/api/decks`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ markdown: '# x' }),
        }),
      ],
      ['404', await fetch(`${server.url}/nowhere`)],
      ['405', await fetch(`${server.url}/api/decks/${deck.deck.id}`, { method: 'PATCH' })],
      ['401', await server.putSlide(deck.deck.id, 'wrong', 1)],
      ['healthz', await fetch(`${server.url}/healthz`)],
    ];
    for (const [what, res] of answers) {
      expectSecurityHeaders(res, what);
      await res.arrayBuffer();
    }
  });

  it('survive the event stream’s raw writeHead, next to its own headers', async () => {
    const abort = new AbortController();
    const res = await fetch(`${server.url}/api/decks/${deck.deck.id}/events`, { signal: abort.signal });
    try {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(res.headers.get('cache-control')).toMatch(/no-cache/);
      expectSecurityHeaders(res, 'events');
    } finally {
      abort.abort();
    }
  });
});
