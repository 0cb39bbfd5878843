import { describe, expect, it } from 'vitest';
import type { PollEventData, Question } from '../../../shared/room-protocol.js';
import { RoomStateCache, type RoomReader, type RoomSnapshot } from '../../../server/room/room-state-cache.js';

/** A reader whose answers the test releases by hand, counting reads. */
function manualReader(rooms: Map<string, RoomSnapshot>) {
  const held: Array<() => void> = [];
  let reads = 0;
  const reader: RoomReader = {
    load: (deckId) => {
      reads += 1;
      return new Promise((resolve) => held.push(() => resolve(rooms.get(deckId) ?? null)));
    },
  };
  const releaseAll = async () => {
    for (const release of held.splice(0)) release();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { reader, releaseAll, reads: () => reads };
}

const question = (text: string): Question => ({ id: text, text, votes: 0, state: 'open', slide: 0 });
const tally = (id: string, version: number): PollEventData => ({
  id,
  counts: [version, 0],
  total: version,
  version,
  open: true,
  revealed: false,
});
const room = (texts: string[], polls: PollEventData[] = []): RoomSnapshot => ({
  questions: texts.map(question),
  onScreen: false,
  polls,
});

describe('RoomStateCache', () => {
  it('reads a deck once, then answers from memory with the newest poll tallies the feed delivered', async () => {
    const db = manualReader(new Map([['a', room(['q1'], [tally('p1', 2)])]]));
    const cache = new RoomStateCache(db.reader, { connected: () => true, followed: () => false });
    expect(cache.peek('a')).toBeUndefined();
    const first = cache.load('a');
    await db.releaseAll();
    expect(await first).toEqual(room(['q1'], [tally('p1', 2)]));
    cache.pollChanged('a', tally('p2', 1));
    cache.pollChanged('a', tally('p1', 4));
    cache.pollChanged('a', tally('p1', 3));
    expect(cache.peek('a')).toEqual(room(['q1'], [tally('p1', 4), tally('p2', 1)]));
    expect(await cache.load('a')).toBe(cache.peek('a'));
    expect(db.reads()).toBe(1);
  });

  it('merges a tally heard during a read into what it keeps, and keeps no read a questions change overtook', async () => {
    const rooms = new Map([['a', room(['q1'], [tally('p1', 2)])]]);
    const db = manualReader(rooms);
    const cache = new RoomStateCache(db.reader, { connected: () => true, followed: () => false });
    const first = cache.load('a');
    cache.pollChanged('a', tally('p1', 3));
    await db.releaseAll();
    expect(await first).toEqual(room(['q1'], [tally('p1', 3)]));
    expect(cache.peek('a')).toEqual(room(['q1'], [tally('p1', 3)]));

    cache.questionsChanged('a');
    expect(cache.peek('a')).toBeUndefined();
    const second = cache.load('a');
    cache.questionsChanged('a');
    rooms.set('a', room(['q1', 'q2'], [tally('p1', 3)]));
    await db.releaseAll();
    await second;
    expect(cache.peek('a')).toBeUndefined();
  });

  it('takes the questions feed read that no notification overtook, while it holds the polls', async () => {
    const db = manualReader(new Map([['a', room(['q1'], [tally('p1', 2)])]]));
    const cache = new RoomStateCache(db.reader, { connected: () => true, followed: () => false });
    const first = cache.load('a');
    await db.releaseAll();
    await first;
    cache.questionsChanged('a');
    const overtaken = cache.begin('a');
    cache.questionsChanged('a');
    cache.questionsRead(overtaken, [question('stale')], false);
    cache.end(overtaken);
    expect(cache.peek('a')).toBeUndefined();
    const fresh = cache.begin('a');
    cache.questionsRead(fresh, [question('q1'), question('q2')], true);
    cache.end(fresh);
    expect(cache.peek('a')).toEqual({ ...room(['q1', 'q2'], [tally('p1', 2)]), onScreen: true });
    expect(db.reads()).toBe(1);
  });

  it('is bypassed while the listener is down, and keeps no read that began before a clear or forget', async () => {
    let connected = true;
    const rooms = new Map([['a', room(['q1'])]]);
    const db = manualReader(rooms);
    const cache = new RoomStateCache(db.reader, { connected: () => connected, followed: () => false });
    const before = cache.load('a');
    cache.clear();
    const forgotten = cache.load('a');
    cache.forget('a');
    rooms.set('a', room(['q1', 'q2']));
    await db.releaseAll();
    await Promise.all([before, forgotten]);
    expect(cache.size).toBe(0);
    const kept = cache.load('a');
    await db.releaseAll();
    expect(await kept).toEqual(room(['q1', 'q2']));
    connected = false;
    expect(cache.peek('a')).toBeUndefined();
    rooms.set('a', room(['q3']));
    const during = cache.load('a');
    await db.releaseAll();
    expect(await during).toEqual(room(['q3']));
    expect(db.reads()).toBe(4);
  });

  it('evicts the least recently used decks past its bound, never a deck with open streams', async () => {
    const rooms = new Map(Array.from({ length: 6 }, (_, i) => [`d${i}`, room([`q${i}`])] as const));
    const db = manualReader(rooms);
    const followed = new Set(['d0']);
    const cache = new RoomStateCache(db.reader, {
      connected: () => true,
      followed: (id) => followed.has(id),
      maxDecks: 3,
    });
    for (let i = 0; i < 6; i += 1) {
      const loading = cache.load(`d${i}`);
      await db.releaseAll();
      await loading;
    }
    expect(cache.size).toBe(3);
    expect(['d0', 'd4', 'd5'].map((id) => cache.peek(id))).toEqual([room(['q0']), room(['q4']), room(['q5'])]);
  });

  it('holds at most its bound of questions over all decks', async () => {
    const big = room(Array.from({ length: 6 }, (_, i) => `q${i}`));
    const db = manualReader(
      new Map([
        ['a', big],
        ['b', big],
        ['c', room(['only'])],
      ]),
    );
    const cache = new RoomStateCache(db.reader, { connected: () => true, followed: () => false, maxQuestions: 8 });
    for (const id of ['a', 'b', 'c']) {
      const loading = cache.load(id);
      await db.releaseAll();
      await loading;
    }
    expect(['a', 'b', 'c'].map((id) => cache.peek(id) !== undefined)).toEqual([false, true, true]);
  });
});
