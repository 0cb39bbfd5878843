import { describe, expect, it } from 'vitest';
import { ReactionWindow } from '../../../client/state/reaction-window.js';

describe('ReactionWindow', () => {
  it('counts the taps of the last minute and forgets older ones', () => {
    const window = new ReactionWindow(60_000);
    window.add({ heart: 2, wow: 1 }, 0);
    window.add({ heart: 3 }, 30_000);
    expect(window.counts(59_999)).toMatchObject({ heart: 5, wow: 1, applause: 0 });
    expect(window.counts(60_000)).toMatchObject({ heart: 3, wow: 0 });
    window.clear();
    expect(window.counts(60_000).heart).toBe(0);
  });
});
