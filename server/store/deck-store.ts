import { randomInt } from 'node:crypto';
import type { Deck, PresenterDeck, Slide, SlideEventData } from '../../shared/protocol.js';
import { AssetStore } from './asset-store.js';
import { guardConnection, type Database } from './database.js';
import { DECK_CHANNEL, type ContentPayload } from './deck-notification.js';
import { insertKey, PresenterKeyStore } from './presenter-key-store.js';
import { DeckRemoval } from './deck-removal.js';
import { PollStore } from './poll-store.js';
import { QuestionStore } from './question-store.js';
import { ClockStore } from './clock-store.js';
import { CLOCK_COLUMNS, STATE_COLUMNS, toClock, toState, type StateRow } from './state-row.js';

/** A deck's content as the Markdown parser produces it. */
export interface DeckContent {
  title: string;
  slides: Slide[];
  notes: string[];
  /** The talk's target length in minutes from front matter (`duration: 35min`); none by default. */
  durationMinutes?: number;
}

/** Outcome of `setSlide`; the HTTP layer maps each kind to a status. */
export type SetSlideResult =
  | { kind: 'changed' | 'unchanged'; state: SlideEventData }
  | { kind: 'not_found' }
  | { kind: 'version_mismatch'; current: SlideEventData }
  | { kind: 'out_of_range'; count: number }
  /** `index` is a slide, but `step` is past its `steps`. */
  | { kind: 'step_out_of_range'; index: number; steps: number };

interface DeckRow {
  id: string;
  title: string;
  slides: Slide[];
  slide_steps: number[];
  notes?: string[];
  current_index: number;
  current_step: number;
  version: number;
  started_ms: number | null;
  duration_minutes: number | null;
}

/** Columns of a DeckRow, for RETURNING and SELECT (notes apart). */
const DECK_COLUMNS = `id, title, slides, slide_steps, current_index, current_step, version, ${CLOCK_COLUMNS}`;

