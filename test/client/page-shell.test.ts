import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import buildClient from '../support/build-client.js';

const OUT = new URL('../../dist/client/', import.meta.url);

/** Each built page, its own title and element. */
const PAGES = {
  'index.html': ['Podium', 'podium-start'],
  'audience.html': ['Podium', 'podium-audience'],
  'remote.html': ['Remote · Podium', 'podium-remote'],
  'present.html': ['Presenter view · Podium', 'podium-presenter'],
  'report.html': ['Talk report · Podium', 'podium-report'],
} as const;

describe('page shells (vite.config.ts podiumPages)', () => {
  it('gives every built page the shared head before its own title, script and element', async () => {
    await buildClient();
    for (const [page, [title, element]] of Object.entries(PAGES)) {
      const html = await readFile(new URL(page, OUT), 'utf8');
      const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
      // The charset first (within the first 1024 bytes), then the rest of the shared head.
      expect(head.indexOf('<meta charset="utf-8"'), page).toBe('<head>'.length + 5);
      expect(head, page).toContain('name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"');
      expect(head, page).toContain('<meta name="color-scheme" content="light dark"');
      expect(head, page).toContain('<meta name="referrer" content="no-referrer"');
      expect(head, page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"');
      expect(head, page).toMatch(/<link rel="stylesheet" crossorigin href="\/assets\/[^"]+\.css">/);
      expect(head, page).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
      expect(head.match(/<title>(.*)<\/title>/)?.[1], page).toBe(title);
      expect(html, page).toContain(`<body>\n    <${element}></${element}>`);
      // No inline script: the strict CSP holds.
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });
});
