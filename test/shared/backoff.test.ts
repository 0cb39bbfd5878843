import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../shared/backoff.js';

describe('backoffDelay', () => {
  it('doubles from the base, caps, and jitters between half and all of the step', () => {
    const low = (attempt: number) => backoffDelay(attempt, { random: () => 0 });
    const high = (attempt: number) => backoffDelay(attempt, { random: () => 1 });
    expect([0, 1, 2, 3].map(high)).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map(low)).toEqual([250, 500, 1000, 2000]);
    expect(high(50)).toBe(15_000);
    expect(low(50)).toBe(7_500);
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(3)));
    expect(spread.size).toBeGreaterThan(1);
  });
});
