import { describe, expect, it } from 'vitest';
import { slidesToPrefetch } from '../../../client/utils/slide-images.js';

describe('slidesToPrefetch', () => {
  it('takes every slide the page holds, nearest first', () => {
    expect(slidesToPrefetch(5, 2)).toEqual([2, 3, 4, 1, 0]);
    expect(slidesToPrefetch(3, 0)).toEqual([0, 1, 2]);
    expect(slidesToPrefetch(3, 2)).toEqual([2, 1, 0]);
    expect(slidesToPrefetch(0, 0)).toEqual([]);
  });
});
