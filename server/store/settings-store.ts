import type { RoomSettings, SlideEventData } from '../../shared/protocol.js';
import { guardConnection, type Database } from './database.js';
import { STATE_COLUMNS, toSettings, toState, type StateRow } from './deck-rows.js';

/** Outcome of a settings change: the settings and state after it (`unchanged` when it asked for what holds). */
export type SettingsResult =
  { kind: 'changed' | 'unchanged'; settings: RoomSettings; state: SlideEventData } | { kind: 'not_found' };

/**
 * The room settings the presenter flips during the talk (browse, bursts), kept with the deck's
 * state: a change grows the version, so the slide trigger NOTIFYs it in the same transaction and
 * every process's screens get it as a `slide` event (`reached` while behind, `bursts: false`).
 */
export class SettingsStore {
  constructor(private readonly db: Database) {}

  /** Sets the settings given in `wanted` (the others stay). */
  async change(id: string, wanted: Partial<RoomSettings>): Promise<SettingsResult> {
    const params = [id, wanted.browse ?? null, wanted.bursts ?? null];
    return guardConnection(async () => {
      const changed = await this.db.change<StateRow>(
        `UPDATE decks SET browse = COALESCE($2::text, browse), bursts = COALESCE($3::boolean, bursts),
           version = version + 1, updated_at = now()
         WHERE id = $1 AND (browse <> COALESCE($2::text, browse) OR bursts <> COALESCE($3::boolean, bursts))
         RETURNING ${STATE_COLUMNS}`,
        params,
      );
      const row =
        changed[0] ?? (await this.db.query<StateRow>(`SELECT ${STATE_COLUMNS} FROM decks WHERE id = $1`, [id]))[0];
      if (!row) return { kind: 'not_found' };
      return { kind: changed[0] ? 'changed' : 'unchanged', settings: toSettings(row), state: toState(row) };
    });
  }
}
