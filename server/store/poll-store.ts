import type { PollEventData, PollReport } from '../../shared/room-protocol.js';
import { guardConnection, type Database } from './database.js';
import { DECK_CHANNEL } from './deck-notification.js';

/** A stored poll: its question and options (as the deck wrote them). */
export interface StoredPoll {
  question: string;
  options: string[];
  /** False once the presenter closed it. */
  open: boolean;
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
      this.db.query<StoredPoll>('SELECT question, options, open FROM polls WHERE deck_id = $1 AND poll_id = $2', [
        deckId,
        pollId,
      ]),
    );
    return rows[0] ?? null;
  }

  /** Stores a poll of a deck unless it is stored already; returns the stored one. */
  async ensure(deckId: string, pollId: string, poll: Omit<StoredPoll, 'open'>): Promise<StoredPoll> {
    await guardConnection(() =>
      this.db.query(
        `INSERT INTO polls (deck_id, poll_id, question, options) VALUES ($1, $2, $3, $4)
         ON CONFLICT (deck_id, poll_id) DO NOTHING`,
        [deckId, pollId, poll.question, JSON.stringify(poll.options)],
      ),
    );
    return (await this.get(deckId, pollId)) ?? { ...poll, open: true };
  }

  /**
   * Writes `votes` (each replacing that viewer's older one, whichever process wrote it) in one upsert, counts the poll and
   * NOTIFYs the tally, all in one transaction. The poll's row lock orders flushes from every
   * process, so a higher version always carries a count that includes the lower ones. A closed
   * poll takes no more votes. `change` (the presenter's) opens, closes or reveals it in the same step.
   */
  async flush(
    deckId: string,
    pollId: string,
    optionCount: number,
    votes: PendingVote[],
    change: PollChange = {},
  ): Promise<PollEventData> {
    return guardConnection(() =>
      this.db.transaction(async (tx) => {
        const locked = await tx.query<{ version: string; open: boolean; revealed: boolean }>(
          `UPDATE polls SET version = version + 1, open = coalesce($3, open), revealed = coalesce($4, revealed),
             closed_at = CASE WHEN $3 IS NULL THEN closed_at WHEN $3 THEN NULL ELSE coalesce(closed_at, now()) END
           WHERE deck_id = $1 AND poll_id = $2 RETURNING version::text, open, revealed`,
          [deckId, pollId, change.open ?? null, change.revealed ?? null],
        );
        const state = locked[0];
        if (!state) throw new Error(`poll ${deckId}/${pollId} is not stored`);
        if (votes.length > 0 && state.open) {
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
        const tally = toTally(pollId, optionCount, rows, Number(state.version), state.open, state.revealed);
        await tx.query('SELECT pg_notify($1, $2)', [DECK_CHANNEL, JSON.stringify({ poll: deckId, ...tally })]);
        return tally;
      }),
    );
  }

  /** Every stored poll of the decks with its tally, state and wording, in one read (for new streams and the report). */
  async tallies(deckIds: readonly string[]): Promise<Map<string, PollReport[]>> {
    const rows = await guardConnection(() =>
      this.db.query<PollRow>(
        `SELECT p.deck_id, p.poll_id, p.question, p.options, p.version::text AS version, p.open, p.revealed,
           coalesce((SELECT json_agg(json_build_array(v.option, v.votes)) FROM (
             SELECT option, count(*)::integer AS votes FROM poll_votes
             WHERE deck_id = p.deck_id AND poll_id = p.poll_id GROUP BY option) v), '[]'::json) AS counts
         FROM polls p WHERE p.deck_id = ANY($1::text[]) ORDER BY p.deck_id, p.poll_id`,
        [[...deckIds]],
      ),
    );
    const byDeck = new Map<string, PollReport[]>();
    for (const row of rows) {
      const options = parseJson<string[]>(row.options);
      const counts = parseJson<Array<[number, number]>>(row.counts).map(([option, votes]) => ({ option, votes }));
      const tally = toTally(row.poll_id, options.length, counts, Number(row.version), row.open, row.revealed);
      const list = byDeck.get(row.deck_id) ?? [];
      list.push({ ...tally, question: row.question, options });
      byDeck.set(row.deck_id, list);
    }
    return byDeck;
  }
}

/** The presenter's change to a poll: open or close it, reveal or hide its results. */
export interface PollChange {
  open?: boolean;
  revealed?: boolean;
}

interface PollRow {
  deck_id: string;
  poll_id: string;
  question: string;
  options: string[] | string;
  version: string;
  open: boolean;
  revealed: boolean;
  counts: Array<[number, number]> | string;
}

/** jsonb/json arrive parsed from pg and PGlite alike; a string is parsed here in case a driver does not. */
function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function toTally(
  pollId: string,
  optionCount: number,
  rows: ReadonlyArray<{ option: number; votes: number }>,
  version: number,
  open: boolean,
  revealed: boolean,
): PollEventData {
  const counts = new Array<number>(optionCount).fill(0);
  for (const row of rows) if (row.option < optionCount) counts[row.option] = row.votes;
  const total = counts.reduce((sum, count) => sum + count, 0);
  return { id: pollId, counts, total, version, open, revealed };
}
