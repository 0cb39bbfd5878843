import { availableParallelism } from 'node:os';
import { startWorker } from '../worker-thread.js';
import type { ImageWorkerInput, ImageWorkerOutput } from './image-worker.js';
import type { EncodedImage, ShrinkOptions } from './shrink-image.js';

/** Images shrink at most this many at a time (half the cores, at least one); the rest wait their turn. */
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

function isWorkerOutput(value: unknown): value is ImageWorkerOutput {
  return typeof value === 'object' && value !== null && ('web' in value || 'error' in value);
}

function runWorker(input: ImageWorkerInput): Promise<{ web: EncodedImage; smaller?: EncodedImage }> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'image-worker', { workerData: input });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      outcome();
    };
    worker.once('message', (message: unknown) => {
      settle(() => {
        if (!isWorkerOutput(message)) reject(new Error('The image worker answered something unexpected.'));
        else if ('error' in message) reject(new Error(message.error));
        else resolve(message);
      });
    });
    worker.once('error', (error: Error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`The image worker stopped (exit code ${code}).`))));
  });
}

/**
 * Runs shrinkImage in a worker thread, so decoding and encoding never hold up the event
 * loop; at most half the cores' worth at once. Rejects when the image cannot be decoded.
 */
export async function shrinkInWorker(
  bytes: Uint8Array,
  options: ShrinkOptions,
): Promise<{ web: EncodedImage; smaller?: EncodedImage }> {
  await takeTurn();
  try {
    return await runWorker({ bytes, options });
  } finally {
    endTurn();
  }
}
