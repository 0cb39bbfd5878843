import {
  REACTION_NAMES,
  type ReactionCounts,
  type ReactionMinute,
  type ReactionName,
} from '../../shared/room-protocol.js';
import type { Database } from './database.js';
import { DECK_CHANNEL } from './deck-notification.js';

/**
 * Adds a flush of taps to a deck's totals and to this minute's row per name, and NOTIFYs the
 * totals, in ONE statement: the upserts, then one `pg_notify` of a ReactionsPayload carrying the
 * new totals (those just written, plus the deck's other names as they stood) and what this flush
 * added. Nothing happens for a deck that is gone.
 */
const ADD_SQL = `
  WITH added AS (
    SELECT t.name, t.added FROM unnest($2::text[], $3::bigint[]) AS t(name, added)
    WHERE EXISTS (SELECT 1 FROM decks WHERE id = $1)
  ), up AS (
    INSERT INTO deck_reactions (deck_id, name, count)
    SELECT $1, name, added FROM added
    ON CONFLICT (deck_id, name) DO UPDATE SET count = deck_reactions.count + EXCLUDED.count
    RETURNING name, count
  ), per_minute AS (
    INSERT INTO reaction_minutes (deck_id, minute, name, count)
    SELECT $1, date_trunc('minute', now()), name, added FROM added
    ON CONFLICT (deck_id, minute, name) DO UPDATE SET count = reaction_minutes.count + EXCLUDED.count
  ), totals AS (
    SELECT name, count FROM up
    UNION ALL
    SELECT r.name, r.count FROM deck_reactions r WHERE r.deck_id = $1 AND r.name NOT IN (SELECT name FROM up)
  )
  SELECT pg_notify($4, json_build_object(
    'reactions', $1::text,
    'counts', (SELECT json_object_agg(name, count) FROM totals),
    'added', (SELECT json_object_agg(name, added) FROM added)
  )::text) AS sent
  WHERE EXISTS (SELECT 1 FROM up)`;

/** Reaction totals per deck in `deck_reactions`, and per minute in `reaction_minutes`. */
export class ReactionStore {
  constructor(private readonly db: Database) {}

  /** Adds `added` (taps by name since the last flush) to the deck's totals: one upsert and one NOTIFY. */
  async add(deckId: string, added: ReadonlyMap<ReactionName, number>): Promise<void> {
    const names = [...added.keys()];
    const counts = names.map((name) => added.get(name) ?? 0);
    if (names.length === 0) return;
    await this.db.query(ADD_SQL, [deckId, names, counts, DECK_CHANNEL]);
  }

  /** The deck's totals by name (names never sent are absent). */
  async totals(deckId: string): Promise<ReactionCounts> {
    const rows = await this.db.query<{ name: string; count: string | number }>(
      'SELECT name, count FROM deck_reactions WHERE deck_id = $1',
      [deckId],
    );
    const totals: ReactionCounts = {};
    for (const row of rows) {
      const name = REACTION_NAMES.find((known) => known === row.name);
      if (name) totals[name] = Number(row.count);
    }
    return totals;
  }

  /** The deck's reactions per minute, oldest first (minutes without any are absent). */
  async perMinute(deckId: string): Promise<ReactionMinute[]> {
    const rows = await this.db.query<{ at_ms: number; name: string; count: string | number }>(
      `SELECT round(extract(epoch FROM minute) * 1000)::float8 AS at_ms, name, count
       FROM reaction_minutes WHERE deck_id = $1 ORDER BY minute, name`,
      [deckId],
    );
    const minutes: ReactionMinute[] = [];
    for (const row of rows) {
      const name = REACTION_NAMES.find((known) => known === row.name);
      if (!name) continue;
      const at = new Date(Number(row.at_ms)).toISOString();
      let minute = minutes.at(-1);
      if (minute?.at !== at) minutes.push((minute = { at, counts: {} }));
      minute.counts[name] = Number(row.count);
    }
    return minutes;
  }
}
