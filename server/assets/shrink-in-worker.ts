import { jobQueue, runChildJob } from '../child-job.js';
import type { ImageWorkerInput, ImageWorkerOutput } from './image-worker.js';
import type { EncodedImage, ShrinkOptions } from './shrink-image.js';

/** Images shrink at most half the cores' worth at a time; the rest wait their turn. */
const inTurn = jobQueue();
/** One image never takes longer than this to shrink (a 100-megapixel photo takes a few seconds). */
const SHRINK_TIMEOUT_MS = 60_000;
/** Heap of the child; the pixels themselves live in Skia's memory, outside it. */
const SHRINK_HEAP_MB = 256;

function isWorkerOutput(value: unknown): value is ImageWorkerOutput {
  return typeof value === 'object' && value !== null && ('web' in value || 'error' in value);
}

/**
 * Runs shrinkImage in a child process, so decoding and encoding never hold up the event loop
 * and a decoder crash on a damaged image ends only the child; at most half the cores' worth at
 * once, 60 s each. Rejects when the image cannot be decoded (or crashed or timed out the decoder).
 */
export async function shrinkInWorker(
  bytes: Uint8Array,
  options: ShrinkOptions,
): Promise<{ web: EncodedImage; smaller?: EncodedImage }> {
  const input: ImageWorkerInput = { bytes, options };
  const answer = await inTurn(() =>
    runChildJob(import.meta.url, 'image-worker', input, {
      timeoutMs: SHRINK_TIMEOUT_MS,
      maxOldSpaceMb: SHRINK_HEAP_MB,
    }),
  );
  if (!isWorkerOutput(answer)) throw new Error('The image child answered something unexpected.');
  if ('error' in answer) throw new Error(answer.error);
  return answer;
}
