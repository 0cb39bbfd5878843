import { availableParallelism } from 'node:os';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { startWorker } from '../worker-thread.js';
import { PdfRenderTimeoutError, PdfTooLargeError, PdfUnreadableError, pdfErrorFromName } from './pdf-errors.js';
import { PDF_RENDER_DEFAULTS, type PdfDeck, type PdfRenderOptions } from './pdf-types.js';
import type { PdfWorkerInput, PdfWorkerOutput } from './pdf-worker.js';

function newWorker(workerData: PdfWorkerInput, options: WorkerOptions): Worker {
  return startWorker(import.meta.url, 'pdf-worker', { ...options, workerData });
}

/** Renders run at most this many at a time (half the cores, at least one); the rest wait their turn. */
const MAX_CONCURRENT = Math.max(1, Math.floor(availableParallelism() / 2));
let running = 0;
const waiting: (() => void)[] = [];

async function takeTurn(): Promise<void> {
  if (running < MAX_CONCURRENT) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function endTurn(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

function isWorkerOutput(value: unknown): value is PdfWorkerOutput {
  return typeof value === 'object' && value !== null && ('deck' in value || 'error' in value);
}

function runWorker(bytes: Uint8Array, options: PdfRenderOptions, timeoutMs: number): Promise<PdfDeck> {
  return new Promise((resolve, reject) => {
    const input: PdfWorkerInput = { bytes, options };
    const worker = newWorker(input, {
      // A hostile PDF may ask for huge allocations: the worker dies, the server does not.
      resourceLimits: { maxOldGenerationSizeMb: 768 },
    });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      settle(() =>
        reject(
          new PdfRenderTimeoutError(
            `Rendering this PDF took longer than ${Math.round(timeoutMs / 1000)} s; try a smaller PDF.`,
          ),
        ),
      );
    }, timeoutMs);
    worker.once('message', (message: unknown) => {
      settle(() => {
        if (!isWorkerOutput(message)) reject(new Error('The PDF worker answered something unexpected.'));
        else if ('deck' in message) resolve(message.deck);
        else reject(pdfErrorFromName(message.error.name, message.error.message) ?? new Error(message.error.message));
      });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new PdfTooLargeError('This PDF needs more memory to render than Podium allows; try a smaller PDF.')
            : error,
        ),
      );
    });
    worker.once('exit', (code) => {
      settle(() => reject(new PdfUnreadableError(`The PDF renderer stopped unexpectedly (exit code ${code}).`)));
    });
  });
}

/**
 * Renders a PDF into a deck in a worker thread, never on the caller's event loop (see
 * `renderPdf` for the rules). Defaults: widths [640, 1600], at most 300 pages, 180 s for the
 * whole deck, 4,000,000 pixels per page image, WebP. A render that runs out of time or memory
 * is stopped. Rejects with `PdfTooLargeError`, `PdfUnreadableError`, `PdfEncryptedError` or
 * `PdfRenderTimeoutError` (each has `status`, 413 or 422, and a message for the presenter).
 */
export async function renderPdfInWorker(bytes: Uint8Array, options: PdfRenderOptions = {}): Promise<PdfDeck> {
  const timeoutMs = options.timeoutMs ?? PDF_RENDER_DEFAULTS.timeoutMs;
  await takeTurn();
  try {
    return await runWorker(bytes, options, timeoutMs);
  } finally {
    endTurn();
  }
}
