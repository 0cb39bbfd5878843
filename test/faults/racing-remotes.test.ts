import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, SetSlideResponse } from '../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../server/security/limits.js';
import { DRIVERS } from '../support/databases.js';
import { fetchState, startTestServer, type TestServer } from '../support/server.js';
import { SlideStreamClient } from '../support/sse-client.js';
import { checkHistory } from './fault-kit.js';

const SLIDES = 10;
const TEN_SLIDES = Array.from({ length: SLIDES }, (_, i) => `# Slide ${i + 1}`).join('\n---\n');

async function slideChanges(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^podium_slide_changes_total (\d+)/m.exec(text)?.[1] ?? NaN);
}

describe.each(DRIVERS)('racing remotes on %s', (driver) => {
  let server: TestServer;
  let deck: { id: string; key: string };
  let clients: SlideStreamClient[];
  /** Every committed state seen so far, by version. */
  const committed = new Map<number, number>();

  beforeAll(async () => {
    server = await startTestServer({ driver, limits: NO_RATE_LIMITS });
    const created = await server.createDeck(TEN_SLIDES);
    deck = { id: created.deck.id, key: created.presenterKey };
    committed.set(1, 0);
    clients = Array.from({ length: 3 }, () => new SlideStreamClient(`${server.url}/api/decks/${deck.id}/events`));
    await Promise.all(clients.map((c) => c.waitForVersion(1)));
  });
  afterAll(async () => {
    for (const client of clients ?? []) client.close();
    await server?.stop();
  });

  it('200 concurrent PUTs: versions rise by exactly 1 per change, none is lost, every event is a committed state', async () => {
    const start = await fetchState(server.url, deck.id);
    const changesBefore = await slideChanges(server.url);
    const answers = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const res = await server.putSlide(deck.id, deck.key, Math.floor(Math.random() * SLIDES));
        expect(res.status).toBe(200);
        return (await res.json()) as SetSlideResponse;
      }),
    );
    for (const answer of answers) {
      const index = committed.get(answer.version);
      if (index !== undefined) expect(index, `version ${answer.version} answered with two indexes`).toBe(answer.index);
      committed.set(answer.version, answer.index);
    }
    const end = await fetchState(server.url, deck.id);
    const changes = end.version - start.version;
    expect(changes).toBeGreaterThan(100);
    // Each change was answered to the PUT that made it, and counted once.
    for (let version = start.version + 1; version <= end.version; version += 1)
      expect(committed.has(version)).toBe(true);
    expect(committed.get(end.version)).toBe(end.index);
    expect((await slideChanges(server.url)) - changesBefore).toBe(changes);
    for (const client of clients) {
      await client.waitForVersion(end.version);
      expect(client.events.every((event) => committed.has(event.version))).toBe(true);
      expect(checkHistory(client.events, committed)).toBeNull();
      expect(client.errors).toBe(0);
    }
  });

  it('with If-Match, exactly one of 8 racing PUTs wins, the other 7 get 412 with the winning state', async () => {
    for (let round = 0; round < 10; round += 1) {
      const state = await fetchState(server.url, deck.id);
      const targets = Array.from({ length: SLIDES }, (_, i) => i)
        .filter((i) => i !== state.index)
        .slice(0, 8);
      const results = await Promise.all(
        targets.map(async (index) => {
          const res = await server.putSlide(deck.id, deck.key, index, state.version);
          return { status: res.status, body: (await res.json()) as SetSlideResponse & ErrorBody };
        }),
      );
      const winners = results.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      const winner = winners[0]!.body;
      expect(winner.version).toBe(state.version + 1);
      committed.set(winner.version, winner.index);
      for (const loser of results.filter((r) => r.status !== 200)) {
        expect(loser.status).toBe(412);
        expect(loser.body.error.code).toBe('version_mismatch');
        expect(loser.body.current).toEqual({ index: winner.index, step: 0, version: winner.version });
      }
    }
    const end = await fetchState(server.url, deck.id);
    for (const client of clients) {
      await client.waitForVersion(end.version);
      expect(client.events.every((event) => committed.has(event.version))).toBe(true);
      expect(checkHistory(client.events, committed)).toBeNull();
    }
  });
});
