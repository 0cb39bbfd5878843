import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import type { AskQuestionResponse, QuestionsEventData } from '../../../shared/room-protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { createScratchDatabase, TEST_DATABASE_URL, type ScratchDatabase } from '../../support/databases.js';
import { EventRecorder, Viewer } from '../../support/room-client.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { eventually } from '../../support/sse-client.js';

// Two writers at once need a real server; PGlite has one connection and commits in order.
describe.skipIf(!TEST_DATABASE_URL)('questions events when commits land out of version order (postgres)', () => {
  let scratch: ScratchDatabase;
  let server: TestServer;
  let deck: CreateDeckResponse;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    server = await startTestServer({ driver: 'postgres', shared: scratch, limits: NO_RATE_LIMITS });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(async () => {
    await server.stop();
    await scratch.drop();
  });

  async function ask(text: string): Promise<string> {
    const res = await new Viewer(server.url).request('POST', `/api/decks/${deck.deck.id}/questions`, { text });
    expect(res.status).toBe(201);
    return ((await res.json()) as AskQuestionResponse).question.id;
  }

  it('sends a change whose version was taken first but committed last', async () => {
    const early = await ask('Hidden in a slow transaction?');
    const late = await ask('Answered meanwhile?');
    const events = new EventRecorder(`${server.url}/api/decks/${deck.deck.id}/events`, ['slide', 'questions']);
    const slow = new pg.Client({ connectionString: scratch.url });
    await slow.connect();
    try {
      const lists = () => events.data<QuestionsEventData>('questions').map((e) => e.questions);
      await eventually(() => lists().some((list) => list.length === 2), 5000, 'both questions in an event');
      // The slow transaction takes its version (in the trigger) first and commits after the fast one.
      await slow.query('BEGIN');
      await slow.query(`UPDATE questions SET state = 'hidden' WHERE id = $1`, [early]);
      const fast = await server.db.query<{ id: string }>(
        `UPDATE questions SET state = 'answered' WHERE id = $1 RETURNING id`,
        [late],
      );
      expect(fast).toHaveLength(1);
      await eventually(
        () => lists().some((list) => list.some((q) => q.id === late && q.state === 'answered')),
        5000,
        'the fast change in an event',
      );
      await slow.query('COMMIT');
      await eventually(
        () =>
          lists()
            .at(-1)
            ?.some((q) => q.id === early) === false,
        5000,
        'the slow change in an event',
      );
    } finally {
      await slow.end();
      events.close();
    }
  });
});
