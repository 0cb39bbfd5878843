import { describe, expect, it } from 'vitest';
import type { SlideEventData } from '../../../shared/protocol.js';
import { StateCache, type StateReader } from '../../../server/hub/state-cache.js';

/** A reader whose answers the test releases by hand, counting reads. */
function manualReader(states: Map<string, SlideEventData>) {
  const held: Array<() => void> = [];
  let reads = 0;
  const reader: StateReader = {
    load: (deckId) => {
      reads += 1;
      return new Promise((resolve) => held.push(() => resolve(states.get(deckId) ?? null)));
    },
  };
  const releaseAll = async () => {
    for (const release of held.splice(0)) release();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { reader, releaseAll, reads: () => reads };
}

const state = (version: number): SlideEventData => ({ index: version % 3, step: 0, version, count: 3 });

describe('StateCache', () => {
  it('reads a deck once, then answers from memory with the newest version the feed delivered', async () => {
    const db = manualReader(new Map([['a', state(4)]]));
    const cache = new StateCache(db.reader, { connected: () => true, followed: () => false });
    const first = cache.load('a');
    await db.releaseAll();
    expect(await first).toEqual(state(4));
    cache.remember('a', state(6));
    cache.remember('a', state(5));
    expect(await cache.load('a')).toEqual(state(6));
    expect(db.reads()).toBe(1);
  });

  it('does not let an older read overwrite a newer notification', async () => {
    const db = manualReader(new Map([['a', state(4)]]));
    const cache = new StateCache(db.reader, { connected: () => true, followed: () => false });
    const first = cache.load('a');
    cache.remember('a', state(5));
    await db.releaseAll();
    expect(await first).toEqual(state(4));
    expect(await cache.load('a')).toEqual(state(5));
  });

  it('is bypassed while the listener is down, and keeps no read that began before a clear', async () => {
    let connected = true;
    const states = new Map([['a', state(4)]]);
    const db = manualReader(states);
    const cache = new StateCache(db.reader, { connected: () => connected, followed: () => false });
    const before = cache.load('a');
    cache.clear();
    states.set('a', state(9));
    await db.releaseAll();
    await before;
    expect(cache.size).toBe(0);
    connected = false;
    cache.remember('a', state(2));
    const during = cache.load('a');
    await db.releaseAll();
    expect(await during).toEqual(state(9));
    expect(db.reads()).toBe(2);
  });

  it('evicts the least recently used decks past its bound, never a deck with open streams', () => {
    const followed = new Set(['d0']);
    const cache = new StateCache(manualReader(new Map()).reader, {
      connected: () => true,
      followed: (id) => followed.has(id),
      maxDecks: 3,
    });
    for (let i = 0; i < 6; i += 1) cache.remember(`d${i}`, state(1));
    expect(cache.size).toBe(3);
    return Promise.all(['d0', 'd4', 'd5'].map((id) => cache.load(id))).then((answers) =>
      expect(answers).toEqual([state(1), state(1), state(1)]),
    );
  });
});
