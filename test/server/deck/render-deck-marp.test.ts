import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../../server/deck/render-deck.js';
import { loadFixture } from './load-fixture.js';
import { expectSafeSlides, outline } from './slide-checks.js';

describe('renderDeck on a Marp deck', () => {
  const deck = renderDeck(loadFixture('marp', 'deck.md'));

  it('takes the title from front matter, never from <!--fit--> or directives', () => {
    expect(deck?.title).toBe('Marp in Practice');
    expect(deck?.slides[0]?.html).toBe('<h1> Marp in Practice</h1>\n<p>A talk written for Marp</p>');
  });

  it('makes * and 1) list items builds, and leaves - lists whole', () => {
    expect(outline(deck).steps).toEqual([0, 5, 0, 0]);
    expect(deck?.slides[1]?.html).toContain('<li>shown at once</li>');
    expect(deck?.slides[1]?.html).toContain('<li data-step="5">ordered build two</li>');
  });

  it('takes HTML comments as notes, except directives', () => {
    expect(outline(deck).notes).toEqual([
      'Presenter: greet the room, this is a note.',
      '',
      'Multi-line note\nfor the background slide.',
      '<script>window.__xss=1</script>',
    ]);
  });

  it('turns ![bg] into a background, applies w: sizes, and warns about a missing background', () => {
    const html = deck?.slides[2]?.html ?? '';
    expect(html).toMatch(/^<img src="\/media\/assets%2Fbg.png" alt="" class="podium-bg" \/>/);
    expect(html).toContain('<img src="/media/assets%2Flogo.png" alt="" width="120" />');
    expect(html).toContain('class="katex-display"');
    expect(deck?.warnings).toContainEqual({
      code: 'missing_asset',
      message: 'The background of slide 3, "assets/missing-bg.png", was not found next to the deck, so it is left out.',
      slide: 2,
    });
  });

  it('keeps colour from inline style but not position or url(), and nothing executable', () => {
    expect(deck?.slides[3]?.html).toContain('<span style="color:red">styled</span>');
    expectSafeSlides(deck);
  });
});
