import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import type { PollEventData } from '../../../shared/room-protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { EventRecorder, Viewer } from '../../support/room-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { eventually } from '../../support/sse-client.js';
import { POLL_DECK } from './room-fixtures.js';

describe.each(DRIVERS)('polls API on %s', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  const votes = () => `/api/decks/${deck.deck.id}/polls/s1p1/votes`;

  beforeAll(async () => {
    server = await startTestServer({ driver, limits: NO_RATE_LIMITS });
    deck = await server.createDeck(POLL_DECK);
  });
  afterAll(() => server.stop());

  it('renders the poll as a voting card in the slide', () => {
    expect(deck.deck.slides[1]?.html).toContain('data-poll="s1p1"');
  });

  it('answers the contract errors', async () => {
    const viewer = new Viewer(server.url);
    expect((await viewer.request('POST', votes(), { option: 2 })).status).toBe(202);
    for (const option of [3, -1, 1.5, '1', null]) {
      await expectError(await viewer.request('POST', votes(), { option }), 422, 'invalid_option');
    }
    await expectError(await viewer.request('POST', votes(), [1]), 400, 'invalid_body');
    const unknown = (pollId: string) =>
      viewer.request('POST', `/api/decks/${deck.deck.id}/polls/${pollId}/votes`, { option: 0 });
    await expectError(await unknown('s1p2'), 404, 'not_found');
    await expectError(await unknown('s0p1'), 404, 'not_found');
    await expectError(await unknown('nonsense'), 404, 'not_found');
    await expectError(
      await viewer.request('POST', '/api/decks/nosuchdk/polls/s1p1/votes', { option: 0 }),
      404,
      'not_found',
    );
    const raw = await fetch(`${server.url}${votes()}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '1',
    });
    await expectError(raw, 415, 'unsupported_media_type');
    const broken = await fetch(`${server.url}${votes()}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    });
    await expectError(broken, 400, 'malformed_json');
  });

  it('counts each viewer once, by its newest vote, after a storm of changed votes', async () => {
    const other = await server.createDeck(POLL_DECK);
    const path = `/api/decks/${other.deck.id}/polls/s1p1/votes`;
    const events = new EventRecorder(`${server.url}/api/decks/${other.deck.id}/events`, ['slide', 'poll']);
    try {
      await eventually(() => events.data('slide').length > 0, 5000, 'the stream to open');
      const viewers = Array.from({ length: 40 }, () => new Viewer(server.url));
      const expected = [0, 0, 0];
      let cast = 0;
      await Promise.all(
        viewers.map(async (viewer, v) => {
          // Each viewer changes its mind a few times; only its last vote may count.
          const choices = [v % 3, (v + 1) % 3, (v * 7) % 3, (v + 2) % 3].slice(0, 1 + (v % 4));
          for (const option of choices) {
            expect((await viewer.request('POST', path, { option })).status).toBe(202);
            cast += 1;
          }
          const last = choices.at(-1) ?? 0;
          expected[last] = (expected[last] ?? 0) + 1;
        }),
      );
      const settled = (data: PollEventData) =>
        data.id === 's1p1' && data.total === viewers.length && data.counts.join() === expected.join();
      await eventually(() => events.data<PollEventData>('poll').some(settled), 5000, `poll counts ${expected.join()}`);
      const last = events.data<PollEventData>('poll').at(-1);
      expect(last).toMatchObject({ id: 's1p1', counts: expected, total: viewers.length });
      // Written in batches: far fewer tallies than votes.
      expect(last?.version ?? Infinity).toBeLessThan(cast);
    } finally {
      events.close();
    }
  });
});
