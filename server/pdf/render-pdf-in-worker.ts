import { ChildCrashedError, ChildTimeoutError, jobQueue, runChildJob } from '../child-job.js';
import { PdfRenderTimeoutError, PdfTooLargeError, PdfUnreadableError, pdfErrorFromName } from './pdf-errors.js';
import { PDF_RENDER_DEFAULTS, type PdfDeck, type PdfRenderOptions } from './pdf-types.js';
import type { PdfWorkerInput, PdfWorkerOutput } from './pdf-worker.js';

/** Renders run at most half the cores' worth at a time; the rest wait their turn. */
const inTurn = jobQueue();
/** Heap of the rendering child: a hostile PDF may ask for huge allocations; the child dies, the server does not. */
const RENDER_HEAP_MB = 768;

function isWorkerOutput(value: unknown): value is PdfWorkerOutput {
  return typeof value === 'object' && value !== null && ('deck' in value || 'error' in value);
}

/** The presenter-facing error for a child that did not answer. */
function childFailure(error: unknown, timeoutMs: number): unknown {
  if (error instanceof ChildTimeoutError) {
    const seconds = Math.round(timeoutMs / 1000);
    return new PdfRenderTimeoutError(`Rendering this PDF took longer than ${seconds} s; try a smaller PDF.`);
  }
  if (error instanceof ChildCrashedError && error.outOfMemory) {
    return new PdfTooLargeError('This PDF needs more memory to render than Podium allows; try a smaller PDF.');
  }
  if (error instanceof ChildCrashedError) {
    return new PdfUnreadableError('The PDF renderer stopped on this file: it may be damaged. Try exporting it again.');
  }
  return error;
}

/**
 * Renders a PDF into a deck in a child process, never on the caller's event loop nor in its
 * process (see `renderPdf` for the rules). Defaults: widths [640, 1600], at most 300 pages,
 * 180 s for the whole deck, 4,000,000 pixels per page image, WebP. A render that runs out of
 * time or memory is stopped. Rejects with `PdfTooLargeError`, `PdfUnreadableError` (also when
 * the renderer crashed), `PdfEncryptedError` or `PdfRenderTimeoutError` (each has `status`,
 * 413 or 422, and a message for the presenter).
 */
export async function renderPdfInWorker(bytes: Uint8Array, options: PdfRenderOptions = {}): Promise<PdfDeck> {
  const timeoutMs = options.timeoutMs ?? PDF_RENDER_DEFAULTS.timeoutMs;
  const input: PdfWorkerInput = { bytes, options };
  let answer: unknown;
  try {
    answer = await inTurn(() =>
      runChildJob(import.meta.url, 'pdf-worker', input, { timeoutMs, maxOldSpaceMb: RENDER_HEAP_MB }),
    );
  } catch (error) {
    throw childFailure(error, timeoutMs);
  }
  if (!isWorkerOutput(answer)) throw new Error('The PDF renderer answered something unexpected.');
  if ('deck' in answer) return answer.deck;
  throw pdfErrorFromName(answer.error.name, answer.error.message) ?? new Error(answer.error.message);
}
