import { describe, expect, it } from 'vitest';
import { audienceSeries } from '../../../client/state/audience-series.js';

const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, s)).toISOString();
const ms = (s: number) => Date.UTC(2026, 11, 2, 10, 0, s);

describe('audienceSeries', () => {
  it('joins samples one interval apart, and drops to nobody across intervals without one', () => {
    const samples = [
      { at: at(0), viewers: 3, live: 3, browsing: 0 },
      { at: at(15), viewers: 4, live: 3, browsing: 1 },
      // Nobody from 30 s to 45 s; back at 60 s.
      { at: at(60), viewers: 2, live: 2, browsing: 0 },
      // A gap of exactly one missing interval: down at 90 s, which is also one before 105 s.
      { at: at(75), viewers: 1, live: 1, browsing: 0 },
      { at: at(105), viewers: 5, live: 4, browsing: 1 },
    ];
    expect(audienceSeries(samples, 15_000)).toEqual([
      { at: ms(0), viewers: 3, live: 3, browsing: 0 },
      { at: ms(15), viewers: 4, live: 3, browsing: 1 },
      { at: ms(30), viewers: 0, live: 0, browsing: 0 },
      { at: ms(45), viewers: 0, live: 0, browsing: 0 },
      { at: ms(60), viewers: 2, live: 2, browsing: 0 },
      { at: ms(75), viewers: 1, live: 1, browsing: 0 },
      { at: ms(90), viewers: 0, live: 0, browsing: 0 },
      { at: ms(105), viewers: 5, live: 4, browsing: 1 },
    ]);
  });

  it('draws nothing for no samples', () => {
    expect(audienceSeries([], 15_000)).toEqual([]);
  });
});
