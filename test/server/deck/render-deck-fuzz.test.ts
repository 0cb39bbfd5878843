import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../../server/deck/render-deck.js';

/** Lines from every dialect's syntax, so random decks hit the interesting paths together. */
const LINES = [
  '---',
  '--',
  '----',
  '***',
  '. . .',
  '???',
  'Note:',
  'notes: x',
  '::: notes',
  ':::',
  '::: incremental',
  '```',
  '```ts {monaco}',
  '```mermaid',
  '$$',
  '$x$',
  '\\(',
  '\\]',
  '# Title',
  '## Sub',
  'layout: center',
  'src: other.md',
  'class: center',
  'exclude: true',
  'marp: true',
  'headingDivider: 2',
  'title: T',
  '% Title',
  '<!-- note -->',
  '<!-- _class: x -->',
  '<!--fit-->',
  '<!-- .slide: data-background-image="a.png" -->',
  '<!-- .element: class="fragment" data-fragment-index="x" -->',
  '<v-clicks>',
  '</v-clicks>',
  '<v-click>',
  '<div v-click="2">a</div>',
  '<Foo :a="1">b</Foo>',
  '* item',
  '- item',
  '1) item',
  '![bg](a.png)',
  '![](../../x.png)',
  '<img src="a%zz.png">',
  '<svg><script>x</script></svg>',
  '<p style="color:red;top:0">s</p>',
  '.left[text]',
  '',
  'plain text',
];

describe('renderDeck on random mixtures of every dialect', () => {
  it('never throws, and returns slides with a whole number of steps matching their marks', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string()), { maxLength: 40 }), (lines) => {
        const deck = renderDeck({
          markdown: lines.join('\n'),
          files: { 'other.md': '# Other\n---\n# Two' },
          assets: { 'a.png': '/m/a' },
        });
        for (const slide of deck?.slides ?? []) {
          expect(Number.isInteger(slide.steps) && slide.steps >= 0).toBe(true);
          const marks = [...slide.html.matchAll(/data-step="(\d+)"/g)].map((m) => Number(m[1]));
          expect(Math.max(0, ...marks)).toBe(slide.steps);
          expect(slide.html).not.toMatch(
            /<script|<svg(?![^>]*xmlns="http:\/\/www.w3.org\/2000\/svg" width="[\d.]+em")|<!--/,
          );
        }
      }),
      { numRuns: 400 },
    );
  });
});
