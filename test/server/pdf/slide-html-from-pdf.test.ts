import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfDeck } from '../../../server/pdf/pdf-types.js';
import { renderPdfInWorker } from '../../../server/pdf/render-pdf-in-worker.js';
import { slideHtmlFromPdf } from '../../../server/pdf/slide-html-from-pdf.js';
import { browserAvailable, launchBrowser, newDesktopContext, newPhoneContext } from '../../support/browser.js';
import { printSlides, setPageLabels } from './pdf-fixtures.js';

const ORIGIN = 'http://podium.test';
// The page's own rules for hidden text and stacked steps, as the client styles a slide.
const STYLE =
  'body { margin: 0 } .pdf-slide { position: relative } .pdf-page { display: block; width: 100%; height: auto }' +
  '.pdf-page + .pdf-page { position: absolute; inset: 0 } .visually-hidden { position: absolute; width: 1px;' +
  ' height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0 }';

describe.skipIf(!browserAvailable())('slideHtmlFromPdf', () => {
  let browser: Browser;
  let deck: PdfDeck;
  let html: string;
  const assets = new Map<string, { type: string; bytes: Uint8Array }>();

  beforeAll(async () => {
    browser = await launchBrowser();
    const doc = await PDFDocument.load(
      await printSlides(browser, [
        { heading: 'Builds <in> PDF', lines: ['Point one'] },
        { heading: 'Builds <in> PDF', lines: ['Point one', 'Point two & more'] },
      ]),
    );
    setPageLabels(doc, ['1', '1']);
    deck = await renderPdfInWorker(await doc.save());
    const slide = deck.slides[0];
    if (!slide) throw new Error('no slide');
    const urls = slide.steps.map((images, step) =>
      images.map((image) => {
        const url = `${ORIGIN}/assets/s0-${step}-${image.width}.webp`;
        assets.set(url, { type: image.type, bytes: image.bytes });
        return url;
      }),
    );
    html = slideHtmlFromPdf(slide, urls);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Shows the slide in `context`; the URL each image loaded from ('broken' if it did not load). */
  async function show(context: BrowserContext): Promise<{ loaded: string[] }> {
    await context.route(`${ORIGIN}/**`, async (route) => {
      const url = route.request().url();
      const asset = assets.get(url);
      if (asset) return route.fulfill({ contentType: asset.type, body: Buffer.from(asset.bytes) });
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><style>${STYLE}</style></head><body>${html}</body></html>`,
      });
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/d/x`);
    await page.waitForFunction(() => [...document.images].every((image) => image.complete));
    return page.$$eval('img.pdf-page', (images: HTMLImageElement[]) => ({
      loaded: images.map((image) => (image.naturalWidth > 0 ? image.currentSrc : 'broken')),
    }));
  }

  it('marks each step’s image with data-step, a srcset over both widths, and an empty alt', () => {
    expect(html.match(/<img [^>]*data-step="(\d)"/g)).toHaveLength(2);
    expect(html).toContain(
      'srcset="http://podium.test/assets/s0-0-640.webp 640w, http://podium.test/assets/s0-0-1600.webp 1600w"',
    );
    expect(html).toContain('alt=""');
    expect(html).toContain('<h2>Builds &lt;in&gt; PDF</h2>');
    expect(html).toContain('<div data-step="1"><p>Point two &amp; more</p></div>');
  });

  it('loads every step’s image: the small one on a small phone, the sharp one on a desktop', async () => {
    const small = await newPhoneContext(browser, { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 });
    const phone = await newPhoneContext(browser);
    const desktop = await newDesktopContext(browser);
    try {
      const onSmall = await show(small);
      expect(onSmall.loaded).toEqual([`${ORIGIN}/assets/s0-0-640.webp`, `${ORIGIN}/assets/s0-1-640.webp`]);
      const onPhone = await show(phone);
      expect(onPhone.loaded.every((url) => url.startsWith(`${ORIGIN}/assets/s0-`))).toBe(true);
      const onDesktop = await show(desktop);
      expect(onDesktop.loaded).toEqual([`${ORIGIN}/assets/s0-0-1600.webp`, `${ORIGIN}/assets/s0-1-1600.webp`]);
    } finally {
      await Promise.all([small.close(), phone.close(), desktop.close()]);
    }
  });

  it('puts the slide’s words in the accessibility tree, in reading order, under the title', async () => {
    const context = await newDesktopContext(browser);
    try {
      await show(context);
      const page = context.pages()[0];
      const tree = (await page?.locator('body').ariaSnapshot()) ?? '';
      expect(tree).toMatch(/heading "Builds <in> PDF" \[level=2\][\s\S]*Point one[\s\S]*Point two & more/);
      expect(tree).not.toContain('img');
    } finally {
      await context.close();
    }
  });
});
