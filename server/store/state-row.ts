import type { SlideEventData, TalkClock } from '../../shared/protocol.js';

/** A deck's state as SELECTed with STATE_COLUMNS. */
export interface StateRow {
  id: string;
  current_index: number;
  current_step: number;
  version: number;
  slide_count: number;
  started_ms: number | null;
  duration_minutes: number | null;
}

/** The talk clock's columns: the start as epoch ms (float8, so both drivers answer a number) and the target. */
export const CLOCK_COLUMNS = 'round(extract(epoch FROM started_at) * 1000)::float8 AS started_ms, duration_minutes';

/** Columns of a StateRow, for RETURNING and SELECT. */
export const STATE_COLUMNS = `id, current_index, current_step, version, slide_count, ${CLOCK_COLUMNS}`;

/** The clock of a row holding CLOCK_COLUMNS. */
export function toClock(row: Pick<StateRow, 'started_ms' | 'duration_minutes'>): TalkClock {
  return {
    startedAt: row.started_ms,
    durationMinutes: row.duration_minutes,
  };
}

/** The state a slide event carries: position, version, slide count and clock. */
export function toState(row: StateRow): SlideEventData {
  return {
    index: row.current_index,
    step: row.current_step,
    version: row.version,
    count: row.slide_count,
    clock: toClock(row),
  };
}
