import type { Deck, DeckWarning, RoomSettings, Slide, SlideEventData, TalkClock } from '../../shared/protocol.js';
import type { DeckContent } from './deck-store.js';

/** How the audience may browse a deck: freely (default), or never past the furthest slide shown. */
export type BrowseMode = 'free' | 'behind';

/** A `decks` row as DECK_COLUMNS reads it (notes only when asked for). */
export interface DeckRow {
  id: string;
  title: string;
  slides: Slide[];
  slide_steps: number[];
  notes?: string[];
  warnings?: DeckWarning[] | null;
  current_index: number;
  current_step: number;
  version: number;
  browse: BrowseMode;
  reached_index: number;
  reached_step: number;
  bursts: boolean;
  started_ms: number | null;
  duration_minutes: number | null;
}

/** A `decks` row as STATE_COLUMNS reads it. */
export interface StateRow {
  id: string;
  current_index: number;
  current_step: number;
  version: number;
  slide_count: number;
  browse: BrowseMode;
  reached_index: number;
  reached_step: number;
  bursts: boolean;
  started_ms: number | null;
  duration_minutes: number | null;
}

/** The talk clock's columns: the start as epoch ms (float8, so both drivers answer a number) and the target. */
export const CLOCK_COLUMNS = 'round(extract(epoch FROM started_at) * 1000)::float8 AS started_ms, duration_minutes';
/** Columns of a DeckRow, for RETURNING and SELECT (notes apart). */
export const DECK_COLUMNS = `id, title, slides, slide_steps, current_index, current_step, version, browse, reached_index, reached_step, bursts, ${CLOCK_COLUMNS}`;
/** Columns of a StateRow. */
export const STATE_COLUMNS = `id, current_index, current_step, version, slide_count, browse, reached_index, reached_step, bursts, ${CLOCK_COLUMNS}`;

/** The clock of a row holding CLOCK_COLUMNS. */
export function toClock(row: Pick<StateRow, 'started_ms' | 'duration_minutes'>): TalkClock {
  return { startedAt: row.started_ms, durationMinutes: row.duration_minutes };
}

/** A state row as the SSE `slide` data: with the clock, `reached` when the deck is browsed behind, `bursts: false` when off. */
export function toState(row: StateRow): SlideEventData {
  const state: SlideEventData = {
    index: row.current_index,
    step: row.current_step,
    version: row.version,
    count: row.slide_count,
    clock: toClock(row),
  };
  if (row.browse === 'behind') state.reached = { index: row.reached_index, step: row.reached_step };
  if (!row.bursts) state.bursts = false;
  return state;
}

/** The room settings of a row. */
export function toSettings(row: Pick<StateRow, 'browse' | 'bursts'>): RoomSettings {
  return { browse: row.browse, bursts: row.bursts };
}

/**
 * A deck row as its audience gets it (`audience`: slides past the furthest reached are left
 * out of a deck browsed behind) or as its presenter does (every slide). The slide_steps column
 * is the one home of step counts; the slides jsonb of older decks has none.
 */
export function toDeck(row: DeckRow, audience = true): Deck {
  const all = row.slides.map((slide, i) => ({ html: slide.html, steps: row.slide_steps[i] ?? 0 }));
  const behind = row.browse === 'behind';
  const deck: Deck = {
    id: row.id,
    title: row.title,
    slides: behind && audience ? all.slice(0, row.reached_index + 1) : all,
    index: row.current_index,
    step: row.current_step,
    version: row.version,
  };
  if (behind) {
    Object.assign(deck, {
      browse: 'behind',
      reached: { index: row.reached_index, step: row.reached_step },
      count: all.length,
    });
  }
  if (!row.bursts) deck.bursts = false;
  return deck;
}

/** Each slide's build steps, for the slide_steps column. */
export function stepCounts(content: DeckContent): number[] {
  return content.slides.map((slide) => slide.steps);
}

/** The stored report: null (not kept) when the content carries none. */
export function warningsJson(content: DeckContent): string | null {
  return content.warnings ? JSON.stringify(content.warnings) : null;
}
