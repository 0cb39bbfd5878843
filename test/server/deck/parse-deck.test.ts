import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../server/deck/parse-deck.js';
import { splitMarkdown } from '../../../server/deck/split-markdown.js';

describe('splitMarkdown', () => {
  it('splits on lines holding only ---, and takes notes after Note:', () => {
    expect(splitMarkdown('# A\ntext\nNote:\nsay this\n---\n# B\n')).toEqual([
      { body: '# A\ntext', notes: 'say this' },
      { body: '# B', notes: '' },
    ]);
  });

  it('never splits inside fenced code, and keeps --- with other text on the line', () => {
    const slides = splitMarkdown('```yaml\n---\nkey: 1\n```\ntext --- more\n---\nlast');
    expect(slides).toHaveLength(2);
    expect(slides[0]?.body).toContain('key: 1');
  });

  it('drops empty slides and handles CRLF', () => {
    expect(splitMarkdown('\r\n---\r\n# Only\r\n---\r\n  \r\n')).toEqual([{ body: '# Only', notes: '' }]);
  });
});

describe('parseDeck', () => {
  it('takes the title from the argument, else the first heading of any level, in text only, else a default', () => {
    expect(parseDeck('## Sub\n---\n# Main', 'Given')?.title).toBe('Given');
    expect(parseDeck('text\n---\n## Main *bold* <!--fit-->\n---\n# Later')?.title).toBe('Main bold');
    expect(parseDeck('just text')?.title).toBe('Untitled deck');
  });

  it('returns null when there is nothing to show', () => {
    expect(parseDeck('')).toBeNull();
    expect(parseDeck('---\n---')).toBeNull();
  });

  it('renders Markdown, highlights code, and strips script, handlers and javascript: URLs', () => {
    const deck = parseDeck(
      '# T\n\n<script>alert(1)</script><img src="https://x/y.png" onerror="alert(1)">\n\n[x](javascript:alert(1))\n\n```js\nconst a = 1;\n```',
    );
    const html = deck?.slides[0]?.html ?? '';
    expect(html).toContain('<h1>T</h1>');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).not.toMatch(/<script|onerror|href="javascript:/i);
    expect(html).toContain('<img src="https://x/y.png" />');
  });

  it('keeps notes as plain text, one per slide', () => {
    expect(parseDeck('# A\nNote:\n**say** it\n---\n# B')?.notes).toEqual(['**say** it', '']);
  });
});
