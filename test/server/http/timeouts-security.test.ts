import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, ErrorBody } from '../../../shared/protocol.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { RawClient, sleep } from './security-fixtures.js';

const HEADERS_TIMEOUT_MS = 600;
const REQUEST_TIMEOUT_MS = 1200;
/** Generous bound for "was closed": timeout plus the server's check interval plus slack. */
const CLOSE_WITHIN_MS = 6000;

function expectErrorAnswer(client: RawClient, status: number, code: string): void {
  expect(client.text).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  expect(client.text).toMatch(/content-type: application\/json/i);
  expect((client.jsonBody() as ErrorBody).error.code).toBe(code);
}

describe('slow and malformed clients', () => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  const clients: RawClient[] = [];
  const connect = () => {
    const client = new RawClient(server.url);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({
      headersTimeoutMs: HEADERS_TIMEOUT_MS,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      heartbeatMs: 200,
    });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('closes a slow-loris client that never finishes its headers, with a 408 in the error shape', async () => {
    const client = connect();
    client.send(`GET /api/decks/${deck.deck.id} HTTP/1.1\r\nHost: localhost\r\n`);
    const drip = setInterval(() => client.send(`X-Drip-${Date.now()}: x\r\n`), 100);
    try {
      await client.waitClosed(CLOSE_WITHIN_MS);
    } finally {
      clearInterval(drip);
    }
    expectErrorAnswer(client, 408, 'request_timeout');
  });

  it('cuts off a PUT whose body never arrives, with a 408, and changes nothing', async () => {
    const client = connect();
    const body = JSON.stringify({ index: 2 });
    client.send(
      `PUT /api/decks/${deck.deck.id}/slide HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${deck.presenterKey}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    await client.waitClosed(CLOSE_WITHIN_MS);
    expectErrorAnswer(client, 408, 'request_timeout');
    const state = (await (await fetch(`${server.url}/api/decks/${deck.deck.id}`)).json()) as { index: number };
    expect(state.index).toBe(0);
  });

  it('keeps an event stream open well past the request timeout', async () => {
    const client = connect();
    client.send(
      `GET /api/decks/${deck.deck.id}/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n`,
    );
    await sleep(REQUEST_TIMEOUT_MS * 2);
    expect(client.isClosed).toBe(false);
    expect(client.text).toMatch(/^HTTP\/1\.1 200 /);
    expect(client.text).toContain('event: slide');
    expect(client.text).toContain(': heartbeat');
    client.destroy();
  });

  it('answers malformed HTTP with a 400 and oversized headers with a 431, in the error shape', async () => {
    const malformed = connect();
    malformed.send('GET /\x00 HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await malformed.waitClosed(CLOSE_WITHIN_MS);
    expectErrorAnswer(malformed, 400, 'bad_request');

    const huge = connect();
    huge.send(`GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    await huge.waitClosed(CLOSE_WITHIN_MS);
    expectErrorAnswer(huge, 431, 'headers_too_large');
  });

  it('still answers normal requests afterwards', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
