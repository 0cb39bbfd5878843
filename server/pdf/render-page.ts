import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfImageFormat, PdfPageImage } from './pdf-types.js';

const MIME: Record<PdfImageFormat, PdfPageImage['type']> = {
  webp: 'image/webp',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

/** Quality for the lossy formats; 82 keeps small text free of visible ringing. */
const QUALITY = 82;

/** The sizes to render a page at: one per requested width, capped so none exceeds `maxPixels`. */
export function imageSizes(
  pageWidth: number,
  pageHeight: number,
  widths: readonly number[],
  maxPixels: number,
): { sizes: { width: number; height: number }[]; scaledDown: boolean } {
  const aspect = pageHeight / pageWidth;
  // The widest image whose area stays within maxPixels, and at least one pixel tall.
  const widest = Math.max(1, Math.floor(Math.sqrt(maxPixels / aspect)));
  const sizes = new Map<number, { width: number; height: number }>();
  for (const requested of [...widths].sort((a, b) => a - b)) {
    const width = Math.min(requested, widest);
    sizes.set(width, { width, height: Math.max(1, Math.round(width * aspect)) });
  }
  return { sizes: [...sizes.values()], scaledDown: widths.some((width) => width > widest) };
}

/**
 * Encodes on this thread: napi-rs canvas's async `encode` can crash the process when several
 * run at once (Brooooooklyn/canvas, napi-rs issues), and this already runs in a child process.
 */
function encode(canvas: Canvas, format: PdfImageFormat): Uint8Array {
  const buffer = format === 'png' ? canvas.encodeSync('png') : canvas.encodeSync(format, QUALITY);
  // A fresh copy whose ArrayBuffer can be transferred to the main thread.
  return new Uint8Array(buffer);
}

/**
 * Renders `page` once at the largest of `sizes` (white background, annotations' appearance
 * only, never their actions) and scales that down for the smaller sizes. Smallest first.
 */
export async function renderPageImages(
  page: PDFPageProxy,
  sizes: readonly { width: number; height: number }[],
  format: PdfImageFormat,
): Promise<PdfPageImage[]> {
  const largest = sizes.at(-1);
  if (!largest) return [];
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: largest.width / base.width });
  const canvas = createCanvas(largest.width, largest.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
  return sizes.map((size) => {
    let target = canvas;
    if (size !== largest) {
      target = createCanvas(size.width, size.height);
      const context = target.getContext('2d');
      context.imageSmoothingEnabled = true;
      context.imageSmoothingQuality = 'high';
      context.drawImage(canvas, 0, 0, size.width, size.height);
    }
    return { ...size, type: MIME[format], bytes: encode(target, format) };
  });
}
