import type {
  AudienceResponse,
  PollEventData,
  Question,
  QuestionState,
  QuestionVoteResponse,
  ReactionName,
  TalkReport,
} from '../../shared/room-protocol.js';
import {
  isQuestion,
  isQuestionList,
  isQuestionVoteResponse,
  isTalkReport,
  toPollTally,
} from '../../shared/room-validate.js';
import { isIndex, isRecord, parseErrorBody, parseReactionCounts } from '../../shared/validate.js';
import { ApiError, narrow, request } from './request.js';

const roomUrl = (id: string, path: string): string => `/api/decks/${encodeURIComponent(id)}/${path}`;

/** A refused audience write: the server's sentence and how long it asked to wait (429 Retry-After, in s). */
export class CooldownError extends ApiError {
  constructor(
    message: string,
    /** Seconds to wait before sending again; at least 1. */
    readonly retryAfterS: number,
  ) {
    super(429, 'rate_limited', message);
    this.name = 'CooldownError';
  }
}

/** POSTs JSON as this viewer (its cookie goes along); a 429 becomes a CooldownError, any other failure an ApiError. */
async function post(url: string, body: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection.');
  }
  if (response.ok) return;
  const error = parseErrorBody(await response.json().catch(() => null));
  const message = error?.error.message ?? `The server answered ${response.status}. Please try again.`;
  if (response.status === 429) {
    const retryAfterS = Math.max(1, Math.ceil(Number(response.headers.get('Retry-After'))) || 1);
    throw new CooldownError(message, retryAfterS);
  }
  throw new ApiError(response.status, error?.error.code ?? `http_${response.status}`, message);
}

/** `POST /api/decks/:id/reactions`: one tap of `reaction` (counted in batches by the server). */
export function sendReaction(id: string, reaction: ReactionName): Promise<void> {
  return post(roomUrl(id, 'reactions'), { reaction });
}

/** `POST /api/decks/:id/presence`: whether this viewer is on the live slide (`live`) or browsing away. */
export function reportPresence(id: string, live: boolean): Promise<void> {
  return post(roomUrl(id, 'presence'), { live });
}

function isAudience(value: unknown): value is AudienceResponse {
  return (
    isRecord(value) &&
    isIndex(value.viewers) &&
    isIndex(value.live) &&
    isIndex(value.browsing) &&
    parseReactionCounts(value.reactions) !== null
  );
}

/** `GET /api/decks/:id/audience` with the presenter key: the room over every process. */
export async function fetchAudience(id: string, key: string): Promise<AudienceResponse> {
  const body = await request(roomUrl(id, 'audience'), { headers: { Authorization: `Bearer ${key}` } });
  return narrow(body, isAudience);
}

const deckUrl = (id: string): string => `/api/decks/${encodeURIComponent(id)}`;
const json = { 'Content-Type': 'application/json' };
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** `POST .../questions`: asks a question (1 to 280 characters); the asked question. */
export async function askQuestion(deckId: string, text: string): Promise<Question> {
  const body = await request(`${deckUrl(deckId)}/questions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ text }),
  });
  if (!isRecord(body) || !isQuestion(body.question))
    throw new ApiError(0, 'bad_response', 'The server sent an unexpected answer.');
  return body.question;
}

/** `POST` (vote) or `DELETE` (take back) `.../questions/:qid/votes`. */
export async function voteQuestion(deckId: string, questionId: string, up: boolean): Promise<QuestionVoteResponse> {
  const url = `${deckUrl(deckId)}/questions/${encodeURIComponent(questionId)}/votes`;
  return narrow(await request(url, { method: up ? 'POST' : 'DELETE' }), isQuestionVoteResponse);
}

/** `GET .../questions` with the presenter key: every question, hidden ones too. */
export async function fetchAllQuestions(deckId: string, key: string): Promise<Question[]> {
  const body = await request(`${deckUrl(deckId)}/questions`, { headers: bearer(key) });
  if (!isRecord(body) || !isQuestionList(body.questions))
    throw new ApiError(0, 'bad_response', 'The server sent an unexpected answer.');
  return body.questions;
}

/** `PATCH .../questions/:qid` (presenter): open, answered or hidden. */
export async function setQuestionState(
  deckId: string,
  key: string,
  questionId: string,
  state: QuestionState,
): Promise<void> {
  await request(`${deckUrl(deckId)}/questions/${encodeURIComponent(questionId)}`, {
    method: 'PATCH',
    headers: { ...json, ...bearer(key) },
    body: JSON.stringify({ state }),
  });
}

/** `PATCH .../questions` (presenter): the top questions on every screen, or not. */
export async function setQuestionsOnScreen(deckId: string, key: string, onScreen: boolean): Promise<void> {
  await request(`${deckUrl(deckId)}/questions`, {
    method: 'PATCH',
    headers: { ...json, ...bearer(key) },
    body: JSON.stringify({ onScreen }),
  });
}

/** `POST .../polls/:pollId/votes`: this viewer's vote (a new one replaces the old). */
export async function votePoll(deckId: string, pollId: string, option: number): Promise<void> {
  await request(`${deckUrl(deckId)}/polls/${encodeURIComponent(pollId)}/votes`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ option }),
  });
}

/** `PATCH .../polls/:pollId` (presenter): open or close it, reveal or hide its results; the tally after. */
export async function controlPoll(
  deckId: string,
  key: string,
  pollId: string,
  change: { open?: boolean; revealed?: boolean },
): Promise<PollEventData> {
  const body = await request(`${deckUrl(deckId)}/polls/${encodeURIComponent(pollId)}`, {
    method: 'PATCH',
    headers: { ...json, ...bearer(key) },
    body: JSON.stringify(change),
  });
  const tally = isRecord(body) ? toPollTally(body.poll) : null;
  if (!tally) throw new ApiError(0, 'bad_response', 'The server sent an unexpected answer.');
  return tally;
}

/** `GET .../report` (presenter): the talk's story so far. */
export async function fetchReport(deckId: string, key: string): Promise<TalkReport> {
  return narrow(await request(`${deckUrl(deckId)}/report`, { headers: bearer(key) }), isTalkReport);
}

/** `GET .../report.csv` (presenter): the report as a CSV file. */
export async function fetchReportCsv(deckId: string, key: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${deckUrl(deckId)}/report.csv`, { headers: bearer(key), cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection.');
  }
  if (!response.ok)
    throw new ApiError(response.status, `http_${response.status}`, 'The report could not be downloaded.');
  return response.blob();
}
