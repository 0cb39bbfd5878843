import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { STATE_COLUMNS } from '../../../server/store/deck-rows.js';
import { DRIVERS } from '../../support/databases.js';
import { fetchState, SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { eventually, SlideStreamClient } from '../../support/sse-client.js';

describe.each(DRIVERS)('opening streams from memory on %s', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  let stateReads = 0;
  const clients: SlideStreamClient[] = [];
  const open = () => {
    const client = new SlideStreamClient(`${server.url}/api/decks/${deck.deck.id}/events`);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ driver });
    deck = await server.createDeck(SAMPLE_DECK);
    // Counts the reads of slide states (the query behind a stream's first state) on the real database;
    // the room snapshot's own reads (questions, polls, questions on screen) are other queries.
    const query = server.db.query.bind(server.db);
    server.db.query = <Row>(sql: string, params?: readonly unknown[]) => {
      if (sql.startsWith(`SELECT ${STATE_COLUMNS} FROM decks WHERE id = ANY`)) stateReads += 1;
      return query<Row>(sql, params);
    };
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.stop();
  });

  it('reads a deck state once, then serves every later open (and later changes) from memory', async () => {
    await open().waitForVersion(1);
    const readsAfterFirst = stateReads;
    expect(readsAfterFirst).toBe(1); // the counter sees the state query
    const more = Array.from({ length: 20 }, open);
    await Promise.all(more.map((client) => client.waitForVersion(1)));
    expect((await server.putSlide(deck.deck.id, deck.presenterKey, 1)).status).toBe(200);
    await Promise.all(more.map((client) => client.waitForVersion(2)));
    const late = open();
    await late.waitForVersion(2);
    expect(stateReads).toBe(readsAfterFirst);
  });

  it('brings every stream opened while changes land to the last version', async () => {
    const streams: SlideStreamClient[] = [];
    let index = 1;
    for (let round = 0; round < 10; round += 1) {
      streams.push(open(), open(), open());
      index = (index + 1) % 3;
      expect((await server.putSlide(deck.deck.id, deck.presenterKey, index)).status).toBe(200);
    }
    const final = (await fetchState(server.url, deck.deck.id)).version;
    await eventually(
      () => streams.every((s) => s.latest?.version === final),
      10_000,
      'every stream on the last version',
    );
    for (const stream of streams) {
      const versions = stream.events.map((e) => e.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
    }
  });
});
