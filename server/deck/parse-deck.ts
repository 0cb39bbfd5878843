import type { DeckContent } from '../store/deck-store.js';
import { MAX_SLIDES, MAX_TITLE_LENGTH, renderDeck } from './render-deck.js';

export { MAX_SLIDES, MAX_TITLE_LENGTH };

/**
 * Parses a Markdown deck into rendered, sanitized slides and plain-text notes (see `renderDeck`;
 * this shape drops warnings and settings, and moves notes beside the slides, for callers that predate them).
 * The title is `title` when given, else the deck's own, else "Untitled deck".
 * Returns null when there is no slide with content.
 */
export function parseDeck(source: string, title?: string): DeckContent | null {
  const deck = renderDeck({ markdown: source, title });
  if (!deck) return null;
  return {
    title: deck.title,
    // `steps` rides along for the contract's `{html, steps}` slides; older readers ignore it.
    slides: deck.slides.map((slide) => ({ html: slide.html, steps: slide.steps })),
    notes: deck.slides.map((slide) => slide.notes),
  };
}
