import { describe, expect, it } from 'vitest';
import { KeyCache, type CachedKey } from '../../../server/store/key-cache.js';

const keys: CachedKey[] = [{ id: '1', hash: Buffer.alloc(32, 1) }];

describe('KeyCache', () => {
  it('serves what was stored while notifications flow', () => {
    const cache = new KeyCache(() => true);
    cache.set('deck', keys, cache.token('deck'));
    expect(cache.get('deck')).toEqual(keys);
  });

  it('is bypassed entirely while notifications do not flow', () => {
    let fresh = true;
    const cache = new KeyCache(() => fresh);
    cache.set('deck', keys, cache.token('deck'));
    fresh = false;
    expect(cache.get('deck')).toBeUndefined();
    cache.set('other', keys, cache.token('other'));
    fresh = true;
    expect(cache.get('other')).toBeUndefined();
  });

  it('never stores a read that raced with an invalidation or a clear', () => {
    const cache = new KeyCache(() => true);
    const before = cache.token('deck');
    cache.invalidate('deck');
    cache.set('deck', keys, before);
    expect(cache.get('deck')).toBeUndefined();
    const beforeClear = cache.token('deck');
    cache.clear();
    cache.set('deck', keys, beforeClear);
    expect(cache.get('deck')).toBeUndefined();
  });

  it('forgets a deck on invalidate and everything on clear', () => {
    const cache = new KeyCache(() => true);
    cache.set('a', keys, cache.token('a'));
    cache.set('b', keys, cache.token('b'));
    cache.invalidate('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual(keys);
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });

  it('expires entries after the TTL and holds at most maxDecks', async () => {
    const cache = new KeyCache(() => true, { ttlMs: 30, maxDecks: 2 });
    for (const deck of ['a', 'b', 'c']) cache.set(deck, keys, cache.token(deck));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toEqual(keys);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get('c')).toBeUndefined();
  });
});
