import type { Deck, SlideEventData } from '../../shared/protocol.js';

/** How many slides a deck has in all (a deck browsed behind is sent only up to the slide it reached). */
export function totalSlides(deck: Deck): number {
  return deck.count ?? deck.slides.length;
}

/**
 * A deck browsed `behind` after a slide event: with the slides the event revealed added, and
 * its `reached` moved on. `'fetch'` when the deck lacks slides the event does not carry (one
 * was missed: fetch the deck again); the same deck when nothing changes.
 */
export function withReveal(deck: Deck, event: SlideEventData): Deck | 'fetch' {
  const reached = event.reached;
  if (!reached || !deck.reached) return deck;
  const further =
    reached.index > deck.reached.index || (reached.index === deck.reached.index && reached.step > deck.reached.step);
  if (!further) return deck;
  let slides = deck.slides;
  if (reached.index >= slides.length) {
    const reveal = event.reveal;
    if (!reveal || reveal.first > slides.length || reveal.first + reveal.slides.length <= reached.index) return 'fetch';
    slides = [...slides.slice(0, reveal.first), ...reveal.slides];
  }
  return { ...deck, slides, reached: { index: reached.index, step: reached.step } };
}

/** The builds to show of slide `index` at most: a deck browsed behind shows its furthest slide only as far as it was shown. */
export function revealedSteps(deck: Deck, index: number, steps: number): number {
  return deck.reached && index === deck.reached.index ? Math.min(steps, deck.reached.step) : steps;
}
