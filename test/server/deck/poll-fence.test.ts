import { describe, expect, it } from 'vitest';
import { pollsInHtml } from '../../../server/deck/poll-fence.js';
import { renderDeck } from '../../../server/deck/render-deck.js';

const DECK = [
  '# Intro',
  '---',
  '## Vote',
  '',
  '```poll',
  'Which <b>editor</b> & why?',
  '- Vim',
  '- Emacs <img src=x onerror=alert(1)>',
  '- "VS Code"',
  '```',
  '',
  '```poll',
  'Tabs or spaces?',
  '- Tabs',
  '- Spaces',
  '```',
].join('\n');

describe('poll fences', () => {
  it('render as a voting card marked data-poll, options as text with data-option, ids stable per slide', () => {
    const deck = renderDeck({ markdown: DECK });
    const html = deck?.slides[1]?.html ?? '';
    expect(html).toContain('<div class="podium-poll" data-poll="s1p1">');
    expect(html).toContain('<div class="podium-poll" data-poll="s1p2">');
    expect(html).toContain('<li data-option="0">Vim</li>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<pre');
    expect(renderDeck({ markdown: DECK })?.slides[1]?.html).toBe(html);
  });

  it('are read back from the rendered HTML with their question and options as written', () => {
    const polls = pollsInHtml(renderDeck({ markdown: DECK })?.slides[1]?.html ?? '');
    expect(polls).toEqual([
      {
        id: 's1p1',
        question: 'Which <b>editor</b> & why?',
        options: ['Vim', 'Emacs <img src=x onerror=alert(1)>', '"VS Code"'],
      },
      { id: 's1p2', question: 'Tabs or spaces?', options: ['Tabs', 'Spaces'] },
    ]);
  });

  it('keeps data-poll only as a poll card carries it: an author cannot smuggle attributes in', () => {
    const html = renderDeck({ markdown: '<div class="podium-poll" data-poll="s0p1" onclick="x()">hi</div>' })?.slides[0]
      ?.html;
    expect(html).not.toContain('onclick');
    const odd = renderDeck({ markdown: '<div data-poll="x&quot;y">a</div><ul><li data-option="-1">b</li></ul>' })
      ?.slides[0]?.html;
    expect(odd).not.toContain('data-poll');
    expect(odd).not.toContain('data-option');
  });
});
