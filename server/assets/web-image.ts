import { imageFacts } from './image-facts.js';
import { shrinkInWorker } from './shrink-in-worker.js';

/** Widest image kept, in pixels: a 1080p projector; phones get no more than this either. */
export const MAX_WEB_WIDTH = 1920;
/** Tallest image kept, in pixels (a portrait photo on a 16:9 slide needs far less). */
export const MAX_WEB_HEIGHT = 1920;
/** A raster no wider than MAX_WEB_WIDTH and at most this many bytes is kept exactly as uploaded. */
export const KEEP_ORIGINAL_BYTES = 300 * 1024;
/** Width of the second, lighter copy of a shrunk image, for phones and laptops (390 CSS px x 3 still fits). */
export const PHONE_WIDTH = 1280;
/** Largest image decoded, in pixels (a 100-megapixel photo); bigger ones are refused, not decoded. */
export const MAX_INPUT_PIXELS = 100_000_000;

/** A raster image as it will be served. */
export interface WebImage {
  bytes: Buffer;
  /** `image/webp` when re-encoded, else the original type. */
  mime: string;
  width: number;
  height: number;
  /** True when the bytes are a smaller re-encoding, not the upload. */
  reencoded: boolean;
  /** A PHONE_WIDTH-wide WebP copy, when the image is re-encoded and wider than that. */
  smaller?: { bytes: Buffer; width: number; height: number };
}

/**
 * Shrinks a large PNG, JPEG, WebP or AVIF for the web: when it is wider or taller than
 * MAX_WEB_WIDTH x MAX_WEB_HEIGHT or heavier than KEEP_ORIGINAL_BYTES, it is turned
 * upright (EXIF), scaled to fit and re-encoded as WebP (quality 82, alpha kept, metadata
 * such as GPS position dropped), with a PHONE_WIDTH copy when wider than that; the upload
 * is kept when that would not be smaller and fits. Animated images are kept as they are.
 * Decoding and encoding run in a child process (a decoder crash ends only that). Throws when the bytes cannot be decoded or
 * hold more than MAX_INPUT_PIXELS.
 */
export async function fitForWeb(bytes: Buffer, mime: string): Promise<WebImage> {
  const facts = imageFacts(bytes, mime);
  // Checked before decoding: Skia aborts the whole process when it cannot allocate the pixels.
  if (facts.pixels > MAX_INPUT_PIXELS) throw new Error(`The image has more than ${MAX_INPUT_PIXELS} pixels.`);
  const { width, height } = facts;
  const original: WebImage = { bytes, mime, width, height, reencoded: false };
  const fits = width <= MAX_WEB_WIDTH && height <= MAX_WEB_HEIGHT;
  if (facts.animated || (fits && bytes.length <= KEEP_ORIGINAL_BYTES)) return original;
  const shrunk = await shrinkInWorker(bytes, {
    maxWidth: MAX_WEB_WIDTH,
    maxHeight: MAX_WEB_HEIGHT,
    smallerWidth: PHONE_WIDTH,
    quality: 82,
    smallerQuality: 80,
  });
  if (fits && shrunk.web.bytes.length >= bytes.length) return original;
  const web: WebImage = { ...shrunk.web, bytes: Buffer.from(shrunk.web.bytes), mime: 'image/webp', reencoded: true };
  if (!shrunk.smaller) return web;
  return { ...web, smaller: { ...shrunk.smaller, bytes: Buffer.from(shrunk.smaller.bytes) } };
}
