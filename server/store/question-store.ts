import type { Question, QuestionState } from '../../shared/room-protocol.js';
import { guardConnection, type Database } from './database.js';
import { DECK_CHANNEL } from './deck-notification.js';

interface QuestionRow {
  id: string;
  text: string;
  votes: number;
  state: QuestionState;
  slide: number;
}

const COLUMNS = 'id::text AS id, text, votes, state, slide';

function toQuestion(row: QuestionRow): Question {
  return { id: row.id, text: row.text, votes: row.votes, state: row.state, slide: row.slide };
}

/** One viewer's vote (`up`) or taken-back vote on a question, waiting to be written. */
export interface QuestionVote {
  questionId: string;
  viewer: string;
  up: boolean;
}

/** Outcome of a vote: the question's votes and whether this viewer's vote counts, or not found (or hidden). */
export type QuestionVoteResult = { kind: 'counted'; votes: number; voted: boolean } | { kind: 'not_found' };

/** Audience questions and their votes; every change NOTIFYs through the questions trigger. */
export class QuestionStore {
  constructor(private readonly db: Database) {}

  /** Adds an open question on the deck's current slide; null when the deck does not exist. */
  async ask(deckId: string, text: string): Promise<Question | null> {
    const rows = await guardConnection(() =>
      this.db.query<QuestionRow>(
        `INSERT INTO questions (deck_id, text, slide)
         SELECT id, $2, current_index FROM decks WHERE id = $1
         RETURNING ${COLUMNS}`,
        [deckId, text],
      ),
    );
    return rows[0] ? toQuestion(rows[0]) : null;
  }

  /** The deck's questions by votes, then oldest first; hidden ones only when `withHidden`. */
  async list(deckId: string, withHidden: boolean): Promise<Question[]> {
    const rows = await guardConnection(() =>
      this.db.query<QuestionRow>(
        `SELECT ${COLUMNS} FROM questions WHERE deck_id = $1 AND ($2 OR state <> 'hidden')
         ORDER BY votes DESC, id LIMIT 1000`,
        [deckId, withHidden],
      ),
    );
    return rows.map(toQuestion);
  }

  /**
   * Applies a batch of votes and taken-back votes (at most one per question and viewer) in one
   * transaction: one insert, one delete, one update of the counts. The question rows are locked
   * in id order first, so batches from several processes never deadlock, and the unique
   * (question, viewer) row decides, on every process at once, whether a vote counts.
   * Returns, per entry in order, the question's votes after the batch and whether the viewer's vote counts.
   */
  async applyVotes(deckId: string, batch: readonly QuestionVote[]): Promise<QuestionVoteResult[]> {
    const ids = batch.map((vote) => vote.questionId);
    const viewers = batch.map((vote) => vote.viewer);
    const ups = batch.map((vote) => vote.up);
    return guardConnection(() =>
      this.db.transaction(async (tx) => {
        const targets = await tx.query<{ id: string }>(
          `SELECT id::text AS id FROM questions WHERE deck_id = $1 AND id = ANY($2::bigint[]) AND state <> 'hidden'
           ORDER BY id FOR UPDATE`,
          [deckId, ids],
        );
        const open = targets.map((row) => row.id);
        if (open.length > 0) {
          await tx.query(
            `WITH input AS (
               SELECT * FROM unnest($1::bigint[], $2::text[], $3::boolean[]) AS v(question_id, viewer, up)
               WHERE v.question_id = ANY($4::bigint[])
             ), added AS (
               INSERT INTO question_votes (question_id, viewer)
               SELECT question_id, viewer FROM input WHERE up ON CONFLICT DO NOTHING RETURNING question_id
             ), removed AS (
               DELETE FROM question_votes q USING input i
               WHERE NOT i.up AND q.question_id = i.question_id AND q.viewer = i.viewer RETURNING q.question_id
             ), delta AS (
               SELECT question_id, sum(change)::integer AS change FROM (
                 SELECT question_id, 1 AS change FROM added UNION ALL SELECT question_id, -1 FROM removed
               ) c GROUP BY question_id
             )
             UPDATE questions SET votes = votes + delta.change FROM delta
             WHERE questions.id = delta.question_id AND delta.change <> 0`,
            [ids, viewers, ups, open],
          );
        }
        const after = await tx.query<{ id: string; votes: number; voted: string[] | null }>(
          `SELECT q.id::text AS id, q.votes, array(
             SELECT viewer FROM question_votes WHERE question_id = q.id AND viewer = ANY($3::text[])
           ) AS voted
           FROM questions q WHERE q.deck_id = $1 AND q.id = ANY($2::bigint[])`,
          [deckId, open, viewers],
        );
        const byId = new Map(after.map((row) => [row.id, { votes: row.votes, voted: new Set(row.voted ?? []) }]));
        return batch.map((vote): QuestionVoteResult => {
          const found = byId.get(vote.questionId);
          return found
            ? { kind: 'counted', votes: found.votes, voted: found.voted.has(vote.viewer) }
            : { kind: 'not_found' };
        });
      }),
    );
  }

  /** Every question of the decks, hidden ones included (for the report), by votes. */
  async listAll(deckIds: readonly string[], withHidden: boolean): Promise<Map<string, Question[]>> {
    const rows = await guardConnection(() =>
      this.db.query<QuestionRow & { deck_id: string }>(
        `SELECT deck_id, ${COLUMNS} FROM questions WHERE deck_id = ANY($1::text[]) AND ($2 OR state <> 'hidden')
         ORDER BY deck_id, votes DESC, id`,
        [[...deckIds], withHidden],
      ),
    );
    const byDeck = new Map<string, Question[]>();
    for (const row of rows) {
      const list = byDeck.get(row.deck_id) ?? [];
      if (list.length < 1000) list.push(toQuestion(row));
      byDeck.set(row.deck_id, list);
    }
    return byDeck;
  }

  /** Whether each deck's top questions are on every screen (the presenter's choice; default false). */
  async onScreen(deckIds: readonly string[]): Promise<Map<string, boolean>> {
    const rows = await guardConnection(() =>
      this.db.query<{ id: string; on_screen: boolean }>(
        'SELECT id, questions_on_screen AS on_screen FROM decks WHERE id = ANY($1::text[])',
        [[...deckIds]],
      ),
    );
    return new Map(rows.map((row) => [row.id, row.on_screen]));
  }

  /** Puts the deck's top questions on every screen or takes them off, and tells every process; false when there is no such deck. */
  async setOnScreen(deckId: string, onScreen: boolean): Promise<boolean> {
    const rows = await guardConnection(() =>
      this.db.query<{ id: string }>(
        `WITH changed AS (UPDATE decks SET questions_on_screen = $2 WHERE id = $1 RETURNING id)
         SELECT id, pg_notify($3, json_build_object('questions', id, 'version', nextval('questions_version'))::text)
         FROM changed`,
        [deckId, onScreen, DECK_CHANNEL],
      ),
    );
    return rows.length > 0;
  }

  /** Sets a question's state (the presenter's call); null when the deck has no such question. */
  async setState(deckId: string, questionId: string, state: QuestionState): Promise<Question | null> {
    const rows = await guardConnection(() =>
      this.db.query<QuestionRow>(
        `UPDATE questions SET state = $3 WHERE id = $2::bigint AND deck_id = $1 RETURNING ${COLUMNS}`,
        [deckId, questionId, state],
      ),
    );
    return rows[0] ? toQuestion(rows[0]) : null;
  }
}
