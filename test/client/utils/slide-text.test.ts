import { describe, expect, it } from 'vitest';
import { noteBlocks } from '../../../client/utils/slide-text.js';

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
