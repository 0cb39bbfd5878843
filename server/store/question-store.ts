import type { Question, QuestionState } from '../../shared/protocol.js';
import { guardConnection, type Database } from './database.js';

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

/** Outcome of a vote: the question's votes (unchanged when this viewer had voted), or not found. */
export type QuestionVoteResult = { kind: 'counted' | 'repeat'; votes: number } | { kind: 'not_found' };

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

  /** Counts `viewer`'s vote on a visible question once; a second vote from the same viewer changes nothing. */
  async vote(deckId: string, questionId: string, viewer: string): Promise<QuestionVoteResult> {
    // One statement: the unique (question, viewer) row decides, on every process at once.
    const rows = await guardConnection(() =>
      this.db.query<{ counted: number | null; current: number | null }>(
        `WITH target AS (
           SELECT id, votes FROM questions WHERE id = $2::bigint AND deck_id = $1 AND state <> 'hidden'
         ), cast_vote AS (
           INSERT INTO question_votes (question_id, viewer) SELECT id, $3 FROM target
           ON CONFLICT DO NOTHING RETURNING question_id
         ), counted AS (
           UPDATE questions SET votes = votes + 1 WHERE id IN (SELECT question_id FROM cast_vote) RETURNING votes
         )
         SELECT (SELECT votes FROM counted) AS counted, (SELECT votes FROM target) AS current`,
        [deckId, questionId, viewer],
      ),
    );
    const row = rows[0];
    if (!row || row.current === null) return { kind: 'not_found' };
    return row.counted === null ? { kind: 'repeat', votes: row.current } : { kind: 'counted', votes: row.counted };
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
