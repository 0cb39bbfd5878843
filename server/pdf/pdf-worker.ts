// The child process that renders one PDF: it receives { bytes, options } and answers { deck } or
// { error: { name, message } }. Run apart from the server because Skia and pdf.js work on
// untrusted bytes; a native crash or a runaway allocation then ends only this process.
import { serveChildJob } from '../serve-child-job.js';
import { PdfError } from './pdf-errors.js';
import type { PdfDeck, PdfRenderOptions } from './pdf-types.js';
import { renderPdf } from './render-pdf.js';

/** What the server sends. */
export interface PdfWorkerInput {
  bytes: Uint8Array;
  options: PdfRenderOptions;
}

/** What the child answers. */
export type PdfWorkerOutput = { deck: PdfDeck } | { error: { name: string; message: string } };

async function run(input: PdfWorkerInput): Promise<PdfWorkerOutput> {
  try {
    return { deck: await renderPdf(input.bytes, input.options) };
  } catch (error) {
    const name = error instanceof PdfError ? error.name : 'PdfUnreadableError';
    const message =
      error instanceof PdfError
        ? error.message
        : 'This PDF could not be rendered: it may be damaged or use features Podium cannot draw.';
    return { error: { name, message } };
  }
}

serveChildJob('pdf-worker', (input) => run(input as PdfWorkerInput));
