import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../shared/protocol.js';
import { deckSettings, eventSettings, withSettings } from '../../../client/state/room-settings.js';

const slide = (html: string) => ({ html, steps: 0 });
const FREE: Deck = {
  id: 'abc',
  title: 'T',
  slides: [slide('one'), slide('two'), slide('three'), slide('four')],
  index: 1,
  step: 0,
  version: 5,
};

describe('room settings on the audience page', () => {
  it('reads browse and bursts from a deck and from a slide event', () => {
    expect(deckSettings(FREE)).toEqual({ browse: 'free', bursts: true });
    expect(eventSettings({ index: 0, step: 0, version: 1, reached: { index: 0, step: 0 }, bursts: false })).toEqual({
      browse: 'behind',
      bursts: false,
    });
  });

  it('turned behind, drops the slides past the furthest reached at once and remembers the count', () => {
    const event = { index: 1, step: 0, version: 6, count: 4, reached: { index: 2, step: 0 } };
    const next = withSettings(FREE, event);
    expect(next).toMatchObject({ browse: 'behind', reached: { index: 2, step: 0 }, count: 4 });
    expect(next !== 'fetch' && next.slides.map((s) => s.html)).toEqual(['one', 'two', 'three']);
  });

  it('turned free, asks for the deck again; an event older than the deck changes nothing', () => {
    const behind = withSettings(FREE, { index: 1, step: 0, version: 6, reached: { index: 1, step: 0 } });
    if (behind === 'fetch') throw new Error('expected a deck');
    expect(withSettings(behind, { index: 1, step: 0, version: 7 })).toBe('fetch');
    expect(withSettings(behind, { index: 1, step: 0, version: 3 })).toBe(behind);
  });

  it('follows bursts off and on, and leaves a deck alone when nothing changed', () => {
    const quiet = withSettings(FREE, { index: 1, step: 0, version: 6, bursts: false });
    expect(quiet !== 'fetch' && quiet.bursts).toBe(false);
    if (quiet === 'fetch') throw new Error('expected a deck');
    const loud = withSettings(quiet, { index: 1, step: 0, version: 7 });
    expect(loud !== 'fetch' && 'bursts' in loud).toBe(false);
    expect(withSettings(FREE, { index: 2, step: 0, version: 8 })).toBe(FREE);
  });
});
