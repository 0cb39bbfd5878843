import { imageSize } from 'image-size';

/** What an image's header says, read without decoding its pixels. */
export interface ImageFacts {
  /** Width as shown, after the JPEG's EXIF orientation. */
  width: number;
  /** Height as shown, after the JPEG's EXIF orientation. */
  height: number;
  /** Pixels the decoder would allocate (width x height as stored). */
  pixels: number;
  /** True for a GIF with more than one frame and a WebP with an ANIM chunk. */
  animated: boolean;
}

/** Skips a GIF's data sub-blocks from `at` (each a length byte, the last one 0); the offset after them. */
function skipSubBlocks(bytes: Uint8Array, at: number): number {
  let offset = at;
  while (offset < bytes.length) {
    const size = bytes[offset] ?? 0;
    offset += 1 + size;
    if (size === 0) break;
  }
  return offset;
}

/** True when a GIF holds more than one image descriptor (a frame). */
function gifIsAnimated(bytes: Uint8Array): boolean {
  const packed = bytes[10] ?? 0;
  let offset = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  let frames = 0;
  while (offset < bytes.length) {
    const block = bytes[offset];
    if (block === 0x21) {
      offset = skipSubBlocks(bytes, offset + 2);
    } else if (block === 0x2c) {
      frames += 1;
      if (frames > 1) return true;
      const local = bytes[offset + 9] ?? 0;
      offset += 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0);
      offset = skipSubBlocks(bytes, offset + 1);
    } else {
      return false;
    }
  }
  return false;
}

/** True when a WebP's RIFF chunks include ANIM. */
function webpIsAnimated(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 12; offset + 8 <= view.length;) {
    if (view.toString('latin1', offset, offset + 4) === 'ANIM') return true;
    const size = view.readUInt32LE(offset + 4);
    offset += 8 + size + (size % 2);
  }
  return false;
}

/**
 * Reads a PNG, JPEG, GIF, WebP or AVIF image's size, orientation and whether it is animated
 * from its header. Throws when the header cannot be read.
 */
export function imageFacts(bytes: Uint8Array, mime: string): ImageFacts {
  const size = imageSize(bytes);
  if (!size.width || !size.height) throw new Error('The image has no size.');
  // EXIF orientations 5 to 8 turn the picture a quarter, so width and height trade places.
  const turned = (size.orientation ?? 1) >= 5;
  return {
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
    pixels: size.width * size.height,
    animated: mime === 'image/gif' ? gifIsAnimated(bytes) : mime === 'image/webp' && webpIsAnimated(bytes),
  };
}
