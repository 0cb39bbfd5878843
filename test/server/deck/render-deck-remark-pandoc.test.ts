import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../../server/deck/render-deck.js';
import { loadFixture } from './load-fixture.js';
import { expectSafeSlides, outline } from './slide-checks.js';

describe('renderDeck on a remark deck', () => {
  const deck = renderDeck(loadFixture('remark', 'deck.md'));

  it('reads slide properties, ??? notes and -- pauses (with or without blank lines), skipping excluded slides', () => {
    expect(deck?.title).toBe('Remark Deck');
    expect(outline(deck)).toEqual({
      steps: [0, 2, 0, 1],
      notes: ['Opening notes for remark.', 'Notes for the incremental slide.', '', ''],
    });
    for (const slide of deck?.slides ?? []) expect(slide.html).not.toMatch(/class:|name:|exclude|Not shown/);
    expect(deck?.slides[1]?.html).toContain('<div data-step="2"><ul>\n<li>Third point</li>');
  });

  it('shows background-image and the text of .class[text], and says the layout slide was not applied', () => {
    expect(deck?.slides[2]?.html).toBe(
      '<img src="/media/forest.png" alt="" class="podium-bg" /><h2>Forest</h2>\n<p>Photo credit</p>',
    );
    expect(deck?.warnings.map((w) => w.code)).toEqual(['unknown_directive']);
    expectSafeSlides(deck);
  });
});

describe('renderDeck on a pandoc deck', () => {
  const deck = renderDeck(loadFixture('pandoc', 'deck.md'));

  it('makes a title slide from the % block and a slide per heading at the slide level', () => {
    expect(deck?.title).toBe('Pandoc Habits');
    expect(deck?.slides.map((slide) => /<h[12]>([^<]*)/.exec(slide.html)?.[1])).toEqual([
      'Pandoc Habits',
      'Part one',
      'First slide',
      'Second slide',
      'Part two',
      'Third slide',
      'Fourth slide',
    ]);
  });

  it('reads . . . pauses as steps and ::: notes as notes of their own slide', () => {
    expect(outline(deck)).toEqual({
      steps: [0, 0, 1, 1, 0, 0, 2],
      notes: ['', '', 'Notes in a pandoc div.\n\nThey span two paragraphs.', '', '', '', ''],
    });
  });

  it('builds ::: incremental lists item by item, and keeps other divs (columns) without their fences', () => {
    const html = deck?.slides[6]?.html ?? '';
    expect(html).toContain('<li data-step="1">built one</li>\n<li data-step="2">built two</li>');
    expect(html).toContain('<p>Left column</p>');
    expect(html).not.toContain(':::');
  });

  it('finds a figure whose name has a space, renders \\( \\) math, and names the dropped SVG', () => {
    expect(deck?.slides[3]?.html).toContain('<img src="/media/figures%2Fplot%201.png" alt="Plot" />');
    expect(deck?.slides[5]?.html).toContain('class="katex"');
    expect(deck?.warnings).toEqual([
      {
        code: 'removed_content',
        message: 'Slide 4 contained an inline SVG drawing, which Podium does not show, for safety.',
        slide: 3,
      },
    ]);
    expectSafeSlides(deck);
  });
});
