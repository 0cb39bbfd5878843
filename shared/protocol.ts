/**
 * The Podium wire protocol: every shape that crosses HTTP or SSE.
 * Imported by the server and (as types) by the client. Imports nothing.
 */

/** One rendered slide as the audience receives it: sanitized HTML, never notes. */
export interface Slide {
  html: string;
  /** How many build steps the slide has (0: all shown at once); its HTML marks build k with `data-step="k"`. */
  steps: number;
}

/**
 * Where a deck is now: 0-based slide index, the build step of that slide (0 to its `steps`;
 * step k shows builds 1..k) and a version that grows by 1 per change.
 */
export interface SlideState {
  index: number;
  step: number;
  version: number;
}

/** A deck as anyone with the audience link sees it. */
export interface Deck extends SlideState {
  id: string;
  title: string;
  slides: Slide[];
}

/**
 * The talk clock, one per deck and kept by the server: when the talk started (epoch
 * milliseconds, server time; null until the first slide change or an explicit start, and
 * again after "start over") and its target length in minutes (null: none).
 */
export interface TalkClock {
  startedAt: number | null;
  durationMinutes: number | null;
}

/** A deck as its presenter sees it: the public deck plus one notes string per slide, and the clock. */
export interface PresenterDeck extends Deck {
  notes: string[];
  clock: TalkClock;
}

/**
 * Body of `POST /api/decks/:id/clock` (presenter key, optional `If-Match`): `start` starts the
 * clock (no change when running), `start_over` goes back to the first slide and stops the
 * clock, `set_duration` sets the target (`durationMinutes`, 1 to 1440, or null for none).
 * Each change grows the version and reaches screens as a `slide` event carrying `clock`.
 */
export interface ClockRequest {
  action: 'start' | 'start_over' | 'set_duration';
  durationMinutes?: number | null;
}

/** 200 answer of `POST /api/decks/:id/clock`: the state and the clock after it. */
export interface ClockResponse extends SlideState {
  clock: TalkClock;
}

/** Body of `POST /api/decks`. */
export interface CreateDeckRequest {
  markdown: string;
  title?: string;
}

/** Links printed and returned for a deck; the remote link carries the key in its fragment. */
export interface DeckLinks {
  audience: string;
  remote: string;
}

/** 201 answer to `POST /api/decks`. */
export interface CreateDeckResponse {
  deck: Deck;
  presenterKey: string;
  links: DeckLinks;
  /** Everything dropped, missing or changed at import; an empty list when none. */
  warnings: DeckWarning[];
}

/** One import warning, in words a presenter understands; `slide` is the 0-based slide index when it concerns one. */
export interface DeckWarning {
  code: string;
  message: string;
  slide?: number;
}

/** Body of `PUT /api/decks/:id/slide`; `step` defaults to 0. */
export interface SetSlideRequest {
  index: number;
  step?: number;
}

/** 200 answer to `PUT /api/decks/:id/slide`. */
export type SetSlideResponse = SlideState;

/** 201 answer to `POST /api/decks/:id/keys`: the new key, shown once, and its remote link. */
export interface CreateKeyResponse {
  id: string;
  presenterKey: string;
  label: string;
  links: { remote: string };
}

/** One live presenter key as `GET /api/decks/:id/keys` lists it: never the key itself. */
export interface PresenterKeyInfo {
  id: string;
  label: string;
  /** ISO 8601 time of minting. */
  createdAt: string;
  /** True for the key that made this request. */
  current: boolean;
}

/** 200 answer to `GET /api/decks/:id/keys`. */
export interface KeyListResponse {
  keys: PresenterKeyInfo[];
}

/** Machine-readable error codes; the message beside each is for people. */
export type ErrorCode =
  | 'bad_request'
  | 'malformed_json'
  | 'invalid_body'
  | 'invalid_if_match'
  | 'missing_key'
  | 'invalid_key'
  | 'not_found'
  | 'method_not_allowed'
  | 'version_mismatch'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'no_slides'
  | 'render_timeout'
  | 'pdf_too_large'
  | 'pdf_unreadable'
  | 'pdf_encrypted'
  | 'pdf_render_timeout'
  | 'invalid_index'
  | 'invalid_step'
  | 'invalid_text'
  | 'invalid_state'
  | 'invalid_option'
  | 'invalid_reaction'
  | 'invalid_duration'
  | 'rate_limited'
  | 'too_many_streams'
  | 'too_many_keys'
  | 'last_key'
  | 'request_timeout'
  | 'headers_too_large'
  | 'unavailable'
  | 'outcome_unknown'
  | 'internal_error';

/** Every error body: `{"error":{"code","message"}}`; a 412 also carries the current state. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
  current?: SlideState;
}

/** Data of the SSE `slide` event (`event: slide`, `id: <version>`). */
export interface SlideEventData extends SlideState {
  /** Number of slides in the deck, so a viewer can tell when the deck itself was edited. */
  count?: number;
  /** The talk clock as of this version (presenter screens follow it; viewers may ignore it). */
  clock?: TalkClock;
}

/** `GET /healthz` body. */
export interface HealthBody {
  status: 'ok' | 'degraded';
  database?: 'ok' | 'down';
  listener?: 'connected' | 'disconnected';
  /** Whether the listener's own probe NOTIFYs come back (a transaction-mode pooler swallows them). */
  notifications?: 'arriving' | 'not_arriving';
  /** Why the status is degraded, in words an operator understands. */
  reason?: string;
}

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

/** 200 answer of `POST /api/decks/:id/questions/:qid/votes`. */
export interface QuestionVoteResponse {
  votes: number;
}

/** Body of `PATCH /api/decks/:id/questions/:qid` (presenter key). */
export interface SetQuestionStateRequest {
  state: QuestionState;
}

/** Data of the SSE `questions` event: the public list (never hidden ones), versioned. */
export interface QuestionsEventData {
  version: number;
  questions: Question[];
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
