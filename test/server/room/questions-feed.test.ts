import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuestionsEventData } from '../../../shared/room-protocol.js';
import { QuestionsFeed } from '../../../server/room/questions-feed.js';

/** A deck whose one question has `votes` votes, a store that counts its reads, and a hub that records events. */
function setUp(streams = true) {
  const deck = { votes: 0, reads: 0 };
  const events: QuestionsEventData[] = [];
  const store = {
    publicView: async (deckId: string) => {
      deck.reads += 1;
      const votes = deck.votes;
      await Promise.resolve();
      return {
        questions: [{ id: '1', text: `In ${deckId}?`, votes, state: 'open' as const, slide: 0 }],
        onScreen: false,
      };
    },
  };
  const hub = {
    hasStreams: () => streams,
    broadcast: (_kind: unknown, _deckId: string, data: unknown) => void events.push(data as QuestionsEventData),
  };
  const feed = new QuestionsFeed(store, hub, pino({ level: 'silent' }), undefined, 200);
  return { deck, events, feed };
}

describe('QuestionsFeed', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('reads a deck at most once per gap in a storm of changes, and its streams end on the newest list', async () => {
    const { deck, events, feed } = setUp();
    for (let i = 1; i <= 50; i += 1) {
      deck.votes = i;
      feed.changed('d1', i);
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1000);
    // 500 ms of changes: reads at 0, 200, 400 and one more for those heard after the last began.
    expect(deck.reads).toBe(4);
    expect(events.at(-1)?.questions[0]?.votes).toBe(50);
    const versions = events.map((event) => event.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('reads at once after a quiet spell', async () => {
    const { deck, events, feed } = setUp();
    feed.changed('d1', 1);
    await vi.advanceTimersByTimeAsync(1000);
    deck.votes = 2;
    feed.changed('d1', 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(deck.reads).toBe(2);
    expect(events.map((event) => event.questions[0]?.votes)).toEqual([0, 2]);
  });

  it('costs nothing for a deck without streams', async () => {
    const { deck, events, feed } = setUp(false);
    feed.changed('d1', 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(deck.reads).toBe(0);
    expect(events).toEqual([]);
  });
});
