import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PdfEncryptedError,
  PdfRenderTimeoutError,
  PdfTooLargeError,
  PdfUnreadableError,
} from '../../../server/pdf/pdf-errors.js';
import type { PdfDeck } from '../../../server/pdf/pdf-types.js';
import { renderPdfInWorker } from '../../../server/pdf/render-pdf-in-worker.js';
import { browserAvailable, launchBrowser } from '../../support/browser.js';
import {
  addOpenScript,
  encryptedPdf,
  printSlides,
  setOutline,
  setPageLabels,
  tallPagePdf,
  zeroPagePdf,
} from './pdf-fixtures.js';

const PAGES = [
  { heading: 'Welcome to the talk', lines: ['Ada Lovelace', 'PDF decks in Podium'] },
  { heading: 'Three reasons', lines: ['First reason'] },
  { heading: 'Three reasons', lines: ['First reason', 'Second reason'] },
  { heading: 'Three reasons', lines: ['First reason', 'Second reason', 'Third reason'] },
  { heading: 'A picture', lines: ['A yellow sun on blue'], image: true },
  { heading: '', lines: [] },
];

function webpSize(bytes: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(bytes);
  expect(view.subarray(0, 4).toString('latin1')).toBe('RIFF');
  expect(view.subarray(8, 12).toString('latin1')).toBe('WEBP');
  const chunk = view.subarray(12, 16).toString('latin1');
  if (chunk === 'VP8 ') return { width: view.readUInt16LE(26) & 0x3fff, height: view.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = view.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return { width: view.readUIntLE(24, 3) + 1, height: view.readUIntLE(27, 3) + 1 };
}

describe.skipIf(!browserAvailable())('renderPdfInWorker', () => {
  let browser: Browser;
  let printed: Uint8Array;
  let deck: PdfDeck;

  beforeAll(async () => {
    browser = await launchBrowser();
    printed = await printSlides(browser, PAGES, 'Podium and PDF');
    const doc = await PDFDocument.load(printed);
    // Pages 2-4 share the label "2", as Beamer exports \pause.
    setPageLabels(doc, ['1', '2', '2', '2', '3', '4']);
    setOutline(doc, [{ title: 'Why it matters', page: 1 }]);
    deck = await renderPdfInWorker(await doc.save());
    // Each render starts a worker (through tsx from source): slow on a busy two-core machine.
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('makes one slide per page label, with the pages sharing a label as build steps', () => {
    expect(deck.slides.map((slide) => slide.pageNumbers)).toEqual([[1], [2, 3, 4], [5], [6]]);
    expect(deck.slides.map((slide) => slide.steps.length)).toEqual([1, 3, 1, 1]);
  });

  it('titles slides from the outline, else the first line, else "Slide N", and the deck from its metadata', () => {
    expect(deck.slides.map((slide) => slide.title)).toEqual([
      'Welcome to the talk',
      'Why it matters',
      'A picture',
      'Slide 4',
    ]);
    expect(deck.title).toBe('Podium and PDF');
  });

  it('extracts each page’s text in reading order, and what each build step adds', () => {
    expect(deck.slides[0]?.text).toBe('Welcome to the talk\nAda Lovelace\nPDF decks in Podium');
    expect(deck.slides[1]?.stepTexts).toEqual(['Three reasons\nFirst reason', 'Second reason', 'Third reason']);
    expect(deck.slides[1]?.text).toBe('Three reasons\nFirst reason\nSecond reason\nThird reason');
  });

  it('renders every step as WebP at 640 and 1600 pixels wide, in the page’s 16:9 shape', () => {
    for (const slide of deck.slides) {
      for (const images of slide.steps) {
        expect(images.map((image) => [image.width, image.height, image.type])).toEqual([
          [640, 360, 'image/webp'],
          [1600, 900, 'image/webp'],
        ]);
        for (const image of images) expect(webpSize(image.bytes)).toEqual({ width: image.width, height: image.height });
      }
    }
  });

  it('draws the page: the picture’s colours are in the image, so the slide is not blank', () => {
    const pictureSlide = deck.slides[2]?.steps[0]?.[0];
    const blankSlide = deck.slides[3]?.steps[0]?.[0];
    // A blank white page compresses to almost nothing; the picture and text do not.
    expect(pictureSlide?.bytes.length).toBeGreaterThan(5 * (blankSlide?.bytes.length ?? 0));
  });

  it('warns about a slide without text, and nothing else for a clean PDF', () => {
    expect(deck.warnings).toEqual([{ code: 'pdf_no_text', message: expect.stringContaining('Slide 4'), slide: 3 }]);
  });

  it('without page labels or outline, every page is a slide titled by its first line', async () => {
    const plain = await renderPdfInWorker(printed, { widths: [320] });
    expect(plain.slides.map((slide) => slide.title)).toEqual([
      'Welcome to the talk',
      'Three reasons',
      'Three reasons',
      'Three reasons',
      'A picture',
      'Slide 6',
    ]);
    expect(plain.slides.every((slide) => slide.steps.length === 1 && slide.steps[0]?.[0]?.width === 320)).toBe(true);
  });

  it('renders a PDF carrying JavaScript without running it, and says the scripts were ignored', async () => {
    const doc = await PDFDocument.load(printed);
    addOpenScript(doc);
    const scripted = await renderPdfInWorker(await doc.save(), { widths: [320], format: 'png' });
    expect(scripted.slides).toHaveLength(6);
    expect(scripted.slides[0]?.steps[0]?.[0]?.type).toBe('image/png');
    expect(scripted.warnings.map((warning) => warning.code)).toContain('pdf_scripts_ignored');
  });

  it('scales a huge page down to the pixel limit and says so', async () => {
    const tall = await renderPdfInWorker(await tallPagePdf(), { widths: [640, 1600], maxPixels: 1_000_000 });
    const images = tall.slides[0]?.steps[0] ?? [];
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image.width * image.height).toBeLessThanOrEqual(1_000_000);
    expect(images.at(-1)?.width).toBeLessThan(640);
    expect(tall.slides[0]?.title).toBe('Tall page');
    expect(tall.warnings.map((warning) => warning.code)).toContain('pdf_page_scaled_down');
  });

  it('refuses a deck with more pages than allowed (413)', async () => {
    const refusal = renderPdfInWorker(printed, { maxPages: 5 });
    await expect(refusal).rejects.toBeInstanceOf(PdfTooLargeError);
    await expect(refusal).rejects.toMatchObject({ status: 413, message: expect.stringContaining('6 pages') });
  });

  it('refuses a password-protected PDF with a clear message (422)', async () => {
    // The fixture is a real encrypted PDF: pdf.js opens it with its password.
    const opened = await getDocument({ data: encryptedPdf(), password: 'secret', isEvalSupported: false }).promise;
    expect(opened.numPages).toBe(1);
    await opened.destroy();
    const refusal = renderPdfInWorker(encryptedPdf());
    await expect(refusal).rejects.toBeInstanceOf(PdfEncryptedError);
    await expect(refusal).rejects.toMatchObject({ status: 422, message: expect.stringContaining('password') });
  });

  it('refuses a corrupt file, a file that is not a PDF and a PDF with no pages (422)', async () => {
    const truncated = printed.slice(0, 400);
    for (const bytes of [truncated, new TextEncoder().encode('hello, not a PDF'), await zeroPagePdf()]) {
      const refusal = renderPdfInWorker(bytes);
      await expect(refusal).rejects.toBeInstanceOf(PdfUnreadableError);
      await expect(refusal).rejects.toMatchObject({ status: 422 });
    }
  }, 60_000);

  it('stops a render that runs out of time', async () => {
    await expect(renderPdfInWorker(printed, { timeoutMs: 1 })).rejects.toBeInstanceOf(PdfRenderTimeoutError);
  });
});
