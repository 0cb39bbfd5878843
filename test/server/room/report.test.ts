import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import type { AskQuestionResponse, TalkReport } from '../../../shared/room-protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { sumDwellTimes } from '../../../server/store/history-store.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { Viewer } from '../../support/room-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { eventually } from '../../support/sse-client.js';
import { POLL_DECK } from './room-fixtures.js';

const TALK = `${POLL_DECK}---\n## Thanks\n`;

describe('sumDwellTimes', () => {
  it('gives each slide the time until the next change, the last until now, summed over visits', () => {
    const timeline = [
      { slide: 0, at: 0 },
      { slide: 1, at: 60_000 },
      { slide: 0, at: 90_000 },
      { slide: 2, at: 100_000 },
    ];
    expect(sumDwellTimes(timeline, 105_500)).toEqual([
      { slide: 0, seconds: 70 },
      { slide: 1, seconds: 30 },
      { slide: 2, seconds: 5.5 },
    ]);
  });
});

describe.each(DRIVERS)('talk report on %s', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  let presenter: Record<string, string>;
  const base = () => `/api/decks/${deck.deck.id}`;

  beforeAll(async () => {
    server = await startTestServer({ driver, limits: NO_RATE_LIMITS });
    deck = await server.createDeck(TALK);
    presenter = { Authorization: `Bearer ${deck.presenterKey}` };
  });
  afterAll(() => server.stop());

  async function report(): Promise<TalkReport> {
    const res = await fetch(`${server.url}${base()}/report`, { headers: presenter });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return (await res.json()) as TalkReport;
  }

  it('tells a scripted talk: time per slide, questions in every state, poll counts and reactions', async () => {
    // The talk as it went: slide 1 after 60 s, slide 2 after 90 s, back to 1 after 100 s.
    expect((await server.putSlide(deck.deck.id, deck.presenterKey, 1)).status).toBe(200);
    const rows = await server.db.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM slide_changes WHERE deck_id = $1',
      [deck.deck.id],
    );
    expect(rows[0]?.n).toBe('1');
    await server.db.query('DELETE FROM slide_changes WHERE deck_id = $1', [deck.deck.id]);
    // One statement, so every time in it shares one now().
    await server.db.query(
      `WITH made AS (UPDATE decks SET created_at = now() - interval '1000 seconds' WHERE id = $1 RETURNING id)
       INSERT INTO slide_changes (deck_id, at, slide)
       SELECT id, now() - t.ago * interval '1 second', t.slide FROM made, (VALUES (940, 1), (910, 2), (900, 1)) AS t(ago, slide)`,
      [deck.deck.id],
    );

    const ask = async (text: string) => {
      const res = await new Viewer(server.url).request('POST', `${base()}/questions`, { text });
      return ((await res.json()) as AskQuestionResponse).question.id;
    };
    const kept = await ask('=HYPERLINK("http://evil")');
    const hidden = await ask('Hide me');
    await new Viewer(server.url).request('POST', `${base()}/questions/${kept}/votes`);
    await new Viewer(server.url).request('PATCH', `${base()}/questions/${hidden}`, { state: 'hidden' }, presenter);
    for (const option of [0, 2, 2]) {
      expect((await new Viewer(server.url).request('POST', `${base()}/polls/s1p1/votes`, { option })).status).toBe(202);
    }
    expect((await new Viewer(server.url).request('POST', `${base()}/reactions`, { reaction: 'heart' })).status).toBe(
      202,
    );

    await eventually(
      async () => {
        const r = await report();
        return r.polls[0]?.total === 3 && (r.reactions.heart ?? 0) === 1;
      },
      5000,
      'the votes and the reaction flushed',
    );
    const story = await report();
    expect(story.deck).toEqual({ id: deck.deck.id, title: 'Hello', slides: 3 });
    expect(story.slideTimes.find((t) => t.slide === 0)?.seconds).toBeCloseTo(60, 0);
    expect(story.slideTimes.find((t) => t.slide === 2)?.seconds).toBeCloseTo(10, 0);
    expect(story.slideTimes.find((t) => t.slide === 1)?.seconds).toBeGreaterThanOrEqual(930);
    expect(story.questions.map((q) => [q.text, q.votes, q.state])).toEqual([
      ['=HYPERLINK("http://evil")', 1, 'open'],
      ['Hide me', 0, 'hidden'],
    ]);
    expect(story.polls).toEqual([
      expect.objectContaining({ id: 's1p1', question: 'Best fruit?', options: ['Apple', 'Pear', 'Plum'] }),
    ]);
    expect(story.polls[0]?.counts).toEqual([1, 0, 2]);

    const csv = await fetch(`${server.url}${base()}/report.csv`, { headers: presenter });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('section,id,slide,text,state,option,count');
    expect(lines).toContain(`question,${kept},2,"'=HYPERLINK(""http://evil"")",open,,1`);
    expect(lines).toContain('poll,s1p1,,Best fruit?,open,Plum,2');
    expect(lines).toContain('reaction,,,heart,,,1');
    // Reactions over time: the heart in the minute it was sent.
    expect(story.reactionsPerMinute).toHaveLength(1);
    const [minute] = story.reactionsPerMinute;
    expect(minute?.counts).toEqual({ heart: 1 });
    expect(Date.now() - Date.parse(minute?.at ?? '')).toBeLessThan(5 * 60_000);
    expect(Date.parse(minute?.at ?? '') % 60_000).toBe(0);
    expect(lines).toContain(`reaction_minute,,,${minute?.at},heart,,1`);
  });

  it('is for the presenter only, and goes with the deck', async () => {
    await expectError(await fetch(`${server.url}${base()}/report`), 401, 'missing_key');
    await expectError(
      await fetch(`${server.url}${base()}/report.csv`, { headers: { Authorization: 'Bearer wrong' } }),
      401,
      'invalid_key',
    );
    const other = await server.createDeck(TALK);
    await expectError(
      await fetch(`${server.url}/api/decks/${other.deck.id}/report`, { headers: presenter }),
      401,
      'invalid_key',
    );
    await expectError(await fetch(`${server.url}/api/decks/nosuchdk/report`, { headers: presenter }), 404, 'not_found');

    expect((await server.putSlide(other.deck.id, other.presenterKey, 1)).status).toBe(200);
    const asked = await new Viewer(server.url).request('POST', `/api/decks/${other.deck.id}/questions`, {
      text: 'Kept?',
    });
    expect(asked.status).toBe(201);
    const voted = await new Viewer(server.url).request('POST', `/api/decks/${other.deck.id}/polls/s1p1/votes`, {
      option: 0,
    });
    expect(voted.status).toBe(202);
    const count = async () => {
      const rows = await server.db.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM slide_changes WHERE deck_id = $1) + (SELECT count(*) FROM questions WHERE deck_id = $1)
           + (SELECT count(*) FROM polls WHERE deck_id = $1) AS n`,
        [other.deck.id],
      );
      return Number(rows[0]?.n);
    };
    expect(await count()).toBe(3);
    const gone = await fetch(`${server.url}/api/decks/${other.deck.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${other.presenterKey}` },
    });
    expect(gone.status).toBe(204);
    expect(await count()).toBe(0);
  });
});
