import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import type {
  AskQuestionResponse,
  PollControlResponse,
  PollEventData,
  QuestionsEventData,
  QuestionVoteResponse,
} from '../../../shared/room-protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { EventRecorder, Viewer } from '../../support/room-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { eventually } from '../../support/sse-client.js';
import { POLL_DECK } from './room-fixtures.js';

describe.each(DRIVERS)('room state for new streams, batched question votes and poll controls on %s', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  let presenter: Record<string, string>;
  const questions = () => `/api/decks/${deck.deck.id}/questions`;
  const poll = () => `/api/decks/${deck.deck.id}/polls/s1p1`;

  beforeAll(async () => {
    server = await startTestServer({ driver, limits: NO_RATE_LIMITS });
    deck = await server.createDeck(POLL_DECK);
    presenter = { Authorization: `Bearer ${deck.presenterKey}` };
  });
  afterAll(() => server.stop());

  async function ask(text: string): Promise<string> {
    const res = await new Viewer(server.url).request('POST', questions(), { text });
    expect(res.status).toBe(201);
    return ((await res.json()) as AskQuestionResponse).question.id;
  }

  function control(body: unknown, headers = presenter): Promise<Response> {
    return new Viewer(server.url).request('PATCH', poll(), body, headers);
  }

  it('starts a new stream with the questions and the poll tallies, without waiting for a change', async () => {
    const qid = await ask('Asked before you came?');
    const voter = new Viewer(server.url);
    expect((await voter.request('POST', `${poll()}/votes`, { option: 1 })).status).toBe(202);
    // The vote is flushed within half a second; a stream opened after it sees it at once.
    const first = new EventRecorder(`${server.url}/api/decks/${deck.deck.id}/events`, ['poll']);
    await eventually(() => first.data<PollEventData>('poll').some((p) => p.total === 1), 5000, 'the vote flushed');
    first.close();

    const late = new EventRecorder(`${server.url}/api/decks/${deck.deck.id}/events`, ['slide', 'questions', 'poll']);
    try {
      await eventually(
        () => late.data('questions').length > 0 && late.data('poll').length > 0,
        5000,
        'the room state on connect',
      );
      const [listed] = late.data<QuestionsEventData>('questions');
      expect(listed?.questions.map((q) => q.id)).toContain(qid);
      const [tally] = late.data<PollEventData>('poll');
      expect(tally).toMatchObject({ id: 's1p1', counts: [0, 1, 0], total: 1, open: true, revealed: false });
    } finally {
      late.close();
    }
  });

  it('counts a storm of votes exactly, answers each voter, and takes a vote back once', async () => {
    const qid = await ask('Batched?');
    const voters = Array.from({ length: 40 }, () => new Viewer(server.url));
    const answers = await Promise.all(voters.map((v) => v.request('POST', `${questions()}/${qid}/votes`)));
    const bodies = await Promise.all(answers.map(async (res) => (await res.json()) as QuestionVoteResponse));
    expect(answers.every((res) => res.status === 200)).toBe(true);
    expect(bodies.every((body) => body.voted)).toBe(true);
    expect(Math.max(...bodies.map((body) => body.votes))).toBe(40);

    const again = await voters[0]?.request('POST', `${questions()}/${qid}/votes`);
    expect((await again?.json()) as QuestionVoteResponse).toEqual({ votes: 40, voted: true });
    const back = await voters[0]?.request('DELETE', `${questions()}/${qid}/votes`);
    expect(back?.status).toBe(200);
    expect((await back?.json()) as QuestionVoteResponse).toEqual({ votes: 39, voted: false });
    const backAgain = await voters[0]?.request('DELETE', `${questions()}/${qid}/votes`);
    expect((await backAgain?.json()) as QuestionVoteResponse).toEqual({ votes: 39, voted: false });
    const stranger = await new Viewer(server.url).request('DELETE', `${questions()}/${qid}/votes`);
    expect((await stranger.json()) as QuestionVoteResponse).toEqual({ votes: 39, voted: false });
    await expectError(await new Viewer(server.url).request('DELETE', `${questions()}/99999/votes`), 404, 'not_found');
    await expectError(
      await new Viewer(server.url).request('DELETE', `/api/decks/nosuchdk/questions/${qid}/votes`),
      404,
      'not_found',
    );
  });

  it('lets the presenter close, reopen and reveal a poll, and every screen hears it', async () => {
    const events = new EventRecorder(`${server.url}/api/decks/${deck.deck.id}/events`, ['slide', 'poll']);
    try {
      await events.opened();
      const closed = await control({ open: false });
      expect(closed.status).toBe(200);
      expect(((await closed.json()) as PollControlResponse).poll).toMatchObject({ id: 's1p1', open: false });
      await eventually(() => events.data<PollEventData>('poll').some((p) => !p.open), 5000, 'the closed poll');
      await expectError(
        await new Viewer(server.url).request('POST', `${poll()}/votes`, { option: 0 }),
        409,
        'poll_closed',
      );

      const revealed = await control({ open: true, revealed: true });
      const tally = ((await revealed.json()) as PollControlResponse).poll;
      expect(tally).toMatchObject({ open: true, revealed: true });
      await eventually(
        () => events.data<PollEventData>('poll').some((p) => p.open && p.revealed),
        5000,
        'the revealed poll',
      );
      expect((await new Viewer(server.url).request('POST', `${poll()}/votes`, { option: 0 })).status).toBe(202);
    } finally {
      events.close();
    }
  });

  it('puts the top questions on every screen when the presenter asks, for open and new streams alike', async () => {
    const events = new EventRecorder(`${server.url}/api/decks/${deck.deck.id}/events`, ['slide', 'questions']);
    try {
      await eventually(() => events.data('questions').length > 0, 5000, 'the questions on connect');
      expect(events.data<QuestionsEventData>('questions').at(-1)?.onScreen).toBe(false);
      const screen = (body: unknown, headers = presenter) =>
        new Viewer(server.url).request('PATCH', questions(), body, headers);
      const on = await screen({ onScreen: true });
      expect(on.status).toBe(200);
      expect(await on.json()).toEqual({ onScreen: true });
      await eventually(() => events.data<QuestionsEventData>('questions').at(-1)?.onScreen === true, 5000, 'on screen');
      await expectError(await screen({ onScreen: false }, {}), 401, 'missing_key');
      await expectError(await screen({ onScreen: 'yes' }), 400, 'invalid_body');
    } finally {
      events.close();
    }
    const late = new EventRecorder(`${server.url}/api/decks/${deck.deck.id}/events`, ['questions']);
    try {
      await eventually(() => late.data('questions').length > 0, 5000, 'the questions on connect');
      expect(late.data<QuestionsEventData>('questions')[0]?.onScreen).toBe(true);
    } finally {
      late.close();
    }
  });

  it('answers the poll controls errors', async () => {
    await expectError(await control({ open: false }, {}), 401, 'missing_key');
    await expectError(await control({ open: false }, { Authorization: 'Bearer nope' }), 401, 'invalid_key');
    await expectError(await control({}), 400, 'invalid_body');
    await expectError(await control({ open: 'no' }), 400, 'invalid_body');
    const other = await new Viewer(server.url).request(
      'PATCH',
      `/api/decks/${deck.deck.id}/polls/s1p9`,
      { open: false },
      presenter,
    );
    await expectError(other, 404, 'not_found');
    const raw = await fetch(`${server.url}${poll()}`, {
      method: 'PATCH',
      headers: { ...presenter, 'Content-Type': 'text/plain' },
      body: 'open',
    });
    await expectError(raw, 415, 'unsupported_media_type');
  });
});
