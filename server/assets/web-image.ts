import type Sharp from 'sharp';

let loaded: Promise<typeof Sharp> | undefined;

/** sharp, loaded on first use (its native library costs start-up time a process serving no upload need not pay). */
function loadSharp(): Promise<typeof Sharp> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    // One libvips thread per image: an upload of big photos must leave CPU for live slide changes.
    sharp.concurrency(1);
    return sharp;
  });
  return loaded;
}

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
 * Throws when the bytes cannot be decoded.
 */
export async function fitForWeb(bytes: Buffer, mime: string): Promise<WebImage> {
  const sharp = await loadSharp();
  const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const meta = await image.metadata();
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;
  const original: WebImage = { bytes, mime, width, height, reencoded: false };
  const fits = width <= MAX_WEB_WIDTH && height <= MAX_WEB_HEIGHT;
  if ((meta.pages ?? 1) > 1 || (fits && bytes.length <= KEEP_ORIGINAL_BYTES)) return original;
  const { data, info } = await image
    .rotate()
    .resize({ width: MAX_WEB_WIDTH, height: MAX_WEB_HEIGHT, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 82, effort: 4 })
    .toBuffer({ resolveWithObject: true });
  if (fits && data.length >= bytes.length) return original;
  const web: WebImage = { bytes: data, mime: 'image/webp', width: info.width, height: info.height, reencoded: true };
  if (info.width <= PHONE_WIDTH) return web;
  const small = await sharp(data)
    .resize({ width: PHONE_WIDTH })
    .webp({ quality: 80, effort: 4 })
    .toBuffer({ resolveWithObject: true });
  return { ...web, smaller: { bytes: small.data, width: small.info.width, height: small.info.height } };
}
