import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, ErrorBody } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

/** A raw request with any method and headers (fetch refuses some); resolves with status, headers and body. */
function raw(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
  agent?: Agent,
) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    let answered = false;
    const req = request({ hostname, port, method, path, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      answered = true;
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.setTimeout(5000, () => req.destroy(new Error('no answer within 5 s')));
    req.on('error', (err) => (answered ? undefined : reject(err)));
    req.end(body);
  });
}

function errorCode(body: string): string {
  return (JSON.parse(body) as ErrorBody).error.code;
}

describe.each(DRIVERS)('hostile input the fuzz found, on %s', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;

  beforeAll(async () => {
    server = await startTestServer({ driver });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(() => server.stop());

  it('answers an index too big for a database integer with 422, not 500', async () => {
    for (const index of [2 ** 31, 8712304813177495, Number.MAX_SAFE_INTEGER]) {
      const res = await server.putSlide(deck.deck.id, deck.presenterKey, index);
      expect(res.status).toBe(422);
      expect(((await res.json()) as ErrorBody).error.message).toContain('this deck has 3 slides');
    }
    const res = await fetch(`${server.url}/api/decks/${deck.deck.id}`);
    expect(((await res.json()) as { version: number }).version).toBe(1);
  });

  it('answers HEAD on the event stream with its headers and ends it, instead of holding the connection', async () => {
    const answer = await raw(server.url, 'HEAD', `/api/decks/${deck.deck.id}/events`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/event-stream/);
    expect((await raw(server.url, 'HEAD', '/api/decks/nosuchdk/events')).status).toBe(404);
  });

  it('answers a method the router does not know with 405 in the error shape, never 501', async () => {
    for (const method of ['PROPFIND', 'PURGE', 'SEARCH']) {
      const answer = await raw(server.url, method, `/api/decks/${deck.deck.id}`);
      expect(answer.status).toBe(405);
      expect(errorCode(answer.body)).toBe('method_not_allowed');
    }
  });

  it('refuses to build links from a Host header that is not a host', async () => {
    const answer = await raw(
      server.url,
      'POST',
      '/api/decks',
      { Host: 'a b<script>', 'Content-Type': 'application/json' },
      JSON.stringify({ markdown: '# hi' }),
    );
    expect(answer.status).toBe(400);
    expect(errorCode(answer.body)).toBe('bad_request');
    const minted = await raw(server.url, 'POST', `/api/decks/${deck.deck.id}/keys`, {
      Host: 'a b',
      Authorization: `Bearer ${deck.presenterKey}`,
    });
    expect(minted.status).toBe(400);
    // Nothing was written for either refused request.
    expect(await server.store.keys.list(deck.deck.id)).toHaveLength(1);
  });

  it('answers the next request on a connection whose chunked body was cut off at the limit', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = JSON.stringify({ index: 1, pad: 'x'.repeat(256 * 1024) });
      const cut = await raw(
        server.url,
        'PUT',
        `/api/decks/${deck.deck.id}/slide`,
        {
          Authorization: `Bearer ${deck.presenterKey}`,
          'Content-Type': 'application/json',
          'Transfer-Encoding': 'chunked',
        },
        big,
        agent,
      );
      expect(cut.status).toBe(413);
      expect(cut.headers.connection).toBe('close');
      expect((await raw(server.url, 'GET', '/healthz', {}, undefined, agent)).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
