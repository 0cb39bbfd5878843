import {
  type ErrorBody,
  type Slide,
  type SlideEventData,
  type SlidePosition,
  type SlideState,
  type TalkClock,
} from './protocol.js';
import {
  REACTION_NAMES,
  type PresenterEventData,
  type ReactionCounts,
  type ReactionsEventData,
} from './room-protocol.js';

/** Pure validators for untrusted data that both sides parse (SSE payloads, error bodies). */

/** The reaction names, in the reaction bar's order: the list reaction payloads are checked against (the client reads it here). */
export { REACTION_NAMES } from './room-protocol.js';

/** True for a plain object (not null, not an array): a record whose fields are still unknown. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a non-negative safe integer. */
export function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Narrows `{index, step, version}` with index >= 0, step >= 0 and version >= 1. */
export function isSlideState(value: unknown): value is SlideState {
  return isRecord(value) && isIndex(value.index) && isIndex(value.step) && isIndex(value.version) && value.version >= 1;
}

/** Narrows a slide as decks carry it: `{html, steps}`. */
export function isSlide(value: unknown): value is Slide {
  return isRecord(value) && typeof value.html === 'string' && isIndex(value.steps);
}

/** Narrows `{index, step}` with both >= 0. */
export function isSlidePosition(value: unknown): value is SlidePosition {
  return isRecord(value) && isIndex(value.index) && isIndex(value.step);
}

function isNullablePositive(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value) && value > 0);
}

/** Narrows a talk clock: `{startedAt, durationMinutes}`, each a positive number or null. */
export function isTalkClock(value: unknown): value is TalkClock {
  return isRecord(value) && isNullablePositive(value.startedAt) && isNullablePositive(value.durationMinutes);
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/** Parses the data line of an SSE `slide` event (with `reached`, `reveal` and `bursts` when present); null when it is not one. */
export function parseSlideEvent(data: string): SlideEventData | null {
  const parsed = parseJson(data);
  if (!isSlideState(parsed)) return null;
  const event: SlideEventData = { index: parsed.index, step: parsed.step, version: parsed.version };
  const record = parsed as unknown as Record<string, unknown>;
  if (isIndex(record.count)) event.count = record.count;
  if (isSlidePosition(record.reached)) event.reached = { index: record.reached.index, step: record.reached.step };
  const reveal = record.reveal;
  if (isRecord(reveal) && isIndex(reveal.first) && Array.isArray(reveal.slides) && reveal.slides.every(isSlide)) {
    event.reveal = { first: reveal.first, slides: reveal.slides };
  }
  if (isTalkClock(record.clock)) {
    event.clock = { startedAt: record.clock.startedAt, durationMinutes: record.clock.durationMinutes };
  }
  if (record.bursts === false) event.bursts = false;
  return event;
}

/** The known reaction names of `value` with a whole count >= 0; null when it is no object. */
export function parseReactionCounts(value: unknown): ReactionCounts | null {
  if (!isRecord(value)) return null;
  const counts: ReactionCounts = {};
  for (const name of REACTION_NAMES) if (isIndex(value[name])) counts[name] = value[name];
  return counts;
}

/** Parses the data line of an SSE `reactions` event; null when it is not one. */
export function parseReactionsEvent(data: string): ReactionsEventData | null {
  const parsed = parseJson(data);
  if (!isRecord(parsed) || !isIndex(parsed.version)) return null;
  const counts = parseReactionCounts(parsed.counts);
  const recent = parseReactionCounts(parsed.recent);
  return counts && recent ? { counts, recent, version: parsed.version } : null;
}

/** Parses the data line of an SSE `presenter` event; null when it is not one. */
export function parsePresenterEvent(data: string): PresenterEventData | null {
  const parsed = parseJson(data);
  if (!isRecord(parsed) || typeof parsed.online !== 'boolean' || !isIndex(parsed.version)) return null;
  return { online: parsed.online, version: parsed.version };
}

/** Narrows an API error body; anything else is null. */
export function parseErrorBody(value: unknown): ErrorBody | null {
  if (!isRecord(value) || !isRecord(value.error)) return null;
  const { code, message } = value.error;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  const body = { error: { code, message } } as ErrorBody;
  if (isSlideState(value.current)) body.current = value.current;
  return body;
}
