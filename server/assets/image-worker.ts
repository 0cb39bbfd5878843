// The child process that shrinks one image: it receives { bytes, options } and answers
// { web, smaller? } or { error }. Run apart from the server because Skia can crash on a damaged
// image; the crash then ends only this process.
import { serveChildJob } from '../serve-child-job.js';
import { shrinkImage, type EncodedImage, type ShrinkOptions } from './shrink-image.js';

/** What the server sends. */
export interface ImageWorkerInput {
  bytes: Uint8Array;
  options: ShrinkOptions;
}

/** What the child answers. */
export type ImageWorkerOutput = { web: EncodedImage; smaller?: EncodedImage } | { error: string };

async function run(input: ImageWorkerInput): Promise<ImageWorkerOutput> {
  try {
    return await shrinkImage(input.bytes, input.options);
  } catch (error) {
    return { error: error instanceof Error ? error.message : 'The image could not be decoded.' };
  }
}

serveChildJob('image-worker', (input) => run(input as ImageWorkerInput));
