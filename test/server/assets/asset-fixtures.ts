import sharp from 'sharp';

/** A small solid PNG (`width` x `height`, one colour). */
export function smallPng(width = 64, height = 48, colour = { r: 200, g: 40, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

/** A camera-sized photo: `width` x `height` of noise, saved as a high-quality JPEG (several MB). */
export function bigPhoto(width = 4000, height = 3000): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120, sigma: 40 } },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** A two-frame animated GIF, 32 x 32. */
export function animatedGif(): Promise<Buffer> {
  const frames = Buffer.concat([Buffer.alloc(32 * 32 * 4, 0xff), Buffer.alloc(32 * 32 * 4, 0x40)]);
  return sharp(frames, { raw: { width: 32, height: 64, channels: 4, pageHeight: 32 } })
    .gif({ loop: 0, delay: [200, 200] })
    .toBuffer();
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
