import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../shared/protocol.js';
import { handoutPages } from '../../../client/state/handout-slides.js';
import { ViewerPosition } from '../../../client/state/viewer-position.js';

const deck = (reached?: { index: number; step: number }): Deck => ({
  id: 'handout1',
  title: 'Handout',
  slides: [
    { html: '<h1>One</h1>', steps: 2 },
    { html: '<h2>Two</h2>', steps: 3 },
    { html: '<h2>Three</h2>', steps: 0 },
  ],
  index: 0,
  step: 0,
  version: 1,
  ...(reached ? { reached } : {}),
});

describe('handoutPages', () => {
  it('a deck the audience may browse freely gives every slide with all its builds', () => {
    expect(handoutPages(deck(), { index: 0, step: 0 })).toEqual([
      { html: '<h1>One</h1>', step: 2 },
      { html: '<h2>Two</h2>', step: 3 },
      { html: '<h2>Three</h2>', step: 0 },
    ]);
  });

  it('browse: behind stops at the furthest position shown, with the builds shown so far', () => {
    expect(handoutPages(deck({ index: 1, step: 1 }), { index: 0, step: 0 })).toEqual([
      { html: '<h1>One</h1>', step: 2 },
      { html: '<h2>Two</h2>', step: 1 },
    ]);
    // A live state seen on the page after the deck was read goes further.
    expect(handoutPages(deck({ index: 0, step: 1 }), { index: 1, step: 2 }).map((page) => page.step)).toEqual([2, 2]);
  });
});

describe('ViewerPosition.furthest', () => {
  it('keeps the furthest live slide and step taken, whatever came after', () => {
    const position = new ViewerPosition();
    position.take({ index: 2, step: 1, version: 2 });
    position.take({ index: 0, step: 0, version: 3 });
    position.take({ index: 2, step: 0, version: 4 });
    expect(position.furthest).toEqual({ index: 2, step: 1 });
  });
});
