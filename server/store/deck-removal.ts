import type { Database, Queryable } from './database.js';
import { DECK_CHANNEL, type DeletedPayload } from './deck-notification.js';

/** NOTIFYs every process that `ids` are gone, in the deleting transaction (their streams end). */
async function notifyDeleted(tx: Queryable, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const payload: DeletedPayload = { deleted: id };
    await tx.query('SELECT pg_notify($1, $2)', [DECK_CHANNEL, JSON.stringify(payload)]);
  }
}

/**
 * Files no deck links to, stored more than `graceMinutes` ago (a deck being created stores its
 * files a moment before it links them; storing a file again makes it fresh): `ids` only, or all.
 */
const ORPHANS = `DELETE FROM assets a
   WHERE a.created_at < now() - make_interval(mins => $1)
     AND ($2::text[] IS NULL OR a.id = ANY($2::text[]))
     AND NOT EXISTS (SELECT 1 FROM deck_assets l WHERE l.asset_id = a.id)
   RETURNING a.size`;

/** Minutes a stored file is kept without a deck linking to it (see ORPHANS). */
export const ORPHAN_GRACE_MINUTES = 5;

/** Deleting decks: by their presenter, or when idle too long. Keys (and anything else of a deck) cascade; files no deck uses any more are freed. */
export class DeckRemoval {
  constructor(private readonly db: Database) {}

  /** Deletes deck `id`; false when there was none. */
  async deleteDeck(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const files = await tx.query<{ asset_id: string }>('SELECT asset_id FROM deck_assets WHERE deck_id = $1', [id]);
      const rows = await tx.query<{ id: string }>('DELETE FROM decks WHERE id = $1 RETURNING id', [id]);
      await notifyDeleted(
        tx,
        rows.map((row) => row.id),
      );
      // Its files that no other deck uses go with it (fresh ones wait for the sweep, see ORPHANS).
      if (files.length > 0) await tx.query(ORPHANS, [ORPHAN_GRACE_MINUTES, files.map((file) => file.asset_id)]);
      return rows.length > 0;
    });
  }

  /**
   * Frees every stored file that no deck links to any more (after a deletion, an expiry or a
   * re-import), once older than `graceMinutes` (default ORPHAN_GRACE_MINUTES). Returns the files and bytes freed.
   */
  async freeOrphanAssets(graceMinutes = ORPHAN_GRACE_MINUTES): Promise<{ files: number; bytes: number }> {
    const rows = await this.db.query<{ size: number }>(ORPHANS, [graceMinutes, null]);
    return { files: rows.length, bytes: rows.reduce((sum, row) => sum + row.size, 0) };
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
