import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceSample, TalkReport } from '../../../shared/room-protocol.js';
import { DEFAULT_SETTINGS, readConfig } from '../../../server/config.js';
import { sweepOnce } from '../../../server/deck-expiry.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { DRIVERS, TEST_DATABASE_URL } from '../../support/databases.js';
import { EventRecorder, Viewer } from '../../support/room-client.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { twoProcessesOnPostgres } from '../../support/two-processes.js';
import { eventually } from '../../support/sse-client.js';

const SAMPLE_MS = 500;
const quiet = pino({ level: 'silent' });

async function report(server: TestServer, deckId: string, key: string): Promise<TalkReport> {
  const res = await fetch(`${server.url}/api/decks/${deckId}/report`, { headers: { Authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as TalkReport;
}

/** Opens `count` audience streams of the deck and waits until each has its first event. */
async function join(url: string, deckId: string, count: number): Promise<EventRecorder[]> {
  const streams = Array.from(
    { length: count },
    () => new EventRecorder(`${url}/api/decks/${deckId}/events`, ['slide']),
  );
  await eventually(() => streams.every((s) => s.data('slide').length > 0), 5000, 'the viewers to join');
  return streams;
}

const state = (s: AudienceSample) => `${s.viewers}/${s.live}/${s.browsing}`;

describe('PODIUM_HISTORY_DAYS', () => {
  it('README states its default, and the environment reads it (0 keeps history)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith('| `PODIUM_HISTORY_DAYS` |'));
    expect(row?.split('|')[2]?.trim()).toBe(`\`${DEFAULT_SETTINGS.historyDays}\``);
    expect(readConfig({}).historyDays).toBe(DEFAULT_SETTINGS.historyDays);
    expect(readConfig({ PODIUM_HISTORY_DAYS: '0' }).historyDays).toBe(0);
    expect(() => readConfig({ PODIUM_HISTORY_DAYS: '-1' })).toThrow('PODIUM_HISTORY_DAYS');
  });
});

describe.each(DRIVERS)('the audience over time (%s)', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ driver, limits: NO_RATE_LIMITS, audienceSampleMs: SAMPLE_MS });
  });
  afterAll(() => server.stop());

  it('tells a scripted talk: three join, one browses back, two leave', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const id = created.deck.id;
    const key = created.presenterKey;
    const seen = (wanted: string) => async () =>
      (await report(server, id, key)).audience.some((s) => state(s) === wanted);
    const streams = await join(server.url, id, 3);
    try {
      await eventually(seen('3/3/0'), 10_000, 'three following');
      const browsing = await new Viewer(server.url).request('POST', `/api/decks/${id}/presence`, { live: false });
      expect(browsing.status).toBe(204);
      await eventually(seen('3/2/1'), 10_000, 'one browsing back');
      streams[0]?.close();
      streams[1]?.close();
      await eventually(seen('1/0/1'), 10_000, 'two gone');
    } finally {
      for (const stream of streams) stream.close();
    }
    const story = await report(server, id, key);
    expect(story.sampleSeconds).toBe(SAMPLE_MS / 1000);
    const times = story.audience.map((s) => Date.parse(s.at));
    for (const [i, at] of times.entries()) {
      expect(at % SAMPLE_MS).toBe(0);
      if (i > 0) expect(at).toBeGreaterThan(times[i - 1] ?? 0);
    }
    // In the order it happened: nobody was back to all following once one browsed, nor three once two left.
    const states = story.audience.map(state);
    const first = (wanted: string) => states.indexOf(wanted);
    expect(first('3/3/0')).toBeLessThan(first('3/2/1'));
    expect(first('3/2/1')).toBeLessThan(first('1/0/1'));
    expect(states.slice(first('3/2/1'))).not.toContain('3/3/0');
    expect(states.slice(first('1/0/1')).every((s) => s.startsWith('1/'))).toBe(true);

    const csv = await fetch(`${server.url}/api/decks/${id}/report.csv`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    const lines = (await csv.text()).split('\r\n');
    const sample = story.audience.find((s) => state(s) === '3/2/1');
    expect(lines).toContain(`audience,,,${sample?.at},following,,2`);
    expect(lines).toContain(`audience,,,${sample?.at},browsing,,1`);
  });

  it('counts an interval once, summed over every process, however many processes sample it', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const id = created.deck.id;
    // Two other processes' published audiences of the deck.
    await server.db.query(
      `INSERT INTO deck_presence (process_id, deck_id, viewers, live, browsing)
       VALUES ('process-one', $1, 3, 2, 1), ('process-two', $1, 2, 2, 0)`,
      [id],
    );
    const hour = 3_600_000;
    await server.store.history.sampleAudience(hour, 6000);
    await server.store.history.sampleAudience(hour, 6000);
    const rows = await server.db.query<{ viewers: number; live: number; browsing: number }>(
      `SELECT viewers, live, browsing FROM audience_samples WHERE deck_id = $1 AND at = date_trunc('hour', now())`,
      [id],
    );
    expect(rows).toEqual([{ viewers: 5, live: 4, browsing: 1 }]);
    await server.db.query('DELETE FROM deck_presence WHERE deck_id = $1', [id]);
  });

  it('prunes history older than PODIUM_HISTORY_DAYS and keeps the rest; 0 keeps everything', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const id = created.deck.id;
    await server.db.query(
      `INSERT INTO slide_changes (deck_id, at, slide)
       VALUES ($1, now() - interval '40 days', 1), ($1, now() - interval '35 days', 0), ($1, now() - interval '1 day', 2)`,
      [id],
    );
    await server.db.query(
      `INSERT INTO audience_samples (deck_id, at, viewers, live, browsing)
       VALUES ($1, now() - interval '40 days', 9, 9, 0), ($1, now() - interval '1 day', 4, 3, 1)`,
      [id],
    );
    await server.db.query(
      `INSERT INTO reaction_minutes (deck_id, minute, name, count)
       VALUES ($1, date_trunc('minute', now() - interval '40 days'), 'heart', 7),
              ($1, date_trunc('minute', now() - interval '1 day'), 'laugh', 2)`,
      [id],
    );
    const counts = async () => {
      const [slides, samples, minutes] = await Promise.all([
        server.db.query<{ slide: number }>('SELECT slide FROM slide_changes WHERE deck_id = $1 ORDER BY at', [id]),
        server.db.query<{ viewers: number }>('SELECT viewers FROM audience_samples WHERE deck_id = $1 ORDER BY at', [
          id,
        ]),
        server.db.query<{ count: string | number }>(
          'SELECT count FROM reaction_minutes WHERE deck_id = $1 ORDER BY minute',
          [id],
        ),
      ]);
      return {
        slides: slides.map((r) => r.slide),
        samples: samples.map((r) => r.viewers),
        reactions: minutes.map((r) => Number(r.count)),
      };
    };
    await sweepOnce(server.store, { deckTtlDays: 0, historyDays: 0 }, quiet);
    expect(await counts()).toEqual({ slides: [1, 0, 2], samples: [9, 4], reactions: [7, 2] });
    await sweepOnce(server.store, { deckTtlDays: 0, historyDays: 30 }, quiet);
    // The slide on screen 30 days ago stays, at the cutoff: the kept history starts with it.
    expect(await counts()).toEqual({ slides: [0, 2], samples: [4], reactions: [2] });
    await sweepOnce(server.store, { deckTtlDays: 0, historyDays: 30 }, quiet);
    expect(await counts()).toEqual({ slides: [0, 2], samples: [4], reactions: [2] });
    const story = await report(server, id, created.presenterKey);
    expect(story.audience.map((s) => s.viewers)).toEqual([4]);
    expect(story.reactionsPerMinute.map((m) => m.counts)).toEqual([{ laugh: 2 }]);
    const day = 24 * 3600;
    expect(story.slideTimes.find((t) => t.slide === 0)?.seconds).toBeCloseTo(29 * day, -2);
    expect(story.slideTimes.find((t) => t.slide === 1)).toBeUndefined();
    expect(story.slideTimes.find((t) => t.slide === 2)?.seconds).toBeCloseTo(day, -2);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('the audience over time with two processes on one Postgres', () => {
  let a: TestServer;
  let b: TestServer;
  twoProcessesOnPostgres({ limits: NO_RATE_LIMITS, audienceSampleMs: SAMPLE_MS }, (servers) => ([a, b] = servers));

  it('samples viewers of both processes together, one row per interval', async () => {
    const created = await a.createDeck(SAMPLE_DECK);
    const id = created.deck.id;
    const streams = [...(await join(a.url, id, 2)), ...(await join(b.url, id, 1))];
    try {
      await eventually(
        async () => (await report(b, id, created.presenterKey)).audience.some((s) => s.viewers === 3),
        10_000,
        'three viewers over two processes',
      );
    } finally {
      for (const stream of streams) stream.close();
    }
    const story = await report(a, id, created.presenterKey);
    expect(Math.max(...story.audience.map((s) => s.viewers))).toBe(3);
    expect(new Set(story.audience.map((s) => s.at)).size).toBe(story.audience.length);
  });
});
