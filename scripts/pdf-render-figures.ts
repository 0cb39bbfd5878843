// Render time per page and bytes per page at each width, for a 30-page PDF printed by Chromium,
// in each image format. Run: npx tsx scripts/pdf-render-figures.ts
import { renderPdfInWorker } from '../server/pdf/render-pdf-in-worker.js';
import type { PdfImageFormat } from '../server/pdf/pdf-types.js';
import { launchBrowser } from '../test/support/browser.js';
import { printSlides, type FixturePage } from '../test/server/pdf/pdf-fixtures.js';

const PAGE_COUNT = 30;
const pages: FixturePage[] = Array.from({ length: PAGE_COUNT }, (_, index) => ({
  heading: `Slide ${index + 1}: a heading of ordinary length`,
  lines: [
    'A first point, written out as a whole sentence as people do on slides',
    'A second point with numbers: 12.5 % faster, 3× smaller, 40 ms',
    'A third point that wraps onto a second line because it keeps going a little longer than the others',
  ],
  image: index % 3 === 0,
}));

const browser = await launchBrowser();
const pdf = await printSlides(browser, pages, 'Figures');
await browser.close();
console.log(`PDF: ${PAGE_COUNT} pages, ${Math.round(pdf.length / 1024)} KiB; every third page has a picture`);

for (const format of ['webp', 'png', 'jpeg'] satisfies PdfImageFormat[]) {
  const started = performance.now();
  const deck = await renderPdfInWorker(pdf, { format });
  const elapsed = performance.now() - started;
  const images = deck.slides.flatMap((slide) => slide.steps.flat());
  const byWidth = new Map<number, number[]>();
  for (const image of images) byWidth.set(image.width, [...(byWidth.get(image.width) ?? []), image.bytes.length]);
  const sizes = [...byWidth]
    .map(([width, bytes]) => {
      const mean = bytes.reduce((sum, size) => sum + size, 0) / bytes.length / 1024;
      return `${width} px: mean ${mean.toFixed(1)} KiB, max ${(Math.max(...bytes) / 1024).toFixed(1)} KiB`;
    })
    .join('; ');
  console.log(
    `${format}: ${(elapsed / PAGE_COUNT).toFixed(0)} ms/page (${(elapsed / 1000).toFixed(1)} s for the deck, worker start included); ${sizes}`,
  );
}
