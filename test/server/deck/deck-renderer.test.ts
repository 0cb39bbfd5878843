import { afterAll, describe, expect, it } from 'vitest';
import {
  closeDeckRenderer,
  DeckRenderTimeoutError,
  DeckTooLargeError,
  renderDeckInWorker,
} from '../../../server/deck/deck-renderer.js';

describe('renderDeckInWorker', () => {
  afterAll(() => closeDeckRenderer());

  it('renders a deck in a worker thread, with steps, notes and warnings as plain data', async () => {
    const deck = await renderDeckInWorker({
      markdown:
        '---\ntitle: In a worker\n---\n# A\n\n- one <!-- .element: class="fragment" -->\n\nNote: hi\n---\n![x](gone.png)',
    });
    expect(deck?.title).toBe('In a worker');
    expect(deck?.slides.map((slide) => [slide.steps, slide.notes])).toEqual([
      [1, 'hi'],
      [0, ''],
    ]);
    expect(deck?.warnings.map((warning) => warning.code)).toEqual(['missing_asset']);
  });

  it('answers null for a deck with nothing to show', async () => {
    expect(await renderDeckInWorker({ markdown: '---\ntitle: x\n---\n' })).toBeNull();
  });

  it('refuses a deck over the size budget before rendering it', async () => {
    await expect(renderDeckInWorker({ markdown: 'x'.repeat(2000) }, { maxBytes: 1000 })).rejects.toBeInstanceOf(
      DeckTooLargeError,
    );
    await expect(
      renderDeckInWorker({ markdown: '# a', files: { 'b.md': 'y'.repeat(2000) } }, { maxBytes: 1000 }),
    ).rejects.toBeInstanceOf(DeckTooLargeError);
  });

  it('stops a render that exceeds the time budget, then keeps serving', async () => {
    const heavy = Array.from(
      { length: 400 },
      (_, i) => `# S${i}\n\n\`\`\`ts\n${'const a = [1, 2, 3].map((x) => x * 2);\n'.repeat(200)}\`\`\``,
    ).join('\n---\n');
    await expect(renderDeckInWorker({ markdown: heavy }, { timeoutMs: 1 })).rejects.toBeInstanceOf(
      DeckRenderTimeoutError,
    );
    expect((await renderDeckInWorker({ markdown: '# after' }))?.title).toBe('after');
  });
});
