import { describe, expect, it } from 'vitest';
import { deckIdFromPath, talkCode } from '../../../client/utils/deck-path.js';

describe('deckIdFromPath and talkCode', () => {
  it('reads the deck id from page paths, pasted links and bare codes', () => {
    expect(deckIdFromPath('/d/abc123')).toBe('abc123');
    expect(deckIdFromPath('/d/abc123/remote')).toBe('abc123');
    expect(deckIdFromPath('/d/abc123/report')).toBe('abc123');
    expect(deckIdFromPath('/d/abc123/other')).toBeNull();
    expect(deckIdFromPath('/')).toBeNull();
    expect(talkCode('  abc123 ')).toBe('abc123');
    expect(talkCode('http://10.0.0.5:3000/d/abc123')).toBe('abc123');
    expect(talkCode('https://talks.example/d/abc123/remote#key=secret')).toBe('abc123');
    expect(talkCode('   ')).toBeNull();
    expect(deckIdFromPath('/d/abc123/present')).toBe('abc123');
    // Codes are case-insensitive: capitals typed on a phone keyboard find the same talk.
    expect(talkCode('ABC123')).toBe('abc123');
    expect(talkCode('http://10.0.0.5:3000/d/AbC123')).toBe('abc123');
  });
});
