// The worker thread that shrinks one image: it receives { bytes, options } as workerData and
// posts back one message, { web, smaller? } or { error }, then exits.
import { parentPort, workerData } from 'node:worker_threads';
import { shrinkImage, type EncodedImage, type ShrinkOptions } from './shrink-image.js';

/** What the main thread sends. */
export interface ImageWorkerInput {
  bytes: Uint8Array;
  options: ShrinkOptions;
}

/** What the worker answers. */
export type ImageWorkerOutput = { web: EncodedImage; smaller?: EncodedImage } | { error: string };

async function run(input: ImageWorkerInput): Promise<void> {
  let output: ImageWorkerOutput;
  try {
    // Copied back, not transferred: a few hundred KB, and Skia's buffers may not be detachable.
    output = await shrinkImage(input.bytes, input.options);
  } catch (error) {
    output = { error: error instanceof Error ? error.message : 'The image could not be decoded.' };
  }
  parentPort?.postMessage(output);
}

void run(workerData as ImageWorkerInput);
