import type {
  AudienceSample,
  PollEventData,
  Question,
  QuestionsEventData,
  QuestionVoteResponse,
  TalkReport,
} from './room-protocol.js';
import { isRecord } from './validate.js';

const QUESTION_STATES = ['open', 'answered', 'hidden'];

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A Question as the server sends it. */
export function isQuestion(value: unknown): value is Question {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.text === 'string' &&
    isCount(value.votes) &&
    typeof value.state === 'string' &&
    QUESTION_STATES.includes(value.state) &&
    isCount(value.slide)
  );
}

/** A list of questions (the `questions` of an event or a GET answer). */
export function isQuestionList(value: unknown): value is Question[] {
  return Array.isArray(value) && value.every(isQuestion);
}

/** The data of a `questions` event (onScreen defaults to false), or null. */
export function parseQuestionsEvent(data: string): QuestionsEventData | null {
  const value = parseJson(data);
  if (!isRecord(value) || typeof value.version !== 'number' || !isQuestionList(value.questions)) return null;
  return { version: value.version, questions: value.questions, onScreen: value.onScreen === true };
}

/** A poll tally with its state (open defaults to true, revealed to false). */
export function toPollTally(value: unknown): PollEventData | null {
  if (!isRecord(value) || typeof value.id !== 'string' || !Array.isArray(value.counts)) return null;
  if (!value.counts.every(isCount) || !isCount(value.total) || !isCount(value.version)) return null;
  return {
    id: value.id,
    counts: value.counts,
    total: value.total,
    version: value.version,
    open: value.open !== false,
    revealed: value.revealed === true,
  };
}

/** The data of a `poll` event, or null. */
export function parsePollEvent(data: string): PollEventData | null {
  return toPollTally(parseJson(data));
}

/** The answer to a question vote, or false. */
export function isQuestionVoteResponse(value: unknown): value is QuestionVoteResponse {
  return isRecord(value) && isCount(value.votes) && typeof value.voted === 'boolean';
}

/** A talk report as the server sends it (checked in its outline). */
export function isTalkReport(value: unknown): value is TalkReport {
  return (
    isRecord(value) &&
    isRecord(value.deck) &&
    typeof value.deck.title === 'string' &&
    isQuestionList(value.questions) &&
    Array.isArray(value.polls) &&
    value.polls.every((poll) => toPollTally(poll) !== null && isRecord(poll) && Array.isArray(poll.options)) &&
    isRecord(value.reactions) &&
    Array.isArray(value.slideTimes) &&
    Array.isArray(value.audience) &&
    value.audience.every(isAudienceSample) &&
    typeof value.sampleSeconds === 'number' &&
    value.sampleSeconds > 0 &&
    typeof value.historyDays === 'number'
  );
}

/** One audience sample of a report. */
function isAudienceSample(value: unknown): value is AudienceSample {
  return (
    isRecord(value) &&
    typeof value.at === 'string' &&
    isCount(value.viewers) &&
    isCount(value.live) &&
    isCount(value.browsing)
  );
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}
