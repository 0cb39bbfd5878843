import { describe, expect, it } from 'vitest';
import { normalizeAssetPath } from '../../../server/deck/asset-paths.js';
import { renderDeck } from '../../../server/deck/render-deck.js';
import { expectSafeSlides, outline } from './slide-checks.js';

const headings = (markdown: string) =>
  renderDeck({ markdown })?.slides.map((slide) => /<h\d>([^<]*)/.exec(slide.html)?.[1] ?? slide.html);

describe('renderDeck', () => {
  it('reads front matter as settings, never a slide, and returns null when only settings remain', () => {
    const deck = renderDeck({ markdown: '---\ntitle: Set\nbrowse: behind\nduration: 25 min\n---\n\n# One' });
    expect(deck?.title).toBe('Set');
    expect(deck?.slides.map((slide) => slide.html)).toEqual(['<h1>One</h1>']);
    expect(deck?.settings).toEqual({ browse: 'behind', durationMinutes: 25 });
    expect(renderDeck({ markdown: '---\npodium:\n  browse: free\n  duration: 1:30\n---\n# A' })?.settings).toEqual({
      browse: 'free',
      durationMinutes: 90,
    });
    expect(renderDeck({ markdown: '---\ntitle: Only settings\n---\n' })).toBeNull();
  });

  it('takes the title from the first heading of any level, text only, never from a directive', () => {
    expect(renderDeck({ markdown: 'intro\n\n### <!--fit--> Small *but* first\n\n# Big' })?.title).toBe(
      'Small but first',
    );
    expect(renderDeck({ markdown: '# From deck', title: ' Given ' })?.title).toBe('Given');
  });

  it('splits on --- and on -- between blank lines; a -- inside text is a pause; code never splits', () => {
    expect(headings('# A\n\n--\n\n# B\n---\n# C\n```\n---\n--\n```')).toEqual(['A', 'B', 'C']);
    const paused = renderDeck({ markdown: '# P\nfirst\n--\nsecond' });
    expect(outline(paused).steps).toEqual([1]);
    expect(paused?.slides[0]?.html).toContain('<div data-step="1"><p>second</p>');
  });

  it('reads Note: and NOTES: with text on the same line, up to the next separator only', () => {
    const deck = renderDeck({ markdown: '# A\nNote: say A\nmore A\n\n--\n\n# B\nNOTES:\nsay B\n---\n# C' });
    expect(outline(deck).notes).toEqual(['say A\nmore A', 'say B', '']);
    expect(deck?.slides[0]?.html).toBe('<h1>A</h1>');
  });

  it('marks reveal.js fragments written in HTML, and ignores data-step written by the author', () => {
    const deck = renderDeck({
      markdown:
        '# F\n\n<p class="fragment" data-fragment-index="0">a</p>\n<p class="fragment">b</p>\n<p data-step="9">c</p>',
    });
    expect(deck?.slides[0]?.html).toBe('<h1>F</h1>\n<p data-step="1">a</p>\n<p data-step="2">b</p>\n<p>c</p>');
    expect(deck?.slides[0]?.steps).toBe(2);
  });

  it('warns, naming the slide, about a slide with far too much text or code', () => {
    const prose = Array.from({ length: 30 }, (_, i) => `Line ${i} of a very long slide.`).join('\n\n');
    const code = '```py\n' + 'print(1)\n'.repeat(35) + '```';
    const deck = renderDeck({ markdown: `# Fine\n---\n${prose}\n---\n${code}` });
    expect(deck?.warnings).toEqual([
      { code: 'overflow', message: 'Slide 2 may be too long to fit; it will be scaled down.', slide: 1 },
      { code: 'overflow', message: 'Slide 3 may be too long to fit; it will be scaled down.', slide: 2 },
    ]);
  });

  it('renders $, $$, \\( and \\[ math, leaves prices alone, and shows bad TeX as code with a warning', () => {
    const deck = renderDeck({ markdown: 'Costs $5 and $6.\n\n$x$ \\(y\\)\n\n\\[z\\]\n\n$\\frac{1}{$' });
    const html = deck?.slides[0]?.html ?? '';
    expect(html).toContain('Costs $5 and $6.');
    expect(html.match(/class="katex"/g)).toHaveLength(3);
    expect(deck?.warnings.map((w) => w.code)).toEqual(['math_error']);
  });

  it('resolves relative paths however they are written, and warns about a missing one', () => {
    const assets = { 'img/a b.png': '/m/1', 'public/logo.png': '/m/2' };
    const markdown = '![](./img/a%20b.png) ![](img/../img/a%20b.png) ![](</img/../logo.png>) ![](../secret.png)';
    const deck = renderDeck({ markdown, assets });
    expect(deck?.slides[0]?.html).toBe(
      '<p><img src="/m/1" alt="" /> <img src="/m/1" alt="" /> <img src="/m/2" alt="" /> </p>',
    );
    expect(deck?.warnings).toEqual([
      {
        code: 'missing_asset',
        message: 'Slide 1 shows "../secret.png", which was not found next to the deck, so it is left out.',
        slide: 0,
      },
    ]);
    expect(normalizeAssetPath('a/./b/../c%20d.png?x=1#y')).toBe('a/c d.png');
    expect(normalizeAssetPath('../x.png')).toBeNull();
  });

  it('lets nothing executable through any new construct', () => {
    const attempts = [
      '# A <!-- .element: class="fragment" onclick="window.__xss=1" style="background:url(javascript:alert(1))" -->',
      '<!-- .slide: data-background-image="javascript:alert(1)" -->\n# B',
      '$\\href{javascript:alert(1)}{x}$ $\\htmlClass{evil}{y}$ $\\includegraphics{/x.png}$',
      '<v-click onclick="window.__xss=1"><script>window.__xss=1</script>c</v-click>',
      '<v-clicks>\n\n- <img src="x.png" onerror="window.__xss=1">\n\n</v-clicks>',
      '<div style="width: expression(alert(1)); position: fixed; color: blue">d</div>',
      '---\nlayout: cover\nbackground: javascript:alert(1)\n---\n# E',
      '<MyWidget onload="window.__xss=1"><iframe src="javascript:alert(1)"></iframe></MyWidget>',
      '```mermaid\n<script>window.__xss=1</script>\n```',
      'Note: <script>window.__xss=1</script>',
    ];
    const deck = renderDeck({ markdown: attempts.join('\n\n---\n\n'), assets: { 'x.png': '/m/x' } });
    expectSafeSlides(deck);
    expect(deck?.slides.map((slide) => slide.html).join('')).not.toMatch(/javascript|evil|data-background/);
    expect(deck?.slides[5]?.html).toBe('<div style="color:blue">d</div>');
    expect(deck?.slides[8]?.html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
  });

  it('returns null when no slide has content', () => {
    expect(renderDeck({ markdown: '' })).toBeNull();
    expect(renderDeck({ markdown: '---\n---\n<!-- only a comment -->' })).toBeNull();
  });
});
