// The worker thread that renders one PDF: it receives { bytes, options } as workerData and
// posts back one message, { deck } or { error: { name, message } }, then exits.
import { parentPort, workerData } from 'node:worker_threads';
import { PdfError } from './pdf-errors.js';
import type { PdfDeck, PdfRenderOptions } from './pdf-types.js';
import { renderPdf } from './render-pdf.js';

/** What the main thread sends. */
export interface PdfWorkerInput {
  bytes: Uint8Array;
  options: PdfRenderOptions;
}

/** What the worker answers. */
export type PdfWorkerOutput = { deck: PdfDeck } | { error: { name: string; message: string } };

function imageBuffers(deck: PdfDeck): ArrayBuffer[] {
  return deck.slides.flatMap((slide) => slide.steps.flat().map((image) => image.bytes.buffer as ArrayBuffer));
}

async function run(input: PdfWorkerInput): Promise<void> {
  let output: PdfWorkerOutput;
  let transfer: ArrayBuffer[] = [];
  try {
    const deck = await renderPdf(input.bytes, input.options);
    output = { deck };
    transfer = imageBuffers(deck);
  } catch (error) {
    const name = error instanceof PdfError ? error.name : 'PdfUnreadableError';
    const message =
      error instanceof PdfError
        ? error.message
        : 'This PDF could not be rendered: it may be damaged or use features Podium cannot draw.';
    output = { error: { name, message } };
  }
  parentPort?.postMessage(output, transfer);
}

void run(workerData as PdfWorkerInput);
