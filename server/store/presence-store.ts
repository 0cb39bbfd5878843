import type { Database } from './database.js';

/** One process's audience of one deck, as it publishes it. */
export interface PresenceCounts {
  viewers: number;
  live: number;
  browsing: number;
}

/** Rows of processes gone without a clean stop are deleted once this old (they are ignored long before). */
const PURGE_AFTER = '1 minute';

/**
 * Publishes this process's counts in ONE statement: upserts a row per deck it has viewers of,
 * deletes its rows of decks it no longer has, and purges long-dead processes' rows.
 */
const PUBLISH_SQL = `
  WITH gone AS (
    DELETE FROM deck_presence
    WHERE (process_id = $1 AND deck_id <> ALL($2::text[])) OR updated_at < now() - interval '${PURGE_AFTER}'
  )
  INSERT INTO deck_presence (process_id, deck_id, viewers, live, browsing, updated_at)
  SELECT $1, t.deck, t.viewers, t.live, t.browsing, now()
  FROM unnest($2::text[], $3::int[], $4::int[], $5::int[]) AS t(deck, viewers, live, browsing)
  WHERE EXISTS (SELECT 1 FROM decks WHERE id = t.deck)
  ON CONFLICT (process_id, deck_id) DO UPDATE
    SET viewers = EXCLUDED.viewers, live = EXCLUDED.live, browsing = EXCLUDED.browsing, updated_at = now()`;

/** Per-process audience counts in `deck_presence`: a row per process and deck, trusted while fresh. */
export class PresenceStore {
  constructor(private readonly db: Database) {}

  /** Replaces every row of `processId` with `decks` (deck id to its counts), in one statement. */
  async publish(processId: string, decks: ReadonlyMap<string, PresenceCounts>): Promise<void> {
    const ids = [...decks.keys()];
    const pick = (field: keyof PresenceCounts) => ids.map((id) => decks.get(id)?.[field] ?? 0);
    await this.db.query(PUBLISH_SQL, [processId, ids, pick('viewers'), pick('live'), pick('browsing')]);
  }

  /** Deletes every row of `processId` (its clean stop). */
  async remove(processId: string): Promise<void> {
    await this.db.query('DELETE FROM deck_presence WHERE process_id = $1', [processId]);
  }

  /** The deck's counts summed over every process but `exceptProcess`, from rows at most `maxAgeMs` old. */
  async others(deckId: string, exceptProcess: string, maxAgeMs: number): Promise<PresenceCounts> {
    const rows = await this.db.query<{ viewers: number; live: number; browsing: number }>(
      `SELECT coalesce(sum(viewers), 0)::int AS viewers, coalesce(sum(live), 0)::int AS live,
              coalesce(sum(browsing), 0)::int AS browsing
       FROM deck_presence
       WHERE deck_id = $1 AND process_id <> $2 AND updated_at > now() - make_interval(secs => $3)`,
      [deckId, exceptProcess, maxAgeMs / 1000],
    );
    const row = rows[0];
    return { viewers: row?.viewers ?? 0, live: row?.live ?? 0, browsing: row?.browsing ?? 0 };
  }
}
