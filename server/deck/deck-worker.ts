import type { DeckSourceInput, RenderedDeck } from './deck-types.js';
import { renderDeck } from './render-deck.js';

/** Worker-thread entry for the deck renderer pool: renders one deck (see `renderDeck`). */
export default function renderDeckTask(input: DeckSourceInput): RenderedDeck | null {
  return renderDeck(input);
}
