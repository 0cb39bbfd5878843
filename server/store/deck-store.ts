import { randomInt } from 'node:crypto';
import type { Deck, DeckWarning, PresenterDeck, Slide, SlideEventData } from '../../shared/protocol.js';
import {
  DECK_COLUMNS,
  STATE_COLUMNS,
  stepCounts,
  toClock,
  toDeck,
  toState,
  warningsJson,
  type BrowseMode,
  type DeckRow,
  type StateRow,
} from './deck-rows.js';
import { AssetStore } from './asset-store.js';
import { guardConnection, type Database } from './database.js';
import { DECK_CHANNEL, type ContentPayload } from './deck-notification.js';
import { insertKey, PresenterKeyStore } from './presenter-key-store.js';
import { DeckRemoval } from './deck-removal.js';
import { AdmissionStore } from './admission-store.js';
import { HistoryStore } from './history-store.js';
import { PollStore } from './poll-store.js';
import { QuestionStore } from './question-store.js';
import { SlideChanges, type SetSlideResult } from './slide-changes.js';

export type { SetSlideResult };
import { ClockStore } from './clock-store.js';
import { SettingsStore } from './settings-store.js';

/** A deck's content as the Markdown parser produces it. */
export interface DeckContent {
  title: string;
  slides: Slide[];
  notes: string[];
  /** The import report, kept for the presenter (replaced by each import); default none kept. */
  warnings?: DeckWarning[];
  /** Front matter `browse`: `behind` keeps the audience from reading ahead. Default free. */
  browse?: BrowseMode;
  /** The talk's target length in minutes from front matter (`duration: 35min`); none by default. */
  durationMinutes?: number;
}

const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A new 8-character deck code: short enough to read aloud, 39 bits of randomness. */
export function generateDeckId(): string {
  let id = '';
  for (let i = 0; i < 8; i += 1) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
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
  /** Deck-creation costs per address and the bytes stored in all. */
  readonly admission: AdmissionStore;
  /** The talk's history (slide changes) for the report. */
  readonly history: HistoryStore;
  private readonly slides: SlideChanges;
  /** The talk clock: start, start over, target duration. */
  readonly clock: ClockStore;
  /** The room settings the presenter flips live: browse and bursts. */
  readonly settings: SettingsStore;

  constructor(private readonly db: Database) {
    this.slides = new SlideChanges(db);
    this.keys = new PresenterKeyStore(db);
    this.assets = new AssetStore(db);
    this.removal = new DeckRemoval(db);
    this.questions = new QuestionStore(db);
    this.polls = new PollStore(db);
    this.admission = new AdmissionStore(db);
    this.history = new HistoryStore(db);
    this.clock = new ClockStore(db);
    this.settings = new SettingsStore(db);
  }

  /** Creates a deck with a fresh id and its first presenter key. */
  async createDeck(content: DeckContent): Promise<{ deck: Deck; presenterKey: string }> {
    const deckId = generateDeckId();
    return this.guard(() =>
      this.db.transaction(async (tx) => {
        const rows = await tx.query<DeckRow>(
          `INSERT INTO decks (id, title, slides, notes, slide_count, slide_steps, warnings, browse, duration_minutes)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING ${DECK_COLUMNS}`,
          [
            deckId,
            content.title,
            JSON.stringify(content.slides),
            JSON.stringify(content.notes),
            content.slides.length,
            stepCounts(content),
            warningsJson(content),
            content.browse ?? 'free',
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
   * (index and step are kept, clamped to the new deck; the version grows so viewers refetch;
   * browse only tightens to `behind`, and bursts stay as the presenter set them).
   * The import report is replaced either way.
   */
  async upsertDeck(id: string, content: DeckContent, sourceHash: string): Promise<Deck> {
    return this.guard(async () => {
      const rows = await this.db.query<DeckRow>(
        `INSERT INTO decks (id, title, slides, notes, slide_count, source_hash, slide_steps, warnings, browse, duration_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, slides = EXCLUDED.slides, notes = EXCLUDED.notes,
           slide_count = EXCLUDED.slide_count, source_hash = EXCLUDED.source_hash,
           slide_steps = EXCLUDED.slide_steps, warnings = EXCLUDED.warnings,
           -- A reload may turn reading ahead off, never on: the presenter may have turned it off live.
           browse = CASE WHEN EXCLUDED.browse = 'behind' THEN 'behind' ELSE decks.browse END,
           duration_minutes = EXCLUDED.duration_minutes,
           reached_index = LEAST(decks.reached_index, EXCLUDED.slide_count - 1),
           reached_step = CASE WHEN decks.reached_index < EXCLUDED.slide_count
             THEN LEAST(decks.reached_step, EXCLUDED.slide_steps[decks.reached_index + 1])
             ELSE EXCLUDED.slide_steps[EXCLUDED.slide_count] END,
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
          warningsJson(content),
          content.browse ?? 'free',
          content.durationMinutes ?? null,
        ],
      );
      if (!rows[0]) {
        // Same deck, same report, unless Podium itself now reports differently.
        await this.db.query('UPDATE decks SET warnings = $2 WHERE id = $1 AND warnings IS DISTINCT FROM $2::jsonb', [
          id,
          warningsJson(content),
        ]);
      }
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

  /** The deck with its speaker notes and import report, for a verified presenter, or null. */
  async getPresenterDeck(id: string): Promise<PresenterDeck | null> {
    const rows = await this.guard(() =>
      this.db.query<DeckRow>(`SELECT ${DECK_COLUMNS}, notes, warnings FROM decks WHERE id = $1`, [id]),
    );
    const row = rows[0];
    return row
      ? { ...toDeck(row, false), notes: row.notes ?? [], warnings: row.warnings ?? null, clock: toClock(row) }
      : null;
  }

  /** Slides `first` to `last` (0-based, inclusive; those that exist) of a deck, for a reveal when a deck browsed behind reaches them. */
  async getSlides(id: string, first: number, last: number): Promise<Slide[]> {
    const rows = await this.guard(() =>
      this.db.query<{ slide: Slide; steps: number | null }>(
        `SELECT d.slides -> i AS slide, d.slide_steps[i + 1] AS steps
         FROM decks d, generate_series($2::int, LEAST($3::int, d.slide_count - 1)) AS i
         WHERE d.id = $1 ORDER BY i`,
        [id, first, last],
      ),
    );
    return rows.map((row) => ({ html: row.slide.html, steps: row.steps ?? 0 }));
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
   * Moves deck `id` to slide `index` at build `step` (default 0; up to that slide's steps); with
   * `expectedVersion` it is a compare-and-set. Moving to the current index and step changes nothing.
   * A burst of one deck's changes commits together (see SlideChanges); every commit NOTIFYs in its
   * transaction and waits for the WAL flush, on both drivers.
   */
  setSlide(id: string, index: number, expectedVersion?: number, step = 0): Promise<SetSlideResult> {
    return this.slides.set(id, index, expectedVersion, step);
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
