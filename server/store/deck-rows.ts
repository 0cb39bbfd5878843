import type { Deck, DeckWarning, Slide, SlideEventData } from '../../shared/protocol.js';
import type { DeckContent } from './deck-store.js';

/** A decks row as the store reads it. */
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
  browse: 'free' | 'behind';
  reached_index: number;
  reached_step: number;
}

/** The state columns of a decks row. */
export interface StateRow {
  id: string;
  current_index: number;
  current_step: number;
  version: number;
  slide_count: number;
}

/** Columns of a DeckRow, for RETURNING and SELECT (notes apart). */
export const DECK_COLUMNS =
  'id, title, slides, slide_steps, current_index, current_step, version, browse, reached_index, reached_step';
/** Columns of a StateRow. */
export const STATE_COLUMNS = 'id, current_index, current_step, version, slide_count';

/** The state of a row as the wire carries it. */
export function toState(row: StateRow): SlideEventData {
  return { index: row.current_index, step: row.current_step, version: row.version, count: row.slide_count };
}

/** The slide_steps column is the one home of step counts; the slides jsonb of older decks has none. */
export function toDeck(row: DeckRow): Deck {
  const slides = row.slides.map((slide, i) => ({ html: slide.html, steps: row.slide_steps[i] ?? 0 }));
  const deck: Deck = {
    id: row.id,
    title: row.title,
    slides,
    index: row.current_index,
    step: row.current_step,
    version: row.version,
  };
  if (row.browse === 'behind') deck.reached = { index: row.reached_index, step: row.reached_step };
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
