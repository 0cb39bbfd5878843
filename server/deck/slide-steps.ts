/** Largest build number kept on an element; a `data-step` past it is dropped by the sanitizer. */
export const MAX_STEP = 999;

/** A `data-step` value that marks a build: a whole number from 1 to MAX_STEP, no sign, no leading zero. */
const STEP_VALUE = /^[1-9]\d{0,2}$/;

/** True for a `data-step` value the slide HTML may keep. */
export function isStepValue(value: string): boolean {
  return STEP_VALUE.test(value);
}

/**
 * How many build steps sanitized slide HTML has: the highest `data-step` in it, 0 when none.
 * (Step k shows every element whose `data-step` is at most k.)
 */
export function countSteps(html: string): number {
  let steps = 0;
  for (const match of html.matchAll(/\sdata-step="([1-9]\d{0,2})"/g)) steps = Math.max(steps, Number(match[1]));
  return steps;
}
