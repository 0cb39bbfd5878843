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
   * The deck's public questions (as `list(deckId, false)`) and whether they are on every screen,
   * in one query; null when there is no such deck.
   */
  async publicView(deckId: string): Promise<{ questions: Question[]; onScreen: boolean } | null> {
    const rows = await guardConnection(() =>
      // Without questions, one row whose question columns are all null.
      this.db.query<Omit<QuestionRow, 'id'> & { id: string | null; on_screen: boolean }>(
        `SELECT d.questions_on_screen AS on_screen, q.id::text AS id, q.text, q.votes, q.state, q.slide
         FROM decks d LEFT JOIN LATERAL (
           SELECT * FROM questions WHERE deck_id = d.id AND state <> 'hidden' ORDER BY votes DESC, id LIMIT 1000
         ) q ON true
         WHERE d.id = $1 ORDER BY q.votes DESC, q.id`,
        [deckId],
      ),
    );
    if (!rows[0]) return null;
    const questions = rows.flatMap(({ id, ...row }) => (id === null ? [] : [toQuestion({ ...row, id })]));
    return { questions, onScreen: rows[0].on_screen };
  }

  /**
   * Applies a batch of votes and taken-back votes (at most one per question and viewer) in ONE
   * statement, so one round trip: the batch's open questions are locked in id order first (so
   * batches from several processes never deadlock), then one insert, one delete and one update
   * of the counts; the unique (question, viewer) row decides, on every process at once, whether
   * a vote counts. The locks last for that statement only: a transaction of several round trips
   * held them while the other processes' batches, which want the same questions, queued behind
   * it, and under load the queue grew to seconds.
   * Returns, per entry in order, the question's votes after the batch and whether the viewer's
   * vote counts (its intent: the statement's insert or delete made it so).
   */
  async applyVotes(deckId: string, batch: readonly QuestionVote[]): Promise<QuestionVoteResult[]> {
    const rows = await guardConnection(() =>
      this.db.query<{ id: string; votes: number }>(
        `WITH input AS (
           SELECT * FROM unnest($2::bigint[], $3::text[], $4::boolean[]) AS v(question_id, viewer, up)
         ), open AS (
           SELECT id, votes FROM questions WHERE deck_id = $1 AND id = ANY($2::bigint[]) AND state <> 'hidden'
           ORDER BY id FOR UPDATE
         ), added AS (
           INSERT INTO question_votes (question_id, viewer)
           SELECT i.question_id, i.viewer FROM input i JOIN open o ON o.id = i.question_id WHERE i.up
           ON CONFLICT DO NOTHING RETURNING question_id
         ), removed AS (
           DELETE FROM question_votes q USING input i, open o
           WHERE NOT i.up AND o.id = i.question_id AND q.question_id = i.question_id AND q.viewer = i.viewer
           RETURNING q.question_id
         ), delta AS (
           SELECT question_id, sum(change)::integer AS change FROM (
             SELECT question_id, 1 AS change FROM added UNION ALL SELECT question_id, -1 FROM removed
           ) c GROUP BY question_id
         ), updated AS (
           UPDATE questions SET votes = questions.votes + delta.change FROM delta
           WHERE questions.id = delta.question_id AND delta.change <> 0
           RETURNING questions.id, questions.votes
         )
         SELECT o.id::text AS id, coalesce(u.votes, o.votes) AS votes FROM open o LEFT JOIN updated u ON u.id = o.id`,
        [deckId, batch.map((vote) => vote.questionId), batch.map((vote) => vote.viewer), batch.map((vote) => vote.up)],
      ),
    );
    const votes = new Map(rows.map((row) => [row.id, row.votes]));
    return batch.map((vote): QuestionVoteResult => {
      const count = votes.get(vote.questionId);
      return count === undefined ? { kind: 'not_found' } : { kind: 'counted', votes: count, voted: vote.up };
    });
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
