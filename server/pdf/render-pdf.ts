import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { hasJavaScript, metadataTitle, pageLabels } from './document-facts.js';
import { openPdf } from './open-pdf.js';
import { groupPagesByLabel } from './page-groups.js';
import { pageLines } from './page-text.js';
import { outlineTitles } from './pdf-outline.js';
import {
  PDF_RENDER_DEFAULTS,
  type PdfDeck,
  type PdfPageImage,
  type PdfRenderOptions,
  type PdfSlide,
  type PdfWarning,
} from './pdf-types.js';
import { imageSizes, renderPageImages } from './render-page.js';

interface RenderedPage {
  images: PdfPageImage[];
  lines: string[];
  scaledDown: boolean;
  jsActions: unknown;
}

async function renderPage(
  doc: PDFDocumentProxy,
  index: number,
  options: Required<PdfRenderOptions>,
): Promise<RenderedPage> {
  const page = await doc.getPage(index + 1);
  try {
    const base = page.getViewport({ scale: 1 });
    const { sizes, scaledDown } = imageSizes(base.width, base.height, options.widths, options.maxPixels);
    const images = await renderPageImages(page, sizes, options.format);
    const content = await page.getTextContent();
    const lines = pageLines(content.items.flatMap((item) => ('str' in item ? [item] : [])));
    const jsActions: unknown = await page.getJSActions().catch(() => null);
    return { images, lines, scaledDown, jsActions };
  } finally {
    page.cleanup();
  }
}

/** The lines of `lines` not already in `before` (a build step's new text), in order. */
function newLines(lines: readonly string[], before: readonly string[]): string[] {
  const seen = new Set(before);
  return lines.filter((line) => !seen.has(line));
}

function slideFrom(pages: readonly RenderedPage[], pageIndexes: readonly number[], title: string): PdfSlide {
  const stepTexts = pages.map((page, step) => {
    const previous = pages[step - 1];
    return (previous ? newLines(page.lines, previous.lines) : page.lines).join('\n');
  });
  return {
    title,
    text: stepTexts.filter(Boolean).join('\n'),
    stepTexts,
    steps: pages.map((page) => page.images),
    pageNumbers: pageIndexes.map((index) => index + 1),
  };
}

/** One warning per slide without text, or a single one when there are many (a scanned deck). */
function textlessWarnings(textless: readonly number[], slideCount: number): PdfWarning[] {
  if (textless.length > 3) {
    return [
      {
        code: 'pdf_no_text',
        message: `${textless.length} of ${slideCount} slides have no text in the PDF (they may be pictures of text, as in a scan), so screen readers only hear their titles.`,
      },
    ];
  }
  return textless.map((slide) => ({
    code: 'pdf_no_text',
    message: `Slide ${slide + 1} has no text in the PDF (it may be a picture of text), so screen readers only hear its title.`,
    slide,
  }));
}

/**
 * Reads a PDF into a deck: one slide per page, consecutive pages sharing a page label folded
 * into one slide with build steps, each page's text in reading order, titles from the
 * outline, else the first line, else "Slide N". Runs on the calling thread: call it through
 * `renderPdfInWorker`, never on the server's event loop. Throws the `PdfError`s of `openPdf`.
 */
export async function renderPdf(bytes: Uint8Array, options: PdfRenderOptions = {}): Promise<PdfDeck> {
  const settings = { ...PDF_RENDER_DEFAULTS, ...options };
  const doc = await openPdf(bytes, settings.maxPages);
  try {
    const [labels, outline, deckTitle] = await Promise.all([pageLabels(doc), outlineTitles(doc), metadataTitle(doc)]);
    const warnings: PdfWarning[] = [];
    const slides: PdfSlide[] = [];
    const pageActions: unknown[] = [];
    const textless: number[] = [];
    let scaledDown = 0;
    for (const group of groupPagesByLabel(doc.numPages, labels)) {
      const pages: RenderedPage[] = [];
      for (const index of group) {
        const page = await renderPage(doc, index, settings);
        pages.push(page);
        pageActions.push(page.jsActions);
        if (page.scaledDown) scaledDown++;
      }
      const slide = slides.length;
      const outlined = group.map((index) => outline.get(index)).find(Boolean);
      const firstLine = pages[0]?.lines[0]?.slice(0, 120);
      slides.push(slideFrom(pages, group, outlined ?? firstLine ?? `Slide ${slide + 1}`));
      if (!pages.some((page) => page.lines.length > 0)) textless.push(slide);
    }
    warnings.push(...textlessWarnings(textless, slides.length));
    if (scaledDown > 0) {
      warnings.push({
        code: 'pdf_page_scaled_down',
        message: `${scaledDown} page(s) are very large, so their images were made smaller than asked.`,
      });
    }
    if (await hasJavaScript(doc, pageActions)) {
      warnings.push({
        code: 'pdf_scripts_ignored',
        message:
          'This PDF contains JavaScript. Podium shows its pages as pictures and text and never runs the scripts.',
      });
    }
    return { title: deckTitle || slides[0]?.title || 'Untitled deck', slides, warnings };
  } finally {
    await doc.destroy();
  }
}
