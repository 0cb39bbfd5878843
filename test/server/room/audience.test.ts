import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import type { AudienceResponse } from '../../../shared/room-protocol.js';
import { createScratchDatabase, DRIVERS, TEST_DATABASE_URL, type ScratchDatabase } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { eventually } from '../../support/sse-client.js';

/** An open audience stream (a raw fetch): `close` aborts it, as a viewer closing its page. */
interface OpenStream {
  close(): void;
}

async function openStream(server: TestServer, deckId: string): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/api/decks/${deckId}/events`, { signal: abort.signal });
  expect(res.status).toBe(200);
  // Read the stream as a page does: a body nobody reads may be collected, closing the stream.
  void res.body?.pipeTo(new WritableStream()).catch(() => undefined);
  return { close: () => abort.abort() };
}

async function audience(server: TestServer, deckId: string, key: string): Promise<AudienceResponse> {
  const res = await fetch(`${server.url}/api/decks/${deckId}/audience`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return (await res.json()) as AudienceResponse;
}

/** Waits until the deck's audience, as `server` reports it, has `viewers` viewers. */
async function untilViewers(server: TestServer, deck: CreateDeckResponse, viewers: number, timeoutMs = 10_000) {
  let last: AudienceResponse | undefined;
  await eventually(
    async () => {
      last = await audience(server, deck.deck.id, deck.presenterKey);
      return last.viewers === viewers;
    },
    timeoutMs,
    `${viewers} viewers`,
  ).catch((err: unknown) => {
    throw new Error(`${String(err)}; last answer ${JSON.stringify(last)}`);
  });
}

describe.each(DRIVERS)('audience counts, one process (%s)', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  const streams: OpenStream[] = [];

  beforeAll(async () => {
    server = await startTestServer({ driver });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('needs the presenter key (401) of a deck that exists (404)', async () => {
    const url = `${server.url}/api/decks/${deck.deck.id}/audience`;
    await expectError(await fetch(url), 401, 'missing_key');
    await expectError(await fetch(url, { headers: { Authorization: 'Bearer wrong' } }), 401, 'invalid_key');
    const other = await server.createDeck(SAMPLE_DECK);
    await expectError(
      await fetch(url, { headers: { Authorization: `Bearer ${other.presenterKey}` } }),
      401,
      'invalid_key',
    );
    await expectError(
      await fetch(`${server.url}/api/decks/nosuchdeck/audience`, {
        headers: { Authorization: `Bearer ${deck.presenterKey}` },
      }),
      404,
      'not_found',
    );
  });

  it('counts open streams, drops a viewer that left, and totals the reactions', async () => {
    expect(await audience(server, deck.deck.id, deck.presenterKey)).toEqual({
      viewers: 0,
      live: 0,
      browsing: 0,
      reactions: {},
    });
    streams.push(await openStream(server, deck.deck.id), await openStream(server, deck.deck.id));
    await untilViewers(server, deck, 2);
    streams.pop()?.close();
    await untilViewers(server, deck, 1);
    const post = (reaction: string) =>
      fetch(`${server.url}/api/decks/${deck.deck.id}/reactions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reaction }),
      });
    for (const name of ['laugh', 'laugh', 'question']) expect((await post(name)).status).toBe(202);
    await eventually(
      async () => {
        const answer = await audience(server, deck.deck.id, deck.presenterKey);
        return answer.reactions.laugh === 2 && answer.reactions.question === 1;
      },
      5000,
      'the reaction totals',
    );
    const answer = await audience(server, deck.deck.id, deck.presenterKey);
    expect(answer).toMatchObject({ viewers: 1, live: 1, browsing: 0 });
  });

  it('counts a viewer that reported browsing as browsing until it is back on the live slide', async () => {
    await untilViewers(server, deck, 0);
    const report = (live: unknown, cookie = '', deckId = deck.deck.id) =>
      fetch(`${server.url}/api/decks/${deckId}/presence`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify({ live }),
      });
    const first = await report(false);
    expect(first.status).toBe(204);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // Nobody is watching: a report alone counts no one.
    expect(await audience(server, deck.deck.id, deck.presenterKey)).toMatchObject({ viewers: 0, live: 0, browsing: 0 });
    streams.push(await openStream(server, deck.deck.id), await openStream(server, deck.deck.id));
    await untilViewers(server, deck, 2);
    expect(await audience(server, deck.deck.id, deck.presenterKey)).toMatchObject({ viewers: 2, live: 1, browsing: 1 });
    expect((await report(true, cookie)).status).toBe(204);
    expect(await audience(server, deck.deck.id, deck.presenterKey)).toMatchObject({ viewers: 2, live: 2, browsing: 0 });
    await expectError(await report('no', cookie), 400, 'invalid_body');
    await expectError(await report(false, cookie, 'nosuchdeck'), 404, 'not_found');
  });

  it("ignores a process's rows once they stop being refreshed (a process that died)", async () => {
    await untilViewers(server, deck, 0);
    // A row as a process that died would leave it: never refreshed again.
    await server.db.query(
      `INSERT INTO deck_presence (process_id, deck_id, viewers, live, browsing) VALUES ('gone', $1, 5, 5, 0)`,
      [deck.deck.id],
    );
    expect((await audience(server, deck.deck.id, deck.presenterKey)).viewers).toBe(5);
    await untilViewers(server, deck, 0, 12_000);
  }, 20_000);
});

describe.skipIf(!TEST_DATABASE_URL)('audience counts, two processes on one Postgres', () => {
  let shared: ScratchDatabase;
  let one: TestServer;
  let two: TestServer;
  let deck: CreateDeckResponse;

  beforeAll(async () => {
    shared = await createScratchDatabase();
    one = await startTestServer({ driver: 'postgres', shared });
    two = await startTestServer({ driver: 'postgres', shared });
    deck = await one.createDeck(SAMPLE_DECK);
  });
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    await shared?.drop();
  });

  it('totals the streams of both, loses a closed viewer within seconds, and a stopped process at once', async () => {
    const onOne = [await openStream(one, deck.deck.id), await openStream(one, deck.deck.id)];
    const onTwo = [await openStream(two, deck.deck.id), await openStream(two, deck.deck.id)];
    await untilViewers(one, deck, 4);
    await untilViewers(two, deck, 4);
    onTwo[0]?.close();
    await untilViewers(one, deck, 3);
    onOne[0]?.close();
    await untilViewers(two, deck, 2);
    await two.stop();
    // A clean stop removes its rows: what is left is process one's own viewer.
    expect((await audience(one, deck.deck.id, deck.presenterKey)).viewers).toBe(1);
    for (const stream of [...onOne, ...onTwo]) stream.close();
    await untilViewers(one, deck, 0);
  }, 30_000);
});
