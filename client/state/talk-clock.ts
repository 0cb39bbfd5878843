import type { TalkClock } from '../../shared/protocol.js';

/** A clock that has not started and has no target: what a slide event without `clock` means. */
export const NO_CLOCK: TalkClock = { startedAt: null, durationMinutes: null };

/** "m:ss" below an hour, "h:mm:ss" from then on. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** What the clock says at `now`: time since the start (0 before it) and time left of the target (null without one). */
export interface ClockReading {
  elapsedMs: number;
  remainingMs: number | null;
}

/** Reads `clock` at `now` (epoch ms). */
export function readClock(clock: TalkClock, now: number): ClockReading {
  const elapsedMs = clock.startedAt === null ? 0 : Math.max(0, now - clock.startedAt);
  const remainingMs = clock.durationMinutes === null ? null : clock.durationMinutes * 60_000 - elapsedMs;
  return { elapsedMs, remainingMs };
}

/** How far ahead or behind the talk may run before the hint says so: a tenth of the talk. */
const PACE_SLACK = 0.1;

/**
 * A quiet pace hint: slides left against time left, e.g. "6 slides in 12 min · on pace".
 * Ahead or behind when the share of slides shown and the share of time spent differ by more
 * than a tenth. '' without a target or before the start.
 */
export function paceHint(reading: ClockReading, clock: TalkClock, index: number, count: number): string {
  if (clock.durationMinutes === null || clock.startedAt === null || reading.remainingMs === null) return '';
  const slidesLeft = Math.max(0, count - index - 1);
  const slides = `${slidesLeft} ${slidesLeft === 1 ? 'slide' : 'slides'}`;
  if (reading.remainingMs <= 0) return `${slides} left, time is up`;
  const minutes = Math.max(1, Math.round(reading.remainingMs / 60_000));
  const shown = count > 1 ? index / (count - 1) : 1;
  const spent = reading.elapsedMs / (clock.durationMinutes * 60_000);
  const pace = shown - spent > PACE_SLACK ? 'ahead' : spent - shown > PACE_SLACK ? 'behind' : 'on pace';
  return `${slides} in ${minutes} min · ${pace}`;
}

/** The gentle buzz a phone gives as the countdown passes a mark: 5 minutes left, and time up. */
export type ClockMark = 'five_minutes' | 'time_up';

/** The mark passed between two readings of time left (`before` then `after`), or null. */
export function passedMark(before: number | null, after: number | null): ClockMark | null {
  if (before === null || after === null) return null;
  if (before > 0 && after <= 0) return 'time_up';
  if (before > 5 * 60_000 && after <= 5 * 60_000) return 'five_minutes';
  return null;
}
