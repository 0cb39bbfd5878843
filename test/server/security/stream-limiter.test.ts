import { describe, expect, it } from 'vitest';
import { StreamLimiter } from '../../../server/security/stream-limiter.js';

describe('StreamLimiter', () => {
  it('caps streams per address and per process, and frees slots on release (once)', () => {
    const limiter = new StreamLimiter(3, 2);
    const a1 = limiter.acquire('a');
    const a2 = limiter.acquire('a');
    expect(typeof a1).toBe('function');
    expect(limiter.acquire('a')).toBe('address');
    const b1 = limiter.acquire('b');
    expect(limiter.acquire('c')).toBe('process');
    expect(limiter.size).toBe(3);
    if (typeof a1 !== 'function' || typeof a2 !== 'function' || typeof b1 !== 'function') throw new Error('refused');
    a1();
    a1();
    expect(limiter.size).toBe(2);
    expect(typeof limiter.acquire('a')).toBe('function');
    expect(limiter.acquire('c')).toBe('process');
  });
});
