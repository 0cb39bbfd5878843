import { describe, expect, it } from 'vitest';
import { ViewerPosition } from '../../../client/state/viewer-position.js';

describe('ViewerPosition', () => {
  it('follows live states, and a late older state does not move the viewer back', () => {
    const position = new ViewerPosition();
    expect(position.take({ index: 3, step: 0, version: 7 })).toBe(true);
    expect(position.take({ index: 1, step: 0, version: 6 })).toBe(false);
    expect(position.shown(5)).toBe(3);
    expect(position.shown(2)).toBe(1);
  });

  it('a viewer who browses away stays put until they return or the live slide reaches them', () => {
    const position = new ViewerPosition();
    position.take({ index: 1, step: 0, version: 2 });
    position.browse(3, 5);
    expect(position.following).toBe(false);
    position.take({ index: 2, step: 0, version: 3 });
    expect(position.shown(5)).toBe(3);
    position.take({ index: 3, step: 0, version: 4 });
    expect(position.following).toBe(true);
    position.browse(0, 5);
    position.followLive();
    expect(position.shown(5)).toBe(3);
    position.browse(3, 5);
    expect(position.following).toBe(true);
  });

  it('shows the live step while following, and every build of a slide browsed to', () => {
    const position = new ViewerPosition();
    position.take({ index: 2, step: 1, version: 5 });
    expect(position.shownStep(3)).toBe(1);
    position.take({ index: 2, step: 2, version: 6 });
    expect(position.shownStep(3)).toBe(2);
    // A deck edited to fewer builds never shows a step past them.
    expect(position.shownStep(1)).toBe(1);
    position.browse(1, 5);
    expect(position.shownStep(4)).toBe(4);
    position.followLive();
    expect(position.shownStep(3)).toBe(2);
  });
});
