import type { PollEventData } from '../../shared/protocol.js';
import { guardConnection, type Database } from './database.js';
import { DECK_CHANNEL } from './deck-notification.js';

/** A stored poll: its question and options (as the deck wrote them). */
export interface StoredPoll {
  question: string;
  options: string[];
}

/** One viewer's latest vote in a poll, waiting to be written. */
export interface PendingVote {
  viewer: string;
  option: number;
  /** When the vote arrived, in ms since the epoch: an older vote never replaces a newer one. */
  at: number;
}

/** Polls of decks and their votes. Votes are written in batches (see PollTally), one upsert per flush. */
export class PollStore {
  constructor(private readonly db: Database) {}

  /** The poll as stored, or null when it has not been stored yet. */
  async get(deckId: string, pollId: string): Promise<StoredPoll | null> {
    const rows = await guardConnection(() =>
      this.db.query<StoredPoll>('SELECT question, options FROM polls WHERE deck_id = $1 AND poll_id = $2', [
        deckId,
        pollId,
      ]),
    );
    return rows[0] ?? null;
  }

  /** Stores a poll of a deck unless it is stored already; returns the stored one. */
  async ensure(deckId: string, pollId: string, poll: StoredPoll): Promise<StoredPoll> {
    await guardConnection(() =>
      this.db.query(
        `INSERT INTO polls (deck_id, poll_id, question, options) VALUES ($1, $2, $3, $4)
         ON CONFLICT (deck_id, poll_id) DO NOTHING`,
        [deckId, pollId, poll.question, JSON.stringify(poll.options)],
      ),
    );
    return (await this.get(deckId, pollId)) ?? poll;
  }

  /**
   * Writes `votes` (each replacing that viewer's older one, whichever process wrote it) in one upsert, counts the poll and
   * NOTIFYs the tally, all in one transaction. The poll's row lock orders flushes from every
   * process, so a higher version always carries a count that includes the lower ones.
   */
  async flush(deckId: string, pollId: string, optionCount: number, votes: PendingVote[]): Promise<PollEventData> {
    return guardConnection(() =>
      this.db.transaction(async (tx) => {
        const locked = await tx.query<{ version: string }>(
          'UPDATE polls SET version = version + 1 WHERE deck_id = $1 AND poll_id = $2 RETURNING version::text',
          [deckId, pollId],
        );
        if (votes.length > 0) {
          await tx.query(
            `INSERT INTO poll_votes (deck_id, poll_id, viewer, option, updated_at)
             SELECT $1, $2, v.viewer, v.option, to_timestamp(v.at / 1000.0)
             FROM unnest($3::text[], $4::integer[], $5::float8[]) AS v(viewer, option, at)
             ON CONFLICT (deck_id, poll_id, viewer) DO UPDATE SET option = EXCLUDED.option, updated_at = EXCLUDED.updated_at
             WHERE poll_votes.updated_at < EXCLUDED.updated_at`,
            [
              deckId,
              pollId,
              votes.map((vote) => vote.viewer),
              votes.map((vote) => vote.option),
              votes.map((vote) => vote.at),
            ],
          );
        }
        const rows = await tx.query<{ option: number; votes: number }>(
          `SELECT option, count(*)::integer AS votes FROM poll_votes
           WHERE deck_id = $1 AND poll_id = $2 GROUP BY option`,
          [deckId, pollId],
        );
        const counts = new Array<number>(optionCount).fill(0);
        for (const row of rows) if (row.option < optionCount) counts[row.option] = row.votes;
        const tally: PollEventData = {
          id: pollId,
          counts,
          total: counts.reduce((sum, count) => sum + count, 0),
          version: Number(locked[0]?.version ?? 0),
        };
        await tx.query('SELECT pg_notify($1, $2)', [DECK_CHANNEL, JSON.stringify({ poll: deckId, ...tally })]);
        return tally;
      }),
    );
  }
}
