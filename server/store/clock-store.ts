import type { ClockRequest, SlideEventData } from '../../shared/protocol.js';
import { guardConnection, type Database } from './database.js';
import { STATE_COLUMNS, toState, type StateRow } from './deck-rows.js';

/** Outcome of a clock change; `unchanged` when it asked for what already holds. */
export type ClockResult =
  | { kind: 'changed' | 'unchanged'; state: SlideEventData }
  | { kind: 'not_found' }
  | { kind: 'version_mismatch'; current: SlideEventData };

/** What each action sets, and when it changes nothing (so the version stays). */
const ACTIONS: Record<ClockRequest['action'], { set: string; changes: string }> = {
  start: { set: 'started_at = now()', changes: 'started_at IS NULL' },
  start_over: {
    set: 'started_at = NULL, current_index = 0, current_step = 0',
    changes: '(started_at IS NOT NULL OR current_index <> 0 OR current_step <> 0)',
  },
  set_duration: {
    set: 'duration_minutes = $3',
    changes: 'duration_minutes IS DISTINCT FROM $3::double precision',
  },
};

/**
 * The talk clock, kept with the deck's state: every change grows the version, so the slide
 * trigger NOTIFYs it and every presenter screen shows the same clock.
 */
export class ClockStore {
  constructor(private readonly db: Database) {}

  /** Applies `action` (with `durationMinutes` for set_duration); with `expectedVersion` a compare-and-set. */
  async change(
    id: string,
    action: ClockRequest['action'],
    durationMinutes: number | null,
    expectedVersion?: number,
  ): Promise<ClockResult> {
    const { set, changes } = ACTIONS[action];
    return guardConnection(async () => {
      const changed = await this.db.change<StateRow>(
        `UPDATE decks SET ${set}, version = version + 1, updated_at = now()
         WHERE id = $1 AND ${changes} AND ($2::integer IS NULL OR version = $2)
         RETURNING ${STATE_COLUMNS}`,
        [id, expectedVersion ?? null, ...(action === 'set_duration' ? [durationMinutes] : [])],
      );
      if (changed[0]) return { kind: 'changed', state: toState(changed[0]) };
      const rows = await this.db.query<StateRow>(`SELECT ${STATE_COLUMNS} FROM decks WHERE id = $1`, [id]);
      const row = rows[0];
      if (!row) return { kind: 'not_found' };
      if (expectedVersion !== undefined && row.version !== expectedVersion) {
        return { kind: 'version_mismatch', current: toState(row) };
      }
      return { kind: 'unchanged', state: toState(row) };
    });
  }
}
