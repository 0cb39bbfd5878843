/** How page images are encoded. */
export type PdfImageFormat = 'webp' | 'png' | 'jpeg';

/** One rendered page at one width, encoded as an image. */
export interface PdfPageImage {
  width: number;
  height: number;
  type: 'image/webp' | 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

/** Something dropped or degraded while reading a PDF, in words a presenter understands. */
export interface PdfWarning {
  code: string;
  message: string;
  /** 0-based slide index, when the warning concerns one slide. */
  slide?: number;
}

/**
 * One slide of a PDF deck: one page, or several consecutive pages that share a page label
 * (Beamer overlays), which become build steps.
 */
export interface PdfSlide {
  /** From the PDF outline, else the first line of text, else "Slide N". */
  title: string;
  /** All text of the slide in reading order, lines joined by "\n". */
  text: string;
  /** Per step, the lines that step adds (step 0: the whole first page); joined, they are `text`. */
  stepTexts: string[];
  /** One image set per step (first = step 0), each at every requested width, smallest first. */
  steps: PdfPageImage[][];
  /** The 1-based page numbers folded into this slide, one per step. */
  pageNumbers: number[];
}

/** A PDF read into slides. */
export interface PdfDeck {
  /** The PDF's metadata Title, else the first slide's title. */
  title: string;
  slides: PdfSlide[];
  warnings: PdfWarning[];
}

/** Limits and sizes for rendering one PDF. */
export interface PdfRenderOptions {
  /** Image widths in pixels, each page is rendered at every one; default [640, 1600]. */
  widths?: number[];
  /** Most pages accepted; default 300. */
  maxPages?: number;
  /** Longest the whole deck may take to render, in ms; default 180000. */
  timeoutMs?: number;
  /** Most pixels (width x height) of one page image; larger pages are scaled down; default 4000000. */
  maxPixels?: number;
  /** Image encoding; default 'webp' (lossy, quality 82: crisp text at a fraction of PNG's bytes). */
  format?: PdfImageFormat;
}

/** The defaults of `PdfRenderOptions`. */
export const PDF_RENDER_DEFAULTS: Required<PdfRenderOptions> = {
  widths: [640, 1600],
  maxPages: 300,
  timeoutMs: 180_000,
  maxPixels: 4_000_000,
  format: 'webp',
};
