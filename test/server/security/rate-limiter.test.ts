import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../server/security/rate-limiter.js';

describe('RateLimiter', () => {
  const clock = () => {
    let now = 0;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('allows a burst, then one request per refill, and says how long to wait', () => {
    const time = clock();
    const limiter = new RateLimiter({ perSecond: 2, burst: 3, now: time.now });
    expect([limiter.take('k'), limiter.take('k'), limiter.take('k')]).toEqual([0, 0, 0]);
    expect(limiter.take('k')).toBe(1);
    time.advance(499);
    expect(limiter.take('k')).toBe(1);
    time.advance(2);
    expect(limiter.take('k')).toBe(0);
    expect(limiter.take('other')).toBe(0);
  });

  it('answers whole seconds, at least 1, for slow rates', () => {
    const limiter = new RateLimiter({ perSecond: 0.1, burst: 1, now: () => 0 });
    limiter.take('k');
    expect(limiter.take('k')).toBe(10);
  });

  it('never saves up more than the burst', () => {
    const time = clock();
    const limiter = new RateLimiter({ perSecond: 10, burst: 2, now: time.now });
    time.advance(60_000);
    expect([limiter.take('k'), limiter.take('k'), limiter.take('k')]).toEqual([0, 0, 1]);
  });

  it('keeps memory bounded: full buckets go first, then the least recently used', () => {
    const time = clock();
    const limiter = new RateLimiter({ perSecond: 1, burst: 2, maxKeys: 3, now: time.now });
    for (const key of ['a', 'b', 'c']) limiter.take(key);
    time.advance(5000);
    limiter.take('d');
    expect(limiter.size).toBe(1);
    for (const key of ['e', 'f', 'g', 'h']) limiter.take(key);
    expect(limiter.size).toBeLessThanOrEqual(3);
    // A key that spent its burst and was just used is among those kept.
    limiter.take('h');
    expect(limiter.take('h')).toBeGreaterThan(0);
  });
});
