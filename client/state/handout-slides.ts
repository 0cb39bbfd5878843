import type { Deck } from '../../shared/protocol.js';

/** One page of the handout: a slide's HTML and the builds to show on it. */
export interface HandoutPage {
  html: string;
  step: number;
}

/**
 * The slides an audience member may save: every slide with all its builds; or, when the deck
 * keeps the audience behind the presenter (`deck.reached`), only the slides up to the furthest
 * one shown (the further of `deck.reached` and `seen`, the furthest live position this page
 * saw), that last one with the builds shown so far.
 */
export function handoutPages(deck: Deck, seen: { index: number; step: number }): HandoutPage[] {
  const all = deck.slides.map((slide) => ({ html: slide.html, step: slide.steps }));
  const reached = deck.reached;
  if (!reached) return all;
  const furthest =
    seen.index > reached.index || (seen.index === reached.index && seen.step > reached.step) ? seen : reached;
  const last = Math.min(furthest.index, all.length - 1);
  return all
    .slice(0, last + 1)
    .map((page, index) => (index === furthest.index ? { ...page, step: Math.min(page.step, furthest.step) } : page));
}
