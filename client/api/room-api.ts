import type {
  PollEventData,
  Question,
  QuestionState,
  QuestionVoteResponse,
  TalkReport,
} from '../../shared/protocol.js';
import { isRecord } from '../../shared/validate.js';
import {
  isQuestion,
  isQuestionList,
  isQuestionVoteResponse,
  isTalkReport,
  toPollTally,
} from '../../shared/room-validate.js';
import { ApiError, narrow, request } from './request.js';

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
