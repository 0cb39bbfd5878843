import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, ErrorBody } from '../../../shared/protocol.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { eventually } from '../../support/sse-client.js';

/** Rates that barely refill during a test, so budgets are exact counts. */
const SLOW = 0.001;

async function expectLimited(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(Number.isInteger(Number(res.headers.get('retry-after')))).toBe(true);
  expect(((await res.json()) as ErrorBody).error.code).toBe(code);
}

describe('rate limits and stream caps', () => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  // Behind a trusted proxy each test can speak from its own client address.
  const from = (address: string, headers: Record<string, string> = {}) => ({ 'X-Forwarded-For': address, ...headers });
  const put = (address: string, key: string, index: number) =>
    fetch(`${server.url}/api/decks/${deck.deck.id}/slide`, {
      method: 'PUT',
      headers: from(address, { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }),
      body: JSON.stringify({ index }),
    });
  const openStream = (address: string) => {
    const abort = new AbortController();
    const response = fetch(`${server.url}/api/decks/${deck.deck.id}/events`, {
      headers: from(address),
      signal: abort.signal,
    });
    return { response, close: () => abort.abort() };
  };

  beforeAll(async () => {
    server = await startTestServer({
      trustProxy: true,
      limits: {
        putPerKey: { perSecond: SLOW, burst: 3 },
        putPerAddress: { perSecond: SLOW, burst: 6 },
        writePerAddress: { perSecond: SLOW, burst: 2 },
        writePerKey: { perSecond: SLOW, burst: 2 },
        maxStreams: 5,
        maxStreamsPerAddress: 2,
      },
    });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(() => server.stop());

  it('limits slide changes per key (429 rate_limited, Retry-After); another key keeps going', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await put('10.0.0.1', deck.presenterKey, i % 2)).status);
    expect(statuses).toEqual([200, 200, 200]);
    await expectLimited(await put('10.0.0.2', deck.presenterKey, 0), 429, 'rate_limited');
    const minted = await server.store.keys.mint(deck.deck.id, 'second');
    const other = minted.kind === 'minted' ? minted.key : '';
    expect((await put('10.0.0.1', other, 2)).status).toBe(200);
  });

  it('limits PUTs per address whatever the key, before looking at it', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await put('10.0.1.1', `guess${i}`, 0)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    await expectLimited(await put('10.0.1.1', 'guess', 0), 429, 'rate_limited');
    // The proxy appends the real client last: a client cannot dodge the limit by faking the first hop.
    await expectLimited(await put('1.2.3.4, 10.0.1.1', 'guess', 0), 429, 'rate_limited');
    expect((await put('10.0.1.2', 'guess', 0)).status).toBe(401);
  });

  it('limits deck creation per address', async () => {
    const create = () =>
      fetch(`${server.url}/api/decks`, {
        method: 'POST',
        headers: from('10.0.2.1', { 'Content-Type': 'application/json' }),
        body: JSON.stringify({ markdown: '# hi' }),
      });
    expect([(await create()).status, (await create()).status]).toEqual([201, 201]);
    await expectLimited(await create(), 429, 'rate_limited');
  });

  it('counts an IPv6 client by its /64 network', async () => {
    const create = (address: string) =>
      fetch(`${server.url}/api/decks`, {
        method: 'POST',
        headers: from(address, { 'Content-Type': 'application/json' }),
        body: JSON.stringify({ markdown: '# hi' }),
      });
    expect((await create('2001:db8:1:2::1')).status).toBe(201);
    expect((await create('2001:db8:1:2:ffff::9')).status).toBe(201);
    await expectLimited(await create('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd'), 429, 'rate_limited');
    expect((await create('2001:db8:1:3::1')).status).toBe(201);
  });

  it('caps open streams per address (429) and per process (503), with Retry-After; a closed stream frees its slot', async () => {
    const a1 = openStream('10.0.3.1');
    const a2 = openStream('10.0.3.1');
    expect([(await a1.response).status, (await a2.response).status]).toEqual([200, 200]);
    await expectLimited(await openStream('10.0.3.1').response, 429, 'too_many_streams');

    const others = [openStream('10.0.3.2'), openStream('10.0.3.2'), openStream('10.0.3.3')];
    expect(await Promise.all(others.map(async (stream) => (await stream.response).status))).toEqual([200, 200, 200]);
    await expectLimited(await openStream('10.0.3.4').response, 503, 'too_many_streams');

    a1.close();
    await eventually(async () => (await openStream('10.0.3.1').response).status !== 429, 5000, 'slot freed');
    for (const stream of [a2, ...others]) stream.close();
  });
});
