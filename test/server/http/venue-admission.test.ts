import { request, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, ErrorBody } from '../../../shared/protocol.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

/** Opens a raw event stream (no keep-alive pool); resolves with the status and Retry-After once the head arrives. */
function openStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; retryAfter: string | undefined; body: () => Promise<string>; req: ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      const done = new Promise<string>((ok) => res.on('end', () => ok(Buffer.concat(chunks).toString())));
      res.on('data', (chunk: Buffer) => chunks.length < 4 && chunks.push(chunk));
      const retry = res.headers['retry-after'];
      resolve({ status: res.statusCode ?? 0, retryAfter: retry, body: () => done, req });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('admission of a hall behind one address', () => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  const held: ClientRequest[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(async () => {
    for (const req of held) req.destroy();
    await server.stop();
  });

  it('admits 5,000 event streams from one address with the default settings', async () => {
    const url = `${server.url}/api/decks/${deck.deck.id}/events`;
    const statuses = new Map<number, number>();
    // In waves, so the test's own client does not trip over its socket backlog.
    for (let wave = 0; wave < 10; wave += 1) {
      const answers = await Promise.all(Array.from({ length: 500 }, () => openStream(url)));
      for (const answer of answers) {
        held.push(answer.req);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: 5000 });
    expect(server.hub.size).toBeGreaterThanOrEqual(5000);
  }, 120_000);
});

describe('the stream-open rate per address', () => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  const held: ClientRequest[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      trustProxy: 1,
      limits: { streamOpensPerAddress: { perSecond: 0.001, burst: 3 }, streamRetryAfterS: 7, maxStreams: 6 },
    });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(async () => {
    for (const req of held) req.destroy();
    await server.stop();
  });

  it('refuses a burst beyond its budget with 429 and Retry-After; other addresses still get in', async () => {
    const url = `${server.url}/api/decks/${deck.deck.id}/events`;
    const from = (ip: string) => ({ 'X-Forwarded-For': ip });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      const answer = await openStream(url, from('10.1.0.1'));
      held.push(answer.req);
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await openStream(url, from('10.1.0.1'));
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((JSON.parse(await refused.body()) as ErrorBody).error.code).toBe('rate_limited');
    // A client's own X-Forwarded-For is left of the proxy's hop and changes nothing.
    const spoofed = await openStream(url, from('192.0.2.50, 10.1.0.1'));
    expect(spoofed.status).toBe(429);
    const other = await openStream(url, from('10.1.0.2'));
    held.push(other.req);
    expect(other.status).toBe(200);
  });

  it('answers a full process with 503 too_many_streams, the configured Retry-After and a plain message', async () => {
    const url = `${server.url}/api/decks/${deck.deck.id}/events`;
    for (let i = 0; i < 2; i += 1) held.push((await openStream(url, { 'X-Forwarded-For': `10.2.0.${i}` })).req);
    const refused = await openStream(url, { 'X-Forwarded-For': '10.2.0.9' });
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('7');
    const body = JSON.parse(await refused.body()) as ErrorBody;
    expect(body.error).toMatchObject({ code: 'too_many_streams', message: expect.stringMatching(/full.*7 s/) });
  });
});
