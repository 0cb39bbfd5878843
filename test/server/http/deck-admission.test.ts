import { afterEach, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { codeDeck, notesDeck } from '../../support/hostile-decks.js';
import { SAMPLE_DECK, startTestServer, type TestServer, type TestServerOptions } from '../../support/server.js';
import { SlideStreamClient } from '../../support/sse-client.js';

describe.each(DRIVERS)('deck creation by cost (%s)', (driver) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const start = async (options: TestServerOptions) => {
    // Behind a trusted proxy each request can speak from its own client address.
    server = await startTestServer({ driver, trustProxy: true, ...options });
    return server;
  };
  const create = (podium: TestServer, address: string, markdown: string, headers: Record<string, string> = {}) =>
    fetch(`${podium.url}/api/decks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address, ...headers },
      body: JSON.stringify({ markdown }),
    });
  const retryAfter = (res: Response) => Number(res.headers.get('retry-after'));

  it('counts decks per address per day: the next one is 429 quota_exceeded with Retry-After; another address is not counted', async () => {
    const podium = await start({ decksPerAddressPerDay: 2 });
    expect((await create(podium, '10.0.0.1', SAMPLE_DECK)).status).toBe(201);
    expect((await create(podium, '10.0.0.1', SAMPLE_DECK)).status).toBe(201);
    const refused = await create(podium, '10.0.0.1', SAMPLE_DECK);
    expect(retryAfter(refused)).toBeGreaterThan(3000); // the oldest hour leaves the window in about a day
    expect((await expectError(refused, 429, 'quota_exceeded')).error.message).toMatch(/2 decks/);
    expect((await create(podium, '10.0.0.2', SAMPLE_DECK)).status).toBe(201);
  });

  it('counts bytes per address per day, this upload included', async () => {
    const podium = await start({ deckMbPerAddressPerDay: 100 / 1024 }); // 100 KiB
    expect((await create(podium, '10.0.0.3', notesDeck(60, 'a'))).status).toBe(201);
    const refused = await create(podium, '10.0.0.3', notesDeck(60, 'b'));
    expect((await expectError(refused, 429, 'quota_exceeded')).error.message).toMatch(/MiB/);
    expect((await create(podium, '10.0.0.3', notesDeck(20, 'c'))).status).toBe(201);
    expect((await create(podium, '10.0.0.4', notesDeck(60, 'd'))).status).toBe(201);
  });

  it('counts render time per address: after a costly deck the address is refused, even a cheap deck', async () => {
    const podium = await start({ renderSecondsPerAddressPerDay: 0.05 });
    expect((await create(podium, '10.0.0.5', codeDeck(200))).status).toBe(201);
    const refused = await create(podium, '10.0.0.5', SAMPLE_DECK);
    expect((await expectError(refused, 429, 'quota_exceeded')).error.message).toMatch(/preparation/);
    expect((await create(podium, '10.0.0.6', SAMPLE_DECK)).status).toBe(201);
  });

  it('applies no per-address quota when an admin token guards creation', async () => {
    const podium = await start({ adminToken: 'admin-secret', decksPerAddressPerDay: 1 });
    const auth = { Authorization: 'Bearer admin-secret' };
    expect((await create(podium, '10.0.0.7', SAMPLE_DECK, auth)).status).toBe(201);
    expect((await create(podium, '10.0.0.7', SAMPLE_DECK, auth)).status).toBe(201);
  });

  it('lets one address prepare 3 decks at once, asks a 4th to wait; with the admin token the operator is not held to it', async () => {
    const podium = await start({ adminToken: 'admin-secret', maxRenders: 1, renderQueue: 16 });
    const auth = { Authorization: 'Bearer admin-secret' };
    // One render at a time and a costly deck each: all five are in flight together.
    const operator = await Promise.all([1, 2, 3, 4, 5].map(() => create(podium, '10.0.4.1', codeDeck(200), auth)));
    expect(operator.map((res) => res.status)).toEqual([201, 201, 201, 201, 201]);
  });

  it('refuses a 4th deck in flight from one address with 429 and Retry-After while its others are prepared', async () => {
    const podium = await start({ maxRenders: 1, renderQueue: 16 });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => create(podium, '10.0.4.2', codeDeck(200))));
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    for (const res of answers.filter((answer) => answer.status !== 201)) {
      expect(retryAfter(res)).toBeGreaterThanOrEqual(1);
      expect((await expectError(res, 429, 'rate_limited')).error.message).toMatch(/still being prepared/);
    }
    expect((await create(podium, '10.0.4.2', SAMPLE_DECK)).status).toBe(201);
  });

  it('answers 507 storage_full once the storage budget is used, and makes room again when a deck is deleted', async () => {
    const podium = await start({ storageMb: 300 / 1024 }); // 300 KiB
    const decks: CreateDeckResponse[] = [];
    let res = await create(podium, `10.0.1.0`, notesDeck(100, '0'));
    for (let i = 1; res.status === 201 && i < 20; i += 1) {
      decks.push((await res.json()) as CreateDeckResponse);
      res = await create(podium, `10.0.1.${i}`, notesDeck(100, String(i)));
    }
    expect(decks.length).toBeGreaterThanOrEqual(1);
    expect((await expectError(res, 507, 'storage_full')).error.message).toMatch(/storage budget/);
    const first = decks[0]!;
    const deleted = await fetch(`${podium.url}/api/decks/${first.deck.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${first.presenterKey}` },
    });
    expect(deleted.status).toBe(204);
    expect((await create(podium, '10.0.2.1', notesDeck(100, 'again'))).status).toBe(201);
  });

  it('bounds renders at once: a flood of costly decks gets 503 server_busy with Retry-After, while a live talk keeps every change in order', async () => {
    const podium = await start({ maxRenders: 1, renderQueue: 1 });
    const talk = await podium.createDeck(SAMPLE_DECK);
    const stream = new SlideStreamClient(`${podium.url}/api/decks/${talk.deck.id}/events`);
    try {
      await stream.waitForVersion(1, 20_000);
      const heavy = codeDeck(400);
      // Three addresses send two costly decks each: one renders, one waits, the rest are refused.
      const flood = ['10.0.3.1', '10.0.3.2', '10.0.3.3'].flatMap((address) => [
        create(podium, address, heavy),
        create(podium, address, heavy),
      ]);
      for (let i = 1; i <= 6; i += 1) {
        expect((await podium.putSlide(talk.deck.id, talk.presenterKey, i % 3)).status).toBe(200);
      }
      const answers = await Promise.all(flood);
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
      const busy = answers.filter((res) => res.status === 503);
      expect(busy.length).toBeGreaterThanOrEqual(1);
      for (const res of busy) {
        expect(retryAfter(res)).toBeGreaterThanOrEqual(1);
        await expectError(res, 503, 'server_busy');
      }
      expect(statuses.every((status) => [201, 503].includes(status))).toBe(true);
      await stream.waitForVersion(7, 20_000);
      // In order and ending on the last version; a burst may be coalesced (latest wins), never reordered.
      const versions = stream.events.map((event) => event.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(new Set(versions).size).toBe(versions.length);
      expect(versions.at(-1)).toBe(7);
    } finally {
      stream.close();
    }
  });
});
