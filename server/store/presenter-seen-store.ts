import type { Database } from './database.js';

/**
 * When a presenter remote of each deck was last connected, in `deck_presenter`: every process
 * holding a remote's stream refreshes the time every few seconds, so a remote that left (or a
 * process that died) shows as an age that grows, on every process.
 */
export class PresenterSeenStore {
  constructor(private readonly db: Database) {}

  /** Marks a remote of each of `deckIds` as connected now (one statement; gone decks are skipped). */
  async touch(deckIds: readonly string[]): Promise<void> {
    if (deckIds.length === 0) return;
    await this.db.query(
      `INSERT INTO deck_presenter (deck_id, seen_at)
       SELECT t.deck, now() FROM unnest($1::text[]) AS t(deck) WHERE EXISTS (SELECT 1 FROM decks WHERE id = t.deck)
       ON CONFLICT (deck_id) DO UPDATE SET seen_at = now()`,
      [deckIds],
    );
  }

  /** How long ago (ms) a remote of each deck was last connected; decks never seen are absent. */
  async ages(deckIds: readonly string[]): Promise<Map<string, number>> {
    if (deckIds.length === 0) return new Map();
    const rows = await this.db.query<{ deck_id: string; age_ms: number | string }>(
      `SELECT deck_id, (extract(epoch FROM now() - seen_at) * 1000)::float8 AS age_ms
       FROM deck_presenter WHERE deck_id = ANY($1::text[])`,
      [deckIds],
    );
    return new Map(rows.map((row) => [row.deck_id, Number(row.age_ms)]));
  }
}
