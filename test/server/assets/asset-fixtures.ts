import { createCanvas, GifEncoder } from '@napi-rs/canvas';

/** A small solid PNG (`width` x `height`, one colour). */
export async function smallPng(width = 64, height = 48, colour = { r: 200, g: 40, b: 40 }): Promise<Buffer> {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = `rgb(${colour.r}, ${colour.g}, ${colour.b})`;
  context.fillRect(0, 0, width, height);
  return canvas.encodeSync('png');
}

/** A camera-sized photo: `width` x `height` of noise, saved as a high-quality JPEG (several MB). */
export async function bigPhoto(width = 4000, height = 3000): Promise<Buffer> {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const image = context.createImageData(width, height);
  // A fixed-seed generator (xorshift): the same photo every run; noise around grey 120.
  let seed = 0x2545f491;
  for (let i = 0; i < image.data.length; i += 1) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    image.data[i] = (i & 3) === 3 ? 255 : 40 + ((seed >>> 0) % 160);
  }
  context.putImageData(image, 0, 0);
  return canvas.encodeSync('jpeg', 92);
}

/** A two-frame animated GIF, `width` x 32 (32 x 32 unless told). */
export function animatedGif(width = 32): Promise<Buffer> {
  const encoder = new GifEncoder(width, 32, { repeat: 0 });
  encoder.addFrame(new Uint8Array(width * 32 * 4).fill(0xff), width, 32, { delay: 200 });
  encoder.addFrame(new Uint8Array(width * 32 * 4).fill(0x40), width, 32, { delay: 200 });
  return Promise.resolve(encoder.finish());
}

/** `jpeg` with an EXIF block (APP1) holding only an orientation tag (1 to 8, as cameras write it). */
export function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  // A little-endian TIFF header, then one IFD with one entry: tag 0x0112, type SHORT, count 1.
  const tiff = Buffer.from([
    0x49,
    0x49,
    0x2a,
    0,
    8,
    0,
    0,
    0,
    1,
    0,
    0x12,
    0x01,
    3,
    0,
    1,
    0,
    0,
    0,
    orientation,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

/** An SVG that tries to run script in every common way, and draws a blue rectangle. */
export const HOSTILE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg [<!ENTITY boom "boom">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="80" viewBox="0 0 120 80" onload="alert('svg-onload')">
  <script>alert('svg-script')</script>
  <style>@import url(https://attacker.example/x.css); rect { stroke: url(https://attacker.example/p.svg#p); }</style>
  <foreignObject width="100" height="50"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>
  <rect x="0" y="0" width="120" height="80" fill="#2050c0" onclick="alert('click')"/>
  <a xlink:href="javascript:alert('link')"><text x="10" y="40">Hello</text></a>
  <image href="https://attacker.example/track.png" width="1" height="1"/>
</svg>`;

/** `bytes` as a Blob (a Buffer's memory may be shared; Blob wants its own). */
export function blobOf(bytes: Buffer | string): Blob {
  return new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]);
}

/** Builds a multipart body the way a browser's FormData does. */
export function deckForm(
  markdown: string | Buffer,
  assets: Record<string, Buffer | string>,
  options: { deckName?: string; title?: string } = {},
): FormData {
  const form = new FormData();
  form.append('deck', blobOf(markdown), options.deckName ?? 'talk.md');
  for (const [path, bytes] of Object.entries(assets)) form.append('asset', blobOf(bytes), path);
  if (options.title !== undefined) form.append('title', options.title);
  return form;
}
