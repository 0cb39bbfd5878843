import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../shared/backoff.js';
import { deckIdFromPath, talkCode } from '../../client/deck-path.js';
import { noteBlocks } from '../../client/slide-text.js';

describe('backoffDelay', () => {
  it('doubles from the base, caps, and jitters between half and all of the step', () => {
    const low = (attempt: number) => backoffDelay(attempt, { random: () => 0 });
    const high = (attempt: number) => backoffDelay(attempt, { random: () => 1 });
    expect([0, 1, 2, 3].map(high)).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map(low)).toEqual([250, 500, 1000, 2000]);
    expect(high(50)).toBe(15_000);
    expect(low(50)).toBe(7_500);
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(3)));
    expect(spread.size).toBeGreaterThan(1);
  });
});

describe('deckIdFromPath and talkCode', () => {
  it('reads the deck id from page paths, pasted links and bare codes', () => {
    expect(deckIdFromPath('/d/abc123')).toBe('abc123');
    expect(deckIdFromPath('/d/abc123/remote')).toBe('abc123');
    expect(deckIdFromPath('/')).toBeNull();
    expect(talkCode('  abc123 ')).toBe('abc123');
    expect(talkCode('http://10.0.0.5:3000/d/abc123')).toBe('abc123');
    expect(talkCode('https://talks.example/d/abc123/remote#key=secret')).toBe('abc123');
    expect(talkCode('   ')).toBeNull();
  });
});

describe('noteBlocks', () => {
  it('joins hard-wrapped lines, splits paragraphs, keeps list items apart', () => {
    expect(noteBlocks('Welcome everyone. This\nwraps.\n\n- one\n- two\n\nLast')).toEqual([
      'Welcome everyone. This wraps.',
      '- one',
      '- two',
      'Last',
    ]);
    expect(noteBlocks('')).toEqual([]);
  });
});
