import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, Deck } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { findDangers, textOf } from './html-inspection.js';
import { XSS_VECTORS } from './xss-vectors.js';

/** One deck holding every vector, one per slide (slides are split before rendering, so each stands alone). */
export const XSS_DECK = XSS_VECTORS.join('\n\n---\n\n');

describe('the inspector itself', () => {
  it('flags what it must and passes clean slide HTML', () => {
    expect(findDangers('<img src="jav&#x09;ascript:alert(1)">')).toEqual(['img[src=javascript:]']);
    expect(findDangers('<p onclick="x">a</p><svg></svg>')).toEqual(['p[onclick]', '<svg>']);
    expect(findDangers('<a href=" DATA:text/html,x">a</a>')).toEqual(['a[href=data:]']);
    expect(
      findDangers('<h1>Hi</h1><a href="https://example.com" rel="noopener noreferrer">x</a><img src="/a.png">'),
    ).toEqual([]);
  });
});

describe.each(DRIVERS)('sanitized slides on %s', (driver) => {
  let server: TestServer;
  let created: CreateDeckResponse;
  let stored: Deck;

  beforeAll(async () => {
    server = await startTestServer({ driver });
    created = await server.createDeck(XSS_DECK, 'XSS vectors');
    stored = (await (await fetch(`${server.url}/api/decks/${created.deck.id}`)).json()) as Deck;
  });
  afterAll(() => server.stop());

  it(`keeps one slide per vector (${XSS_VECTORS.length} vectors)`, () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(40);
    expect(stored.slides).toHaveLength(XSS_VECTORS.length);
    expect(stored.slides).toEqual(created.deck.slides);
    console.info(`[xss ${driver}] ${XSS_VECTORS.length} vectors tried through POST /api/decks and GET /api/decks/:id`);
  });

  it.each(XSS_VECTORS.map((vector, index) => [index, vector] as const))(
    'vector %i leaves nothing executable: %s',
    (index) => {
      const html = stored.slides[index]?.html ?? '';
      expect(findDangers(html), html).toEqual([]);
      expect(html).not.toMatch(/<script/i);
    },
  );

  it('still shows code that merely talks about script, as text', () => {
    const codeSpan = XSS_VECTORS.indexOf('`<script>window.__xss=1</script>`');
    expect(textOf(stored.slides[codeSpan]?.html ?? '')).toContain('<script>window.__xss=1</script>');
  });

  it('keeps safe links and images working', async () => {
    const safe = await server.createDeck(
      '[site](https://example.com) ![pic](https://example.com/a.png) <mailto:a@example.com>',
    );
    const html = safe.deck.slides[0]?.html ?? '';
    expect(findDangers(html)).toEqual([]);
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('src="https://example.com/a.png"');
    expect(html).toContain('href="mailto:a@example.com"');
  });
});
