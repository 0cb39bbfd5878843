import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import type { ReactionName } from '../../../shared/room-protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { eventually } from '../../support/sse-client.js';
import { ReactionStreamClient } from './reaction-stream.js';

describe.each(DRIVERS)('reactions (%s)', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  const react = (reaction: unknown, headers: Record<string, string> = {}, deckId = deck.deck.id) =>
    fetch(`${server.url}/api/decks/${deckId}/reactions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ reaction }),
    });

  beforeAll(async () => {
    server = await startTestServer({ driver });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('aggregates taps: far fewer reactions events than taps, and the right totals', async () => {
    const stream = new ReactionStreamClient(`${server.url}/api/decks/${deck.deck.id}/events`);
    try {
      await eventually(() => stream.open, 5000, 'the stream to open');
      const taps: ReactionName[] = [];
      for (let i = 0; i < 60; i += 1) taps.push('applause');
      for (let i = 0; i < 40; i += 1) taps.push('heart');
      // No cookie: each tap is a new viewer, as in a hall; all from one address.
      const answers = await Promise.all(taps.map((name) => react(name)));
      for (const res of answers) {
        expect(res.status).toBe(202);
        expect(await res.text()).toMatch(/^(\{\})?$/);
      }
      await eventually(
        () => stream.latest?.counts.applause === 60 && stream.latest.counts.heart === 40,
        5000,
        'the totals on the stream',
      );
      expect(stream.events.length).toBeLessThan(taps.length / 4);
      const recent = stream.events.reduce(
        (sum, event) => sum + Object.values(event.recent).reduce((a, b) => a + b, 0),
        0,
      );
      expect(recent).toBeLessThanOrEqual(100);
      const versions = stream.events.map((event) => event.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(stream.latest?.version).toBe(100);
    } finally {
      stream.close();
    }
  });

  it('answers 429 with Retry-After to a flooding viewer, and still takes another viewer behind the same address', async () => {
    const first = await react('wow');
    expect(first.status).toBe(202);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^podium_viewer=/);
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i += 1) {
      const res = await react('wow', { Cookie: cookie });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(202);
    }
    if (!limited) throw new Error('a viewer sending 40 reactions at once was never limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expectError(limited, 429, 'rate_limited');
    expect((await react('wow')).status).toBe(202);
  });

  it('refuses names outside the list (422), malformed bodies (400), non-JSON (415) and unknown decks (404)', async () => {
    const unknown = await expectError(await react('boo'), 422, 'invalid_reaction');
    for (const name of ['applause', 'heart', 'laugh', 'wow', 'thumbs_up', 'question']) {
      expect(unknown.error.message).toContain(name);
    }
    await expectError(await react('Applause'), 422, 'invalid_reaction');
    await expectError(await react(5), 400, 'invalid_body');
    const url = `${server.url}/api/decks/${deck.deck.id}/reactions`;
    const post = (body: string, type: string) =>
      fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body });
    await expectError(await post('{"reaction":', 'application/json'), 400, 'malformed_json');
    await expectError(await post('{}', 'application/json'), 400, 'invalid_body');
    await expectError(await post('applause', 'text/plain'), 415, 'unsupported_media_type');
    await expectError(await react('heart', {}, 'nosuchdeck'), 404, 'not_found');
  });
});
