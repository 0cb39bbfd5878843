import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type {
  AskQuestionResponse,
  Question,
  QuestionsResponse,
  QuestionState,
  QuestionVoteResponse,
  QuestionsScreenRequest,
} from '../../../shared/room-protocol.js';
import { normalizeShortText } from '../../../shared/normalize-text.js';
import type { AppDeps } from '../app-deps.js';
import { deckIdFrom } from '../deck-id.js';
import { deckNotFound, HttpError } from '../http-error.js';
import { requirePresenter } from '../presenter-auth.js';
import { readJson } from '../read-json.js';
import { spendRoom, type RoomLimits } from '../room-limits.js';
import { parseBody } from '../schemas.js';
import { viewerId } from '../viewer-id.js';
import { QuestionVoteBatcher } from '../../room/question-vote-batcher.js';

/** Longest question, in characters after normalising. */
export const MAX_QUESTION_LENGTH = 280;
/** Largest question body: 280 characters even as JSON escapes, with room to spare. */
const QUESTION_BODY_LIMIT = 4096;
/** Largest state-change body. */
const STATE_BODY_LIMIT = 1024;

const QUESTION_STATES: readonly QuestionState[] = ['open', 'answered', 'hidden'];
const askBody = z.looseObject({ text: z.string() });
const stateBody = z.looseObject({ state: z.unknown() });
const screenBody = z.looseObject({ onScreen: z.boolean() });
const questionIdParam = /^[1-9][0-9]{0,15}$/;

function questionNotFound(): HttpError {
  return new HttpError(404, 'not_found', 'There is no such question in this deck (it may have been hidden).');
}

/** The `:qid` of the path, or 404 for one that could never exist. */
function questionIdFrom(ctx: Context): string {
  const qid = String(ctx.params.qid ?? '');
  if (!questionIdParam.test(qid)) throw questionNotFound();
  return qid;
}

/** Asking, listing, voting on (votes written in batches, see QuestionVoteBatcher) and moderating the audience's questions. */
export function registerQuestionRoutes(router: Router, deps: AppDeps, limits: RoomLimits): void {
  const { store } = deps;

  router.post('/api/decks/:id/questions', async (ctx) => {
    const id = deckIdFrom(ctx);
    const viewer = viewerId(ctx);
    const body = parseBody(askBody, await readJson(ctx, QUESTION_BODY_LIMIT));
    const text = normalizeShortText(body.text);
    if (text.length < 1 || [...text].length > MAX_QUESTION_LENGTH) {
      throw new HttpError(422, 'invalid_text', `A question needs 1 to ${MAX_QUESTION_LENGTH} characters of text.`);
    }
    spendRoom(ctx, limits, limits.askPerViewer, viewer);
    const question = await store.questions.ask(id, text);
    if (!question) throw deckNotFound();
    const response: AskQuestionResponse = { question };
    ctx.status = 201;
    ctx.body = response;
  });

  router.get('/api/decks/:id/questions', async (ctx) => {
    const id = deckIdFrom(ctx);
    const presenter = ctx.get('Authorization') !== '';
    if (presenter) await requirePresenter(ctx, store, id);
    const questions: Question[] = await store.questions.list(id, presenter);
    if (questions.length === 0 && !(await store.getSlideState(id))) throw deckNotFound();
    const response: QuestionsResponse = { questions };
    ctx.set('Cache-Control', presenter ? 'no-store' : 'no-cache');
    ctx.body = response;
  });

  const votes = new QuestionVoteBatcher(store.questions);
  const castVote = (up: boolean) => async (ctx: Context) => {
    const id = deckIdFrom(ctx);
    const qid = questionIdFrom(ctx);
    const viewer = viewerId(ctx);
    spendRoom(ctx, limits, limits.votePerViewer, viewer);
    const result = await votes.vote(id, qid, viewer, up);
    if (result.kind === 'not_found') {
      if (!(await store.getSlideState(id))) throw deckNotFound();
      throw questionNotFound();
    }
    const response: QuestionVoteResponse = { votes: result.votes, voted: result.voted };
    ctx.body = response;
  };
  router.post('/api/decks/:id/questions/:qid/votes', castVote(true));
  router.delete('/api/decks/:id/questions/:qid/votes', castVote(false));

  router.patch('/api/decks/:id/questions', async (ctx) => {
    const id = deckIdFrom(ctx);
    await requirePresenter(ctx, store, id);
    const body = parseBody(screenBody, await readJson(ctx, STATE_BODY_LIMIT));
    if (!(await store.questions.setOnScreen(id, body.onScreen))) throw deckNotFound();
    const response: QuestionsScreenRequest = { onScreen: body.onScreen };
    ctx.body = response;
  });

  router.patch('/api/decks/:id/questions/:qid', async (ctx) => {
    const id = deckIdFrom(ctx);
    const qid = questionIdFrom(ctx);
    await requirePresenter(ctx, store, id);
    const body = parseBody(stateBody, await readJson(ctx, STATE_BODY_LIMIT));
    const state = QUESTION_STATES.find((known) => known === body.state);
    if (!state) throw new HttpError(422, 'invalid_state', 'state must be "open", "answered" or "hidden".');
    const question = await store.questions.setState(id, qid, state);
    if (!question) throw questionNotFound();
    const response: AskQuestionResponse = { question };
    ctx.body = response;
  });
}
