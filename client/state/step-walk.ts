import type { Slide } from '../../shared/protocol.js';

/** A place in a deck: slide `index` (0-based) with its first `step` builds shown. */
export interface SlidePosition {
  index: number;
  step: number;
}

/** The builds of slide `index` (0 past the end). */
function stepsOf(slides: readonly Slide[], index: number): number {
  return slides[index]?.steps ?? 0;
}

/** `at` kept inside the deck: index clamped to the slides, step to that slide's builds. */
export function clampPosition(slides: readonly Slide[], at: SlidePosition): SlidePosition {
  const index = Math.min(Math.max(at.index, 0), Math.max(slides.length - 1, 0));
  return { index, step: Math.min(Math.max(at.step, 0), stepsOf(slides, index)) };
}

/** What Next shows: the next build of this slide, else the next slide at step 0; null at the very end. */
export function stepForward(slides: readonly Slide[], at: SlidePosition): SlidePosition | null {
  const here = clampPosition(slides, at);
  if (here.step < stepsOf(slides, here.index)) return { index: here.index, step: here.step + 1 };
  return here.index + 1 < slides.length ? { index: here.index + 1, step: 0 } : null;
}

/** What Back shows: this slide with its last build hidden, else the previous slide with every build; null at the start. */
export function stepBack(slides: readonly Slide[], at: SlidePosition): SlidePosition | null {
  const here = clampPosition(slides, at);
  if (here.step > 0) return { index: here.index, step: here.step - 1 };
  return here.index > 0 ? { index: here.index - 1, step: stepsOf(slides, here.index - 1) } : null;
}

/** True when `a` and `b` are the same slide and step. */
export function samePosition(a: SlidePosition, b: SlidePosition): boolean {
  return a.index === b.index && a.step === b.step;
}
