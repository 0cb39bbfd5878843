import { describe, expect, it } from 'vitest';
import { newerState } from '../../../client/state/newer-state.js';

describe('newerState', () => {
  it('takes a higher version and keeps the current state for an equal or older one', () => {
    const current = { index: 2, step: 0, version: 5 };
    expect(newerState(current, { index: 3, step: 0, version: 6 })).toEqual({ index: 3, step: 0, version: 6 });
    expect(newerState(current, { index: 1, step: 0, version: 4 })).toBe(current);
    expect(newerState(current, { index: 4, step: 0, version: 5 })).toBe(current);
  });

  it('takes any real state over the empty start (version 0), and keeps only index and version', () => {
    const event = { index: 0, step: 0, version: 1, count: 3 };
    expect(newerState({ index: 0, step: 0, version: 0 }, event)).toStrictEqual({ index: 0, step: 0, version: 1 });
  });
});
