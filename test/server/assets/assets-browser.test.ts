import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { browserAvailable, shownHeading } from '../../support/browser.js';
import { useBrowserSuite } from '../../support/browser-suite.js';
import { animatedGif, bigPhoto, deckForm, HOSTILE_SVG, smallPng } from './asset-fixtures.js';

/** One heading per slide, each with the images of one kind. */
const DECK = [
  '# Subfolder\n\n![chart](images/chart.png)',
  '## Space\n\n![team](<photos/team photo.png>)',
  '## Mislabelled\n\n![logo](images/logo.webp)',
  '## Animated\n\n![anim](anim.gif)',
  '## Vector\n\n<img src="diagrams/hostile.svg" alt="diagram">',
  '## Photo\n\n![photo](photos/big.jpg) ![jpeg](photos/small.jpg)',
].join('\n\n---\n\n');

const HEADINGS = ['Subfolder', 'Space', 'Mislabelled', 'Animated', 'Vector', 'Photo'];

describe.skipIf(!browserAvailable())('deck images in the browser', () => {
  const suite = useBrowserSuite();
  let created: CreateDeckResponse;

  beforeAll(async () => {
    const form = deckForm(DECK, {
      'images/chart.png': await smallPng(),
      'photos/team photo.png': await smallPng(40, 30),
      'images/logo.webp': await smallPng(20, 20),
      'anim.gif': await animatedGif(),
      'diagrams/hostile.svg': HOSTILE_SVG,
      'photos/big.jpg': await bigPhoto(2600, 1600),
      'photos/small.jpg': createCanvas(50, 50).encodeSync('jpeg'),
    });
    const res = await fetch(`${suite.server.url}/api/decks`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    created = (await res.json()) as CreateDeckResponse;
    expect(created.warnings.map((warning) => warning.code)).toEqual(['asset_resized']);
  }, 60_000);

  it('loads every image of every slide on the audience page, with no CSP violation', async () => {
    const { server, pages } = suite;
    const audience = await pages.open('desktop', created.links.audience);
    const failed: string[] = [];
    audience.on('requestfailed', (request) => failed.push(request.url()));
    for (const [index, heading] of HEADINGS.entries()) {
      if (index > 0) expect((await server.putSlide(created.deck.id, created.presenterKey, index)).status).toBe(200);
      await shownHeading(audience, heading).waitFor();
      const images = audience.locator('podium-slide:not([preview]) img');
      const sources = await images.evaluateAll((all) => all.map((img) => (img as HTMLImageElement).src));
      expect(sources.length, heading).toBeGreaterThan(0);
      for (const src of sources) expect(src, heading).toMatch(/\/api\/assets\/[0-9a-f]{64}\.\w+$/);
      await expect
        .poll(() => images.evaluateAll((all) => all.every((img) => (img as HTMLImageElement).naturalWidth > 0)), {
          timeout: 10_000,
          message: `images of slide "${heading}" load`,
        })
        .toBe(true);
    }
    expect(failed).toEqual([]);
  }, 60_000);
});
