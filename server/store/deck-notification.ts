import { type SlideEventData, type SlidePosition } from '../../shared/protocol.js';
import { REACTION_NAMES, type PollEventData, type ReactionCounts } from '../../shared/room-protocol.js';
import { isIndex, isRecord, isSlideState, isTalkClock } from '../../shared/validate.js';

/**
 * The channel every deck change is NOTIFYed on: slide moves and presenter-key changes. The
 * value predates the key notifications and stays, since the triggers of existing databases
 * send on it.
 */
export const DECK_CHANNEL = 'podium_slide';

/** The JSON the slide trigger sends on DECK_CHANNEL (see migrations.ts): the deck and its new state. */
export interface SlidePayload {
  deck: string;
  index: number;
  /** The build step of that slide (migration 3 on). */
  step: number;
  version: number;
  /** The deck's slide count; the trigger always sends it. */
  count: number;
  /** Migration 10 on, for a deck browsed behind: `[index, step]` reached now, and before this change (else null). */
  reached?: [number, number] | null;
  before?: [number, number] | null;
  /** The talk clock's start in epoch ms, or null (migration 12 on). */
  startedAt?: number | null;
  /** The talk's target length in minutes, or null (migration 12 on). */
  durationMinutes?: number | null;
  /** False while reaction bursts are off for the room, else absent (migration 13 on). */
  bursts?: false;
}

/** The JSON the key trigger sends on DECK_CHANNEL: a key of this deck was minted, revoked or deleted. */
export interface KeysPayload {
  keys: string;
}

/** The JSON a listener's hearing probe sends on DECK_CHANNEL (see hearing-probe.ts): its own token, for itself. */
export interface ProbePayload {
  probe: string;
}

/** The JSON sent on DECK_CHANNEL when a deck is deleted (by its presenter or by expiry): its streams end. */
export interface DeletedPayload {
  deleted: string;
}

/** The JSON sent on DECK_CHANNEL when a deck's content was replaced (a rehearsal edit): screens fetch it again. */
export interface ContentPayload {
  content: string;
  version: number;
}

/** The JSON the questions trigger sends on DECK_CHANNEL: this deck's questions changed (version only grows). */
export interface QuestionsPayload {
  questions: string;
  version: number;
}

/** The JSON a poll flush sends on DECK_CHANNEL (see poll-store.ts): the deck and the poll's whole tally. */
export type PollPayload = PollEventData & { poll: string };

/** The JSON a reaction flush sends on DECK_CHANNEL (see reaction-store.ts): the deck's totals and what this flush added. */
export interface ReactionsPayload {
  reactions: string;
  counts: ReactionCounts;
  added: ReactionCounts;
}

/** The state a slide notification carries: the SSE `slide` data, with the slide count always present. */
export type NotifiedState = SlideEventData & { count: number };

/** A parsed NOTIFY on DECK_CHANNEL: a slide change, or a change to a deck's presenter keys. */
export type DeckNotification =
  | { kind: 'slide'; deckId: string; state: NotifiedState; before?: SlidePosition }
  | { kind: 'keys'; deckId: string }
  | { kind: 'deleted'; deckId: string }
  | { kind: 'content'; deckId: string; version: number }
  | { kind: 'questions'; deckId: string; version: number }
  | { kind: 'poll'; deckId: string; tally: PollEventData }
  | { kind: 'probe'; token: string }
  | { kind: 'reactions'; deckId: string; counts: ReactionCounts; added: ReactionCounts };

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A PollPayload's tally, or null. */
function pollTally(value: Record<string, unknown>): PollEventData | null {
  const { id, counts, total, version } = value;
  if (typeof id !== 'string' || !Array.isArray(counts) || !counts.every(isCount)) return null;
  if (!isCount(total) || !isCount(version)) return null;
  // Payloads from before poll controls carry neither: an open poll, results not revealed.
  const open = typeof value.open === 'boolean' ? value.open : true;
  const revealed = typeof value.revealed === 'boolean' ? value.revealed : false;
  return { id, counts, total, version, open, revealed };
}

/** The known reaction names of `value` with a whole, non-negative count; null when `value` is no object. */
function reactionCounts(value: unknown): ReactionCounts | null {
  if (!isRecord(value)) return null;
  const counts: ReactionCounts = {};
  for (const name of REACTION_NAMES) {
    const count = value[name];
    if (typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) counts[name] = count;
  }
  return counts;
}

/** Parses a NOTIFY payload once (slide, keys, deleted, content, probe, questions, poll or reactions payload); null for anything else. */
export function parseDeckNotification(payload: string): DeckNotification | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  if (typeof value.keys === 'string') return { kind: 'keys', deckId: value.keys };
  if (typeof value.deleted === 'string') return { kind: 'deleted', deckId: value.deleted };
  if (typeof value.probe === 'string') return { kind: 'probe', token: value.probe };
  if (typeof value.content === 'string' && isIndex(value.version)) {
    return { kind: 'content', deckId: value.content, version: value.version };
  }
  if (typeof value.questions === 'string') {
    return isCount(value.version) ? { kind: 'questions', deckId: value.questions, version: value.version } : null;
  }
  if (typeof value.poll === 'string') {
    const tally = pollTally(value);
    return tally ? { kind: 'poll', deckId: value.poll, tally } : null;
  }
  if (typeof value.reactions === 'string') {
    const counts = reactionCounts(value.counts);
    const added = reactionCounts(value.added);
    return counts && added ? { kind: 'reactions', deckId: value.reactions, counts, added } : null;
  }
  const { deck, count } = value;
  if (typeof deck !== 'string' || !isSlideState(value) || !isIndex(count)) return null;
  const state: NotifiedState = { index: value.index, step: value.step, version: value.version, count };
  // Absent (stripped nulls) means null: the clock has not started, or has no target.
  const clock = { startedAt: value.startedAt ?? null, durationMinutes: value.durationMinutes ?? null };
  if (isTalkClock(clock) && (clock.startedAt !== null || clock.durationMinutes !== null)) state.clock = clock;
  if (value.bursts === false) state.bursts = false;
  const reached = position(value.reached);
  const before = position(value.before);
  if (!reached) return { kind: 'slide', deckId: deck, state };
  return { kind: 'slide', deckId: deck, state: { ...state, reached }, ...(before ? { before } : {}) };
}

/** `[index, step]` of a payload as a position; null for anything else. */
function position(value: unknown): SlidePosition | null {
  if (!Array.isArray(value) || value.length !== 2 || !isIndex(value[0]) || !isIndex(value[1])) return null;
  return { index: value[0], step: value[1] };
}
