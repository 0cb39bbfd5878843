import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../shared/protocol.js';
import { revealedSteps, totalSlides, withReveal } from '../../../client/state/revealed-deck.js';

const slide = (html: string, steps = 0) => ({ html, steps });

/** A deck of four slides browsed behind, reached up to slide 2 (index 1), step 1 of its 2. */
const behind: Deck = {
  id: 'd',
  title: 't',
  slides: [slide('a'), slide('b', 2)],
  index: 1,
  step: 1,
  version: 3,
  browse: 'behind',
  reached: { index: 1, step: 1 },
  count: 4,
};

describe('withReveal', () => {
  it('adds the slides an event reveals and moves reached on', () => {
    const next = withReveal(behind, {
      index: 3,
      step: 0,
      version: 4,
      reached: { index: 3, step: 0 },
      reveal: { first: 2, slides: [slide('c'), slide('d')] },
    });
    expect(next).not.toBe('fetch');
    expect(next !== 'fetch' && next.slides.map((s) => s.html)).toEqual(['a', 'b', 'c', 'd']);
    expect(next !== 'fetch' && next.reached).toEqual({ index: 3, step: 0 });
  });

  it('asks for the deck when slides are missing from the event (one was missed)', () => {
    const event = { index: 3, step: 0, version: 5, reached: { index: 3, step: 0 } };
    expect(withReveal(behind, event)).toBe('fetch');
    expect(withReveal(behind, { ...event, reveal: { first: 3, slides: [slide('d')] } })).toBe('fetch');
  });

  it('keeps the deck for a move back, and for decks browsed freely', () => {
    expect(withReveal(behind, { index: 0, step: 0, version: 4, reached: { index: 1, step: 1 } })).toBe(behind);
    const free: Deck = { id: 'd', title: 't', slides: [slide('a')], index: 0, step: 0, version: 1 };
    expect(withReveal(free, { index: 0, step: 0, version: 2 })).toBe(free);
  });

  it('moves reached on a further step of the same slide, and shows that slide only that far', () => {
    const next = withReveal(behind, { index: 1, step: 2, version: 4, reached: { index: 1, step: 2 } });
    expect(next !== 'fetch' && next.reached).toEqual({ index: 1, step: 2 });
    expect(revealedSteps(behind, 1, 2)).toBe(1);
    expect(revealedSteps(behind, 0, 3)).toBe(3);
    expect(totalSlides(behind)).toBe(4);
  });
});
