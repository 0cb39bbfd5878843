import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, CreateKeyResponse } from '../../../shared/protocol.js';
import { LOG_REDACT_PATHS } from '../../../server/security/log-redaction.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

const ADMIN_TOKEN = 'admin-secret-for-log-test-42';

/** A pino logger at `trace` that keeps every line, configured like the real one. */
function capturingLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return pino({ level: 'trace', redact: LOG_REDACT_PATHS }, sink);
}

describe('keys never reach the logs', () => {
  const lines: string[] = [];
  let server: TestServer;
  let deck: CreateDeckResponse;
  let minted: CreateKeyResponse;

  beforeAll(async () => {
    server = await startTestServer({ adminToken: ADMIN_TOKEN, logger: capturingLogger(lines) });
    const res = await fetch(`${server.url}/api/decks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ markdown: SAMPLE_DECK }),
    });
    deck = (await res.json()) as CreateDeckResponse;
    const bearer = { Authorization: `Bearer ${deck.presenterKey}` };
    minted = (await (
      await fetch(`${server.url}/api/decks/${deck.deck.id}/keys`, { method: 'POST', headers: bearer })
    ).json()) as CreateKeyResponse;
    await server.putSlide(deck.deck.id, deck.presenterKey, 1);
    await server.putSlide(deck.deck.id, minted.presenterKey, 2);
    await server.putSlide(deck.deck.id, deck.presenterKey, 99);
    await fetch(`${server.url}/api/decks/${deck.deck.id}/presenter`, { headers: bearer });
    await fetch(`${server.url}/api/decks/${deck.deck.id}/keys`, { headers: bearer });
    await fetch(`${server.url}/api/decks/${deck.deck.id}/keys/${minted.id}`, { method: 'DELETE', headers: bearer });
    await server.putSlide(deck.deck.id, minted.presenterKey, 0);
    await fetch(`${server.url}/api/decks/${deck.deck.id}/slide?key=${deck.presenterKey}`, { method: 'PUT' });
  });
  afterAll(() => server.stop());

  it('logs each request by method and path, and no key, token or query anywhere', () => {
    const requests = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(9);
    expect(requests.map((entry) => `${String(entry.method)} ${String(entry.status)}`)).toContain('PUT 401');
    const all = lines.join('\n');
    for (const secret of [deck.presenterKey, minted.presenterKey, ADMIN_TOKEN]) expect(all).not.toContain(secret);
    expect(all).not.toContain('?key=');
  });

  it('redacts Authorization when a request’s headers are logged anyway', () => {
    const own: string[] = [];
    capturingLogger(own).info(
      { req: { headers: { authorization: `Bearer ${deck.presenterKey}` } }, presenterKey: deck.presenterKey },
      'oops',
    );
    expect(own.join('\n')).not.toContain(deck.presenterKey);
    expect(own.join('\n')).toContain('[Redacted]');
  });
});
