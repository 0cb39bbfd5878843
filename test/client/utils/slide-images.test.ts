import { describe, expect, it } from 'vitest';
import { slidesToPrefetch } from '../../../client/utils/slide-images.js';

describe('slidesToPrefetch', () => {
  it('takes every slide, nearest first, when the audience may browse freely', () => {
    expect(slidesToPrefetch(5, 2, 'free', 2)).toEqual([2, 3, 4, 1, 0]);
    expect(slidesToPrefetch(3, 0, 'free', 0)).toEqual([0, 1, 2]);
  });

  it('takes only the slides the talk has reached, plus the current one, when browsing ahead is not allowed', () => {
    expect(slidesToPrefetch(6, 1, 'behind', 3)).toEqual([1, 2, 3, 0]);
    expect(slidesToPrefetch(6, 4, 'behind', 2)).toEqual([4, 3, 2, 1, 0]);
    expect(slidesToPrefetch(3, 0, 'behind', 0)).toEqual([0]);
  });
});
