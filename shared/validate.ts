import type { ErrorBody, Slide, SlideEventData, SlideState, TalkClock } from './protocol.js';

/** Pure validators for untrusted data that both sides parse (SSE payloads, error bodies). */

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

function isNullablePositive(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value) && value > 0);
}

/** Narrows a talk clock: `{startedAt, durationMinutes}`, each a positive number or null. */
export function isTalkClock(value: unknown): value is TalkClock {
  return isRecord(value) && isNullablePositive(value.startedAt) && isNullablePositive(value.durationMinutes);
}

/** Parses the data line of an SSE `slide` event; null when it is not one. */
export function parseSlideEvent(data: string): SlideEventData | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isSlideState(parsed)) return null;
  const state = { index: parsed.index, step: parsed.step, version: parsed.version };
  const result: SlideEventData = state;
  if (isRecord(parsed) && isIndex(parsed.count)) result.count = parsed.count;
  if (isRecord(parsed) && isTalkClock(parsed.clock)) {
    result.clock = { startedAt: parsed.clock.startedAt, durationMinutes: parsed.clock.durationMinutes };
  }
  return result;
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
