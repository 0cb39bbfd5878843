import { describe, expect, it } from 'vitest';
import type { Slide } from '../../../shared/protocol.js';
import { clampPosition, stepBack, stepForward, type SlidePosition } from '../../../client/state/step-walk.js';

/** Slides with these build counts. */
const deck = (...steps: number[]): Slide[] => steps.map((count, i) => ({ html: `<h1>${i}</h1>`, steps: count }));

/** Every position Next visits from the start, and Back from the end. */
function walk(slides: Slide[], move: typeof stepForward, from: SlidePosition): string[] {
  const seen: string[] = [];
  for (let at: SlidePosition | null = from; at; at = move(slides, at)) seen.push(`${at.index}.${at.step}`);
  return seen;
}

describe('step walk', () => {
  it('Next reveals each build, then moves to the next slide at step 0; null at the end', () => {
    const slides = deck(0, 2, 0, 1);
    expect(walk(slides, stepForward, { index: 0, step: 0 })).toEqual(['0.0', '1.0', '1.1', '1.2', '2.0', '3.0', '3.1']);
    expect(stepForward(slides, { index: 3, step: 1 })).toBeNull();
  });

  it('Back hides the last build, then goes to the previous slide with every build shown; null at the start', () => {
    const slides = deck(0, 2, 0, 1);
    expect(walk(slides, stepBack, { index: 3, step: 1 })).toEqual(['3.1', '3.0', '2.0', '1.2', '1.1', '1.0', '0.0']);
    expect(stepBack(slides, { index: 0, step: 0 })).toBeNull();
  });

  it('on slides without builds, Next and Back move one slide at a time', () => {
    const slides = deck(0, 0, 0);
    expect(walk(slides, stepForward, { index: 0, step: 0 })).toEqual(['0.0', '1.0', '2.0']);
    expect(walk(slides, stepBack, { index: 2, step: 0 })).toEqual(['2.0', '1.0', '0.0']);
  });

  it('a slide with builds at either end of the deck', () => {
    const slides = deck(2, 3);
    expect(stepBack(slides, { index: 1, step: 0 })).toEqual({ index: 0, step: 2 });
    expect(stepForward(slides, { index: 0, step: 2 })).toEqual({ index: 1, step: 0 });
    expect(walk(slides, stepForward, { index: 0, step: 0 })).toHaveLength(2 + 1 + 3 + 1);
  });

  it('starts from a position kept inside the deck (an edited deck may have fewer slides or builds)', () => {
    const slides = deck(0, 1);
    expect(clampPosition(slides, { index: 5, step: 4 })).toEqual({ index: 1, step: 1 });
    expect(clampPosition(slides, { index: -1, step: 2 })).toEqual({ index: 0, step: 0 });
    expect(stepForward(slides, { index: 1, step: 9 })).toBeNull();
    expect(stepBack(slides, { index: 7, step: 9 })).toEqual({ index: 1, step: 0 });
    expect(clampPosition([], { index: 3, step: 1 })).toEqual({ index: 0, step: 0 });
  });
});
