import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import type {
  AskQuestionResponse,
  QuestionsEventData,
  QuestionsResponse,
  QuestionVoteResponse,
} from '../../../shared/room-protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { EventRecorder, Viewer } from '../../support/room-client.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { eventually } from '../../support/sse-client.js';

describe.each(DRIVERS)('questions API on %s', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  let presenter: Record<string, string>;
  const path = () => `/api/decks/${deck.deck.id}/questions`;

  beforeAll(async () => {
    server = await startTestServer({ driver, limits: NO_RATE_LIMITS });
    deck = await server.createDeck(SAMPLE_DECK);
    presenter = { Authorization: `Bearer ${deck.presenterKey}` };
  });
  afterAll(() => server.stop());

  async function ask(viewer: Viewer, text: string): Promise<AskQuestionResponse> {
    const res = await viewer.request('POST', path(), { text });
    expect(res.status).toBe(201);
    return (await res.json()) as AskQuestionResponse;
  }

  it('asks on the current slide, lists by votes then age, and counts one vote per viewer', async () => {
    expect((await server.putSlide(deck.deck.id, deck.presenterKey, 2)).status).toBe(200);
    const alice = new Viewer(server.url);
    const bob = new Viewer(server.url);
    const first = (await ask(alice, '  What\u202e about\ttabs?  ')).question;
    expect(first).toEqual({ id: first.id, text: 'What about tabs?', votes: 0, state: 'open', slide: 2 });
    const second = (await ask(bob, 'And spaces?')).question;

    const vote = async (viewer: Viewer, qid: string) => {
      const res = await viewer.request('POST', `${path()}/${qid}/votes`);
      expect(res.status).toBe(200);
      return ((await res.json()) as QuestionVoteResponse).votes;
    };
    expect(await vote(alice, second.id)).toBe(1);
    expect(await vote(alice, second.id)).toBe(1);
    expect(await vote(bob, second.id)).toBe(2);

    const list = (await (await fetch(`${server.url}${path()}`)).json()) as QuestionsResponse;
    expect(list.questions.map((question) => [question.text, question.votes])).toEqual([
      ['And spaces?', 2],
      ['What about tabs?', 0],
    ]);
  });

  it('keeps markup as text: stored and returned as the raw string, JSON carries it as data', async () => {
    const text = '<img src=x onerror="alert(1)"><script>alert(2)</script> & <a href="javascript:x">x</a>';
    const asked = (await ask(new Viewer(server.url), text)).question;
    expect(asked.text).toBe(text);
    const res = await fetch(`${server.url}${path()}`);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const list = (await res.json()) as QuestionsResponse;
    expect(list.questions.find((question) => question.id === asked.id)?.text).toBe(text);
  });

  it('hides a question from the public list and its events, never from the presenter', async () => {
    const events = new EventRecorder(`${server.url}/api/decks/${deck.deck.id}/events`, ['slide', 'questions']);
    try {
      await eventually(() => events.data('slide').length > 0, 5000, 'the stream to open');
      const secret = (await ask(new Viewer(server.url), 'A question to hide')).question;
      await eventually(
        () => events.data<QuestionsEventData>('questions').some((e) => e.questions.some((q) => q.id === secret.id)),
        5000,
        'the new question in an event',
      );
      const patch = await fetch(`${server.url}${path()}/${secret.id}`, {
        method: 'PATCH',
        headers: { ...presenter, 'Content-Type': 'application/json' },
        body: JSON.stringify({ state: 'hidden' }),
      });
      expect(patch.status).toBe(200);
      expect(((await patch.json()) as AskQuestionResponse).question.state).toBe('hidden');
      const seenBefore = events.data('questions').length;
      await eventually(() => events.data('questions').length > seenBefore, 5000, 'an event after hiding');
      const latest = events.data<QuestionsEventData>('questions').at(-1);
      expect(latest?.questions.some((q) => q.id === secret.id)).toBe(false);
      expect(latest?.questions.length).toBeGreaterThan(0);

      const publicList = (await (await fetch(`${server.url}${path()}`)).json()) as QuestionsResponse;
      expect(publicList.questions.some((q) => q.id === secret.id)).toBe(false);
      const presenterList = (await (
        await fetch(`${server.url}${path()}`, { headers: presenter })
      ).json()) as QuestionsResponse;
      expect(presenterList.questions.find((q) => q.id === secret.id)?.state).toBe('hidden');
      await expectError(await new Viewer(server.url).request('POST', `${path()}/${secret.id}/votes`), 404, 'not_found');
    } finally {
      events.close();
    }
  });

  it('answers the contract errors', async () => {
    const viewer = new Viewer(server.url);
    const question = (await ask(viewer, 'Errors?')).question;
    await expectError(await viewer.request('POST', path(), { text: '   ' }), 422, 'invalid_text');
    await expectError(await viewer.request('POST', path(), { text: 'x'.repeat(281) }), 422, 'invalid_text');
    expect((await viewer.request('POST', path(), { text: '\u00e9'.repeat(280) })).status).toBe(201);
    await expectError(await viewer.request('POST', path(), { text: 5 }), 400, 'invalid_body');
    await expectError(await viewer.request('POST', path(), ['x']), 400, 'invalid_body');
    const raw = (body: string, type = 'application/json') =>
      fetch(`${server.url}${path()}`, { method: 'POST', headers: { 'Content-Type': type }, body });
    await expectError(await raw('{"text":'), 400, 'malformed_json');
    await expectError(await raw('text=hi', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
    await expectError(await raw(JSON.stringify({ text: 'x'.repeat(5000) })), 413, 'payload_too_large');
    await expectError(await viewer.request('POST', '/api/decks/nosuchdk/questions', { text: 'hi' }), 404, 'not_found');
    await expectError(await fetch(`${server.url}/api/decks/nosuchdk/questions`), 404, 'not_found');
    await expectError(await viewer.request('POST', `${path()}/999999/votes`), 404, 'not_found');
    await expectError(await viewer.request('POST', `${path()}/abc/votes`), 404, 'not_found');

    const patch = (body: unknown, headers: Record<string, string> = presenter, qid = question.id) =>
      viewer.request('PATCH', `${path()}/${qid}`, body, headers);
    await expectError(await patch({ state: 'answered' }, {}), 401, 'missing_key');
    await expectError(await patch({ state: 'answered' }, { Authorization: 'Bearer wrong' }), 401, 'invalid_key');
    await expectError(
      await fetch(`${server.url}${path()}`, { headers: { Authorization: 'Bearer wrong' } }),
      401,
      'invalid_key',
    );
    await expectError(await patch({ state: 'gone' }), 422, 'invalid_state');
    await expectError(await patch('answered'), 400, 'invalid_body');
    await expectError(await patch({ state: 'answered' }, presenter, '999999'), 404, 'not_found');
    const answered = await patch({ state: 'answered' });
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as AskQuestionResponse).question).toMatchObject({
      id: question.id,
      state: 'answered',
    });
  });
});

describe('question limits', () => {
  let server: TestServer;
  afterAll(() => server.stop());

  it('refuses a viewer who asks too often with 429 and Retry-After, not the viewer next to it', async () => {
    server = await startTestServer();
    const deck = await server.createDeck(SAMPLE_DECK);
    const path = `/api/decks/${deck.deck.id}/questions`;
    const flooder = new Viewer(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await flooder.request('POST', path, { text: `q${i}` })).status);
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
    const refused = await flooder.request('POST', path, { text: 'one more' });
    const body = await expectError(refused, 429, 'rate_limited');
    expect(body.error.message).toMatch(/wait/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await new Viewer(server.url).request('POST', path, { text: 'my first' })).status).toBe(201);
  });
});