const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A new 8-character deck code: short enough to read aloud, 39 bits of randomness. */
export function generateDeckId(): string {
  let id = '';
  for (let i = 0; i < 8; i += 1) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** The slide_steps column is the one home of step counts; the slides jsonb of older decks has none. */
function toDeck(row: DeckRow): Deck {
  const slides = row.slides.map((slide, i) => ({ html: slide.html, steps: row.slide_steps[i] ?? 0 }));
  return {
    id: row.id,
    title: row.title,
    slides,
    index: row.current_index,
    step: row.current_step,
    version: row.version,
  };
}

function stepCounts(content: DeckContent): number[] {
  return content.slides.map((slide) => slide.steps);
}

/** All deck SQL lives here. Every method returns shared types; connection failures become DatabaseUnavailableError. */
export class DeckStore {
  /** Presenter keys: check, mint, list, revoke (the one API for them). */
  readonly keys: PresenterKeyStore;
  /** Deck files (images): content-addressed blobs and the paths decks know them by. */
  readonly assets: AssetStore;
  /** Deleting decks (by the presenter, or by expiry). */
  readonly removal: DeckRemoval;
  /** Audience questions and their votes. */
  readonly questions: QuestionStore;
  /** Polls written in decks and their votes. */
  readonly polls: PollStore;
  /** The talk clock: start, start over, target duration. */
  readonly clock: ClockStore;

  constructor(private readonly db: Database) {
    this.keys = new PresenterKeyStore(db);
    this.assets = new AssetStore(db);
    this.removal = new DeckRemoval(db);
    this.questions = new QuestionStore(db);
    this.polls = new PollStore(db);
    this.clock = new ClockStore(db);
  }

  /** Creates a deck with a fresh id and its first presenter key. */
  async createDeck(content: DeckContent): Promise<{ deck: Deck; presenterKey: string }> {
    const deckId = generateDeckId();
    return this.guard(() =>
      this.db.transaction(async (tx) => {
        const rows = await tx.query<DeckRow>(
          `INSERT INTO decks (id, title, slides, notes, slide_count, slide_steps, duration_minutes)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           RETURNING ${DECK_COLUMNS}`,
          [
            deckId,
            content.title,
            JSON.stringify(content.slides),
            JSON.stringify(content.notes),
            content.slides.length,
            stepCounts(content),
            content.durationMinutes ?? null,
          ],
        );
        const minted = await insertKey(tx, deckId, 'creator');
        if (minted.kind !== 'minted') throw new Error('a new deck refused its first key');
        return { deck: toDeck(firstRow(rows)), presenterKey: minted.key };
      }),
    );
  }

  /**
   * Creates deck `id` from `content`, or refreshes its content when `sourceHash` changed
   * (index and step are kept, clamped to the new deck; the version grows so viewers refetch).
   */
  async upsertDeck(id: string, content: DeckContent, sourceHash: string): Promise<Deck> {
    return this.guard(async () => {
      const rows = await this.db.query<DeckRow>(
        `INSERT INTO decks (id, title, slides, notes, slide_count, source_hash, slide_steps, duration_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, slides = EXCLUDED.slides, notes = EXCLUDED.notes,
           slide_count = EXCLUDED.slide_count, source_hash = EXCLUDED.source_hash,
           slide_steps = EXCLUDED.slide_steps, duration_minutes = EXCLUDED.duration_minutes,
           current_index = LEAST(decks.current_index, EXCLUDED.slide_count - 1),
           current_step = LEAST(decks.current_step,
             EXCLUDED.slide_steps[LEAST(decks.current_index, EXCLUDED.slide_count - 1) + 1]),
           version = decks.version + 1, updated_at = now()
         WHERE decks.source_hash IS DISTINCT FROM EXCLUDED.source_hash
         RETURNING ${DECK_COLUMNS}`,
        [
          id,
          content.title,
          JSON.stringify(content.slides),
          JSON.stringify(content.notes),
          content.slides.length,
          sourceHash,
          stepCounts(content),
          content.durationMinutes ?? null,
        ],
      );
      const deck = rows[0] ? toDeck(rows[0]) : await this.getDeck(id);
      if (!deck) throw new Error(`deck ${id} vanished during upsert`);
      if (rows[0]) {
        // New content: every process tells its screens to fetch the deck again (see ContentPayload).
        const payload: ContentPayload = { content: id, version: deck.version };
        await this.db.query('SELECT pg_notify($1, $2)', [DECK_CHANNEL, JSON.stringify(payload)]);
      }
      return deck;
    });
  }

  /** The public deck (never notes), or null. */
  async getDeck(id: string): Promise<Deck | null> {
    const rows = await this.guard(() =>
      this.db.query<DeckRow>(`SELECT ${DECK_COLUMNS} FROM decks WHERE id = $1`, [id]),
    );
    return rows[0] ? toDeck(rows[0]) : null;
  }

  /** The deck with its speaker notes, for a verified presenter, or null. */
  async getPresenterDeck(id: string): Promise<PresenterDeck | null> {
    const rows = await this.guard(() =>
      this.db.query<DeckRow>(`SELECT ${DECK_COLUMNS}, notes FROM decks WHERE id = $1`, [id]),
    );
    const row = rows[0];
    return row ? { ...toDeck(row), notes: row.notes ?? [], clock: toClock(row) } : null;
  }

  /** Current index, step, version and slide count of one deck, or null. */
  async getSlideState(id: string): Promise<SlideEventData | null> {
    return (await this.getSlideStates([id])).get(id) ?? null;
  }

  /** Current state of many decks in one query (used to resync after a reconnect). */
  async getSlideStates(ids: readonly string[]): Promise<Map<string, SlideEventData>> {
    if (ids.length === 0) return new Map();
    const rows = await this.guard(() =>
      this.db.query<StateRow>(`SELECT ${STATE_COLUMNS} FROM decks WHERE id = ANY($1::text[])`, [ids]),
    );
    return new Map(rows.map((row) => [row.id, toState(row)]));
  }

  /**
   * Moves deck `id` to slide `index` at build `step` (default 0; up to that slide's steps) in one statement;
   * the trigger NOTIFYs in the same transaction. With `expectedVersion` it is a compare-and-set.
   * Moving to the current index and step changes nothing.
   * The commit waits for the WAL flush, on both drivers: a change answered 200 survives a
   * crash of Podium or of Postgres, so a version is never handed out twice.
   */
  async setSlide(id: string, index: number, expectedVersion?: number, step = 0): Promise<SetSlideResult> {
    return this.guard(async () => {
      for (;;) {
        // The one statement whose lost answer leaves the outcome unknown (see Database.change).
        const changed = await this.db.change<StateRow>(
          `UPDATE decks SET current_index = $2, current_step = $3, version = version + 1, updated_at = now(),
             started_at = COALESCE(started_at, now())
           WHERE id = $1 AND (current_index <> $2 OR current_step <> $3) AND $2 < slide_count
             AND $3 <= slide_steps[$2 + 1] AND ($4::integer IS NULL OR version = $4)
           RETURNING ${STATE_COLUMNS}`,
          [id, index, step, expectedVersion ?? null],
        );
        if (changed[0]) return { kind: 'changed', state: toState(changed[0]) };
        const current = await this.db.query<StateRow & { steps: number | null }>(
          `SELECT ${STATE_COLUMNS}, slide_steps[$2 + 1] AS steps FROM decks WHERE id = $1`,
          [id, index],
        );
        const row = current[0];
        if (!row) return { kind: 'not_found' };
        if (expectedVersion !== undefined && row.version !== expectedVersion) {
          return { kind: 'version_mismatch', current: toState(row) };
        }
        if (index >= row.slide_count) return { kind: 'out_of_range', count: row.slide_count };
        if (step > (row.steps ?? 0)) return { kind: 'step_out_of_range', index, steps: row.steps ?? 0 };
        if (row.current_index === index && row.current_step === step) return { kind: 'unchanged', state: toState(row) };
        // Another change landed between the two statements; the update may now apply.
      }
    });
  }

  /** Answers when the database does; throws DatabaseUnavailableError otherwise. */
  async ping(): Promise<void> {
    await this.guard(() => this.db.query('SELECT 1'));
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guardConnection(work);
  }
}

function firstRow<Row>(rows: Row[]): Row {
  const row = rows[0];
  if (row === undefined) throw new Error('expected a row');
  return row;
}
