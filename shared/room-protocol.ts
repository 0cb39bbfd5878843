/**
 * The room's part of the wire protocol: questions, polls, reactions, the audience counts, the
 * presenter's presence and the talk report (validated by room-validate.ts). Imports nothing.
 */

/** Where a question stands: open, answered by the presenter, or hidden (only the presenter sees it). */
export type QuestionState = 'open' | 'answered' | 'hidden';

/** One audience question; `text` is plain text, never HTML; `slide` is the index it was asked on. */
export interface Question {
  id: string;
  text: string;
  votes: number;
  state: QuestionState;
  slide: number;
}

/** Body of `POST /api/decks/:id/questions`: 1 to 280 characters after normalising. */
export interface AskQuestionRequest {
  text: string;
}

/** 201 answer of `POST /api/decks/:id/questions`. */
export interface AskQuestionResponse {
  question: Question;
}

/** 200 answer of `GET /api/decks/:id/questions`: by votes, then oldest first. */
export interface QuestionsResponse {
  questions: Question[];
}

/** 200 answer of `POST` (vote) and `DELETE` (take back) `/api/decks/:id/questions/:qid/votes`. */
export interface QuestionVoteResponse {
  votes: number;
  /** Whether this viewer's vote now counts for the question. */
  voted: boolean;
}

/** Body of `PATCH /api/decks/:id/questions/:qid` (presenter key). */
export interface SetQuestionStateRequest {
  state: QuestionState;
}

/** Data of the SSE `questions` event: the public list (never hidden ones), versioned. */
export interface QuestionsEventData {
  version: number;
  questions: Question[];
  /** True while the presenter puts the top questions on every screen. */
  onScreen: boolean;
}

/** Body and 200 answer of `PATCH /api/decks/:id/questions` (presenter key): top questions on every screen, or not. */
export interface QuestionsScreenRequest {
  onScreen: boolean;
}

/** Body of `POST /api/decks/:id/polls/:pollId/votes`: the 0-based option. */
export interface PollVoteRequest {
  option: number;
}

/** Data of the SSE `poll` event: the tally of one poll (`counts[i]` votes for option i). */
export interface PollEventData {
  id: string;
  counts: number[];
  total: number;
  version: number;
  /** False once the presenter closed the poll: votes are refused. Default true. */
  open: boolean;
  /** True once the presenter revealed the results to the room. Default false. */
  revealed: boolean;
}

/** Body of `PATCH /api/decks/:id/polls/:pollId` (presenter key): either or both. */
export interface PollControlRequest {
  open?: boolean;
  revealed?: boolean;
}

/** 200 answer of `PATCH /api/decks/:id/polls/:pollId`: the poll's tally and state after the change. */
export interface PollControlResponse {
  poll: PollEventData;
}

/** One poll as the report shows it. */
export interface PollReport extends PollEventData {
  question: string;
  options: string[];
}

/** Seconds a slide was shown in total (0-based `slide`), from the recorded slide changes. */
export interface SlideTime {
  slide: number;
  seconds: number;
}

/** The audience at one sample: viewers with the page open, `live` following the presenter, `browsing` elsewhere. */
export interface AudienceSample {
  /** ISO 8601 start of the sample interval. */
  at: string;
  viewers: number;
  live: number;
  browsing: number;
}

/** The reactions of one minute of the talk. */
export interface ReactionMinute {
  /** ISO 8601 start of the minute. */
  at: string;
  counts: ReactionCounts;
}

/** `GET /api/decks/:id/report` body (presenter key): the talk's story so far. */
export interface TalkReport {
  deck: { id: string; title: string; slides: number };
  /** ISO 8601 time the report was made. */
  generatedAt: string;
  questions: Question[];
  polls: PollReport[];
  reactions: ReactionCounts;
  /** The reactions per minute, oldest first (a minute without any is absent); kept PODIUM_HISTORY_DAYS. */
  reactionsPerMinute: ReactionMinute[];
  slideTimes: SlideTime[];
  /**
   * The audience over time, oldest first: one sample per interval in which anyone watched (an
   * interval without a sample had nobody). Kept PODIUM_HISTORY_DAYS, like the slide changes.
   */
  audience: AudienceSample[];
  /** The length of one sample interval, in seconds. */
  sampleSeconds: number;
  /** How many days the server keeps slide changes and audience samples (PODIUM_HISTORY_DAYS); 0: as long as the deck. */
  historyDays: number;
}

/** The reactions a viewer can send, in the order the reaction bar shows them. */
export const REACTION_NAMES = ['applause', 'heart', 'laugh', 'wow', 'thumbs_up', 'question'] as const;

/** One reaction name (see REACTION_NAMES). */
export type ReactionName = (typeof REACTION_NAMES)[number];

/** Counts by reaction name; a name never sent may be absent (read it as 0). */
export type ReactionCounts = Partial<Record<ReactionName, number>>;

/** `POST /api/decks/:id/reactions` body; answered 202 with `{}`. */
export interface ReactionRequest {
  reaction: ReactionName;
}

/** `POST /api/decks/:id/presence` body (answered 204): false while the viewer browses away from the live slide (send it again within a minute to keep counting), true when back. */
export interface PresenceRequest {
  live: boolean;
}

/** Data of the SSE `reactions` event: the deck's totals, what was added since the last event, and a version that grows with the totals. */
export interface ReactionsEventData {
  counts: ReactionCounts;
  recent: ReactionCounts;
  version: number;
}

/** `GET /api/decks/:id/audience` body (presenter key): totals over every process, at most 5 s old. */
export interface AudienceResponse {
  /** Open audience streams. */
  viewers: number;
  /** Viewers on the live slide. */
  live: number;
  /** Viewers browsing other slides. */
  browsing: number;
  /** Reactions sent to the deck so far, by name. */
  reactions: ReactionCounts;
}

/** How long no presenter remote may be connected before screens say so, in ms (20 s). */
export const PRESENTER_OFFLINE_MS = 20_000;

/** Data of the SSE `presenter` event: false once no remote of the deck has been connected for PRESENTER_OFFLINE_MS. */
export interface PresenterEventData {
  online: boolean;
  /** Grows with each change on this stream. */
  version: number;
}
