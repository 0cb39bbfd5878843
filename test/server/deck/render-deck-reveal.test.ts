import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../../server/deck/render-deck.js';
import { loadFixture } from './load-fixture.js';
import { expectSafeSlides, outline } from './slide-checks.js';

describe('renderDeck on a reveal.js deck', () => {
  const deck = renderDeck(loadFixture('reveal', 'talk.md'));

  it('takes the title from front matter and never shows the front matter', () => {
    expect(deck?.title).toBe('Keynote: Shipping on Fridays');
    expect(deck?.slides[0]?.html).not.toMatch(/theme|revealOptions|transition/);
  });

  it('plays vertical slides in reading order, and never splits inside code', () => {
    expect(deck?.slides.map((slide) => /<h[12]>([^<]*)/.exec(slide.html)?.[1]?.trim())).toEqual([
      'Shipping on Fridays',
      'Why it matters',
      'A vertical slide',
      'Code, also vertical',
      'Photo',
    ]);
    expect(deck?.slides[3]?.html).toContain('this separator is inside code');
  });

  it('reads every Note: form up to the next separator, and counts fragments by their index', () => {
    expect(outline(deck)).toEqual({
      steps: [0, 3, 0, 0, 1],
      notes: [
        'Welcome everyone. This line is a note, not a slide.',
        'Speed comes first on screen, then confidence.',
        'the diagram is an SVG next to the deck.',
        '',
        'a private reminder that is not shown',
      ],
    });
    const html = deck?.slides[1]?.html ?? '';
    expect(html).toContain('<li data-step="2">Confidence');
    expect(html).toContain('<li data-step="1">Speed');
    expect(html).toContain('<li>Calm</li>');
    expect(html).toContain('<p data-step="3">And one more thing</p>');
  });

  it('points images, the SVG and the .slide: background at the assets, paths normalised', () => {
    expect(deck?.slides[0]?.html).toContain('<img src="/media/img%2Fkeynote%20photo.png" alt="" class="podium-bg" />');
    expect(deck?.slides[2]?.html).toContain('<img src="/media/img%2Fdiagram.svg" alt="Architecture" />');
    expect(deck?.slides[4]?.html).toContain('src="/media/img%2Fkeynote%20photo.png"');
    expect(deck?.warnings).toEqual([]);
  });

  it('keeps safe style from an .element: comment, and nothing executable or any comment text', () => {
    expect(deck?.slides[4]?.html).toContain('<div style="color:red" data-step="1">Clicked</div>');
    expectSafeSlides(deck);
  });
});
