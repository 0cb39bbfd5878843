import { crc32 } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { prepareAsset } from '../../../server/assets/prepare-asset.js';
import { fitForWeb } from '../../../server/assets/web-image.js';
import { animatedGif, withExifOrientation } from './asset-fixtures.js';

/** A `width` x `height` JPEG, red on its left half and blue on its right, as a camera stores it. */
async function halvesJpeg(width: number, height: number): Promise<Buffer> {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ff0000';
  context.fillRect(0, 0, width / 2, height);
  context.fillStyle = '#0000ff';
  context.fillRect(width / 2, 0, width / 2, height);
  return canvas.encodeSync('jpeg', 95);
}

/** The colour at (x, y) of an encoded image, as 'red', 'blue' or the RGB values. */
async function colourAt(bytes: Buffer, x: number, y: number): Promise<string> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  const [r = 0, g = 0, b = 0] = canvas.getContext('2d').getImageData(x, y, 1, 1).data;
  if (r > 200 && g < 60 && b < 60) return 'red';
  if (b > 200 && r < 60 && g < 60) return 'blue';
  return `${r},${g},${b}`;
}

/** An animated WebP of two `width` x 8 frames, put together from a still WebP's image chunk. */
async function animatedWebp(width: number): Promise<Buffer> {
  const still = createCanvas(width, 8).encodeSync('webp', 80);
  const image = still.subarray(12); // the VP8 chunk, after "RIFF" size "WEBP"
  const chunk = (fourcc: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(fourcc, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
  };
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x02; // the animation flag
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(8 - 1, 7, 3);
  const frame = Buffer.alloc(16);
  frame.writeUIntLE(width - 1, 6, 3);
  frame.writeUIntLE(8 - 1, 9, 3);
  frame.writeUIntLE(100, 12, 3);
  const anmf = chunk('ANMF', Buffer.concat([frame, image]));
  const body = Buffer.concat([chunk('VP8X', vp8x), chunk('ANIM', Buffer.alloc(6)), anmf, anmf]);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length + 4, 4);
  riff.write('WEBP', 8, 'latin1');
  return Buffer.concat([riff, body]);
}

/** The start of a PNG that claims to be `width` x `height` (its pixels cut off). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const typed = Buffer.concat([Buffer.from('IHDR', 'latin1'), ihdr]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed), 0);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), typed, crc]);
}

describe('fitForWeb', () => {
  it('turns a phone JPEG upright by its EXIF orientation and drops the EXIF block', async () => {
    // Orientation 6: the camera was turned a quarter clockwise; its left edge is the picture's top.
    const jpeg = withExifOrientation(await halvesJpeg(2400, 1200), 6);
    const web = await fitForWeb(jpeg, 'image/jpeg');
    expect([web.mime, web.width, web.height, web.reencoded]).toEqual(['image/webp', 960, 1920, true]);
    expect(await colourAt(web.bytes, 480, 100)).toBe('red');
    expect(await colourAt(web.bytes, 480, 1820)).toBe('blue');
    expect(web.bytes.includes('Exif')).toBe(false);
    expect(web.smaller).toBeUndefined();
  });

  it('mirrors and turns for the other orientations too', async () => {
    // 3: upside down (red goes right); 8: a quarter anticlockwise (red goes to the bottom).
    const upsideDown = await fitForWeb(withExifOrientation(await halvesJpeg(2400, 1200), 3), 'image/jpeg');
    expect([upsideDown.width, upsideDown.height]).toEqual([1920, 960]);
    expect(await colourAt(upsideDown.bytes, 1820, 480)).toBe('red');
    const turned = await fitForWeb(withExifOrientation(await halvesJpeg(2400, 1200), 8), 'image/jpeg');
    expect(await colourAt(turned.bytes, 480, 1820)).toBe('red');
  });

  it('makes a 1280 px copy of a wide photo, both WebP', async () => {
    const web = await fitForWeb(await halvesJpeg(3000, 1000), 'image/jpeg');
    expect([web.width, web.height]).toEqual([1920, 640]);
    expect(web.smaller).toMatchObject({ width: 1280, height: 427 });
    expect(web.smaller?.bytes.subarray(8, 12).toString()).toBe('WEBP');
    expect(await colourAt(web.smaller?.bytes ?? Buffer.alloc(0), 10, 10)).toBe('red');
  });

  it('keeps animated GIF and WebP as they are, however wide, and shrinks a still wide GIF', async () => {
    const gif = await animatedGif(2000);
    expect(await fitForWeb(gif, 'image/gif')).toMatchObject({ bytes: gif, mime: 'image/gif', reencoded: false });
    const webp = await animatedWebp(2000);
    expect(await fitForWeb(webp, 'image/webp')).toMatchObject({ bytes: webp, reencoded: false });
    const still = createCanvas(2000, 32).encodeSync('gif');
    expect(await fitForWeb(still, 'image/gif')).toMatchObject({ mime: 'image/webp', width: 1920, reencoded: true });
  });

  it('refuses an image of more than 100 megapixels without decoding it', async () => {
    const huge = await prepareAsset('huge.png', pngHeader(20_000, 20_000));
    expect(huge.asset).toBeNull();
    expect(huge.warnings[0]?.code).toBe('asset_unreadable');
  });

  // @napi-rs/canvas 0.1.x segfaults on a truncated PNG, JPEG or WebP (Brooooooklyn/canvas#1309):
  // the decoder runs in a child process, so only the child dies and the image is refused.
  it('refuses an image it cannot decode', async () => {
    const broken = Buffer.concat([pngHeader(3000, 2000), Buffer.alloc(400 * 1024, 7)]);
    expect((await prepareAsset('broken.png', broken)).warnings[0]?.code).toBe('asset_unreadable');
  });
});
