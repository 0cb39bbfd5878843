import { describe, expect, it } from 'vitest';
import type { AskQuestionResponse, PollEventData, QuestionVoteResponse } from '../../../shared/room-protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { TEST_DATABASE_URL } from '../../support/databases.js';
import { EventRecorder, Viewer } from '../../support/room-client.js';
import type { TestServer } from '../../support/server.js';
import { twoProcessesOnPostgres } from '../../support/two-processes.js';
import { eventually } from '../../support/sse-client.js';
import { POLL_DECK } from './room-fixtures.js';

describe.skipIf(!TEST_DATABASE_URL)('questions and polls with two processes on one Postgres', () => {
  let a: TestServer;
  let b: TestServer;
  twoProcessesOnPostgres({ limits: NO_RATE_LIMITS }, (servers) => ([a, b] = servers));

  it('counts one vote per viewer even when its votes reach both processes at once', async () => {
    const deck = await a.createDeck(POLL_DECK);
    const path = `/api/decks/${deck.deck.id}/questions`;
    const asker = new Viewer(a.url);
    const res = await asker.request('POST', path, { text: 'Counted once?' });
    const { question } = (await res.json()) as AskQuestionResponse;
    const voter = new Viewer(a.url);
    expect((await voter.request('POST', `${path}/${question.id}/votes`)).status).toBe(200);
    const onA = voter;
    const onB = voter.on(b.url);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? onA : onB).request('POST', `${path}/${question.id}/votes`)),
    );
    for (const answer of answers) expect(((await answer.json()) as QuestionVoteResponse).votes).toBe(1);
    const other = await new Viewer(b.url).request('POST', `${path}/${question.id}/votes`);
    expect(((await other.json()) as QuestionVoteResponse).votes).toBe(2);
  });

  it('a question hidden on one process leaves the other process streams at once', async () => {
    const deck = await a.createDeck(POLL_DECK);
    const path = `/api/decks/${deck.deck.id}/questions`;
    const events = new EventRecorder(`${b.url}/api/decks/${deck.deck.id}/events`, ['slide', 'questions']);
    try {
      await eventually(() => events.data('slide').length > 0, 5000, 'the stream to open');
      const asked = await new Viewer(a.url).request('POST', path, { text: 'Hide me' });
      const { question } = (await asked.json()) as AskQuestionResponse;
      type Questions = { questions: Array<{ id: string }> };
      const shows = (data: Questions) => data.questions.some((q) => q.id === question.id);
      await eventually(() => events.data<Questions>('questions').some(shows), 5000, 'the question on b');
      const hide = await fetch(`${a.url}${path}/${question.id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${deck.presenterKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ state: 'hidden' }),
      });
      expect(hide.status).toBe(200);
      await eventually(
        () => !shows(events.data<Questions>('questions').at(-1) ?? { questions: [] }),
        5000,
        'hidden on b',
      );
    } finally {
      events.close();
    }
  });

  it('tallies a poll voted on through both processes, each viewer by its newest vote', async () => {
    const deck = await a.createDeck(POLL_DECK);
    const path = `/api/decks/${deck.deck.id}/polls/s1p1/votes`;
    const events = new EventRecorder(`${b.url}/api/decks/${deck.deck.id}/events`, ['slide', 'poll']);
    try {
      await eventually(() => events.data('slide').length > 0, 5000, 'the stream to open');
      const viewers = Array.from({ length: 30 }, () => new Viewer(a.url));
      const expected = [0, 0, 0];
      await Promise.all(
        viewers.map(async (viewer, v) => {
          expect((await viewer.request('POST', path, { option: v % 3 })).status).toBe(202);
          // The same viewer changes its vote through the other process.
          const last = (v + 1) % 3;
          expect((await viewer.on(b.url).request('POST', path, { option: last })).status).toBe(202);
          expected[last] = (expected[last] ?? 0) + 1;
        }),
      );
      const done = (data: PollEventData) => data.total === viewers.length && data.counts.join() === expected.join();
      await eventually(() => events.data<PollEventData>('poll').some(done), 5000, `counts ${expected.join()}`);
    } finally {
      events.close();
    }
  });
});
