import type { Database, Queryable } from './database.js';
import { DECK_CHANNEL, type DeletedPayload } from './deck-notification.js';

/** NOTIFYs every process that `ids` are gone, in the deleting transaction (their streams end). */
async function notifyDeleted(tx: Queryable, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const payload: DeletedPayload = { deleted: id };
    await tx.query('SELECT pg_notify($1, $2)', [DECK_CHANNEL, JSON.stringify(payload)]);
  }
}

/** Deleting decks: by their presenter, or when idle too long. Keys (and anything else of a deck) cascade. */
export class DeckRemoval {
  constructor(private readonly db: Database) {}

  /** Deletes deck `id`; false when there was none. */
  async deleteDeck(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>('DELETE FROM decks WHERE id = $1 RETURNING id', [id]);
      await notifyDeleted(
        tx,
        rows.map((row) => row.id),
      );
      return rows.length > 0;
    });
  }

  /**
   * Deletes decks untouched (no slide change) for `ttlDays` days, at most `batch` (default 500)
   * per call; decks served from a file (they have a source hash) never expire. Returns their ids.
   */
  async expireIdle(ttlDays: number, batch = 500): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `DELETE FROM decks WHERE id IN (
           SELECT id FROM decks WHERE source_hash IS NULL AND updated_at < now() - make_interval(days => $1)
           LIMIT $2)
         RETURNING id`,
        [ttlDays, batch],
      );
      const ids = rows.map((row) => row.id);
      await notifyDeleted(tx, ids);
      return ids;
    });
  }
}
