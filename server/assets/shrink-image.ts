import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';

/** One encoded picture and its size in pixels. */
export interface EncodedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** What to make of an image; see fitForWeb for the values Podium uses. */
export interface ShrinkOptions {
  maxWidth: number;
  maxHeight: number;
  /** Width of the second, lighter copy, made when the first is wider than this. */
  smallerWidth: number;
  /** WebP quality (0 to 100) of the first copy and of the smaller one. */
  quality: number;
  smallerQuality: number;
}

/** The image scaled to `width` x `height` on a canvas and encoded as WebP (alpha kept, no metadata). */
function drawWebp(image: Image, width: number, height: number, quality: number): EncodedImage {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, width, height);
  return { bytes: canvas.encodeSync('webp', quality), width, height };
}

/**
 * Decodes an image (Skia turns a JPEG upright by its EXIF orientation), scales it to fit
 * maxWidth x maxHeight (never enlarged) and encodes it as WebP, plus a smallerWidth copy when
 * wider than that. Synchronous work: run it in a child process (see shrinkInWorker). Throws when it cannot decode.
 */
export async function shrinkImage(
  bytes: Uint8Array,
  options: ShrinkOptions,
): Promise<{ web: EncodedImage; smaller?: EncodedImage }> {
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (image.width < 1 || image.height < 1) throw new Error('The image decoded to nothing.');
  const scale = Math.min(1, options.maxWidth / image.width, options.maxHeight / image.height);
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const web = drawWebp(image, width, height, options.quality);
  if (width <= options.smallerWidth) return { web };
  const smallerHeight = Math.max(1, Math.round((height * options.smallerWidth) / width));
  return { web, smaller: drawWebp(image, options.smallerWidth, smallerHeight, options.smallerQuality) };
}
