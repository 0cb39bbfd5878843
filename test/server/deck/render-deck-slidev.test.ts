import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../../server/deck/render-deck.js';
import { loadFixture } from './load-fixture.js';
import { expectSafeSlides, outline } from './slide-checks.js';

describe('renderDeck on a Slidev deck', () => {
  const deck = renderDeck(loadFixture('slidev', 'slides.md'));
  const codes = (slide: number) => deck?.warnings.filter((w) => w.slide === slide).map((w) => w.code) ?? [];

  it('reads head matter and per-slide matter as settings, never as slides or title', () => {
    expect(deck?.title).toBe('Welcome to Slidev');
    expect(deck?.slides).toHaveLength(6);
    for (const slide of deck?.slides ?? []) expect(slide.html).not.toMatch(/transition|layout|try also|level: 2/);
  });

  it('imports src: files in place, with their images, and warns about a missing one', () => {
    expect(deck?.slides[3]?.html).toContain('<h1>Imported slide one</h1>');
    expect(deck?.slides[3]?.html).toContain('<img src="/media/pages%2Fchart.png" alt="chart" />');
    expect(deck?.slides[4]?.notes).toBe('notes of the imported slide');
    expect(deck?.warnings).toContainEqual({
      code: 'missing_import',
      message: 'The deck imports "./pages/missing.md", which was not provided, so its slides are missing.',
    });
  });

  it("takes each slide's last comment as its notes", () => {
    expect(outline(deck).notes).toEqual([
      'The last comment block of each slide will be treated as slide notes.',
      'Here is another comment, the last one: the notes.',
      '',
      '',
      'notes of the imported slide',
      '',
    ]);
  });

  it('counts v-clicks items, v-click and v-after (with the click before it) as steps', () => {
    expect(outline(deck).steps).toEqual([0, 4, 0, 0, 0, 1]);
    const html = deck?.slides[1]?.html ?? '';
    expect(html.match(/<li data-step="\d">/g)).toEqual([
      '<li data-step="1">',
      '<li data-step="2">',
      '<li data-step="3">',
    ]);
    expect(html).toContain('<div data-step="4">Read more');
    expect(html).toContain('<div data-step="4">And this appears with it.</div>');
  });

  it('shows backgrounds from background: (public folder) and image: matter', () => {
    expect(deck?.slides[0]?.html).toMatch(
      /^<img src="\/media\/public%2Fimages%2Fcover.png" alt="" class="podium-bg" \/>/,
    );
    expect(deck?.slides[5]?.html).toMatch(/^<img src="\/media\/pages%2Fchart.png" alt="" class="podium-bg" \/>/);
  });

  it('drops components and directives with a warning, keeping their text, and keeps code for Monaco and Mermaid', () => {
    expect(codes(5)).toEqual(expect.arrayContaining(['unknown_component', 'unknown_directive', 'missing_asset']));
    expect(deck?.warnings.map((w) => w.message)).toContain(
      'Slide 6 uses the <Tweet> component, which Podium cannot show; only its text was kept.',
    );
    expect(deck?.slides[5]?.html).toContain('<div>Slides in from the left</div>');
    expect(deck?.slides[5]?.html).toContain('Count from ten');
    expect(codes(2).sort()).toEqual(['diagram_as_code', 'unknown_directive']);
    expect(deck?.slides[2]?.html).toContain('<code class="language-mermaid">sequenceDiagram');
  });

  it('renders math with KaTeX on the server, and lets nothing executable through', () => {
    const html = deck?.slides[5]?.html ?? '';
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('\\sqrt');
    expectSafeSlides(deck);
  });
});
