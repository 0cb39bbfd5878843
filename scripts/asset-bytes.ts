/**
 * Measures what an audience phone downloads for an image-heavy deck: N camera-sized photos
 * (4032x3024 JPEG, quality 92, like a phone camera's) and a few screenshots (2880x1800 PNG),
 * one per slide, uploaded as multipart to an in-process Podium (PGlite, in memory); then
 * every image URL in the slides is fetched as a viewer's browser would. Usage:
 *   npx tsx scripts/asset-bytes.ts [photos=8] [screenshots=2]
 */
import sharp from 'sharp';
import type { CreateDeckResponse } from '../shared/protocol.js';
import { startTestServer } from '../test/support/server.js';

const photos = Number(process.argv[2] ?? 8);
const screenshots = Number(process.argv[3] ?? 2);

/** A photo-like image: smooth noise (blurred), so it compresses like a real photo, not like static. */
async function photo(seed: number): Promise<Buffer> {
  const noise = await sharp({
    create: {
      width: 2016,
      height: 1512,
      channels: 3,
      background: { r: 90 + seed * 10, g: 120, b: 150 },
      noise: { type: 'gaussian', mean: 110 + seed * 5, sigma: 60 },
    },
  })
    .blur(1)
    .png()
    .toBuffer();
  return sharp(noise).resize(4032, 3024, { kernel: 'cubic' }).sharpen().jpeg({ quality: 92 }).toBuffer();
}

/** A screenshot-like image: flat colours and hard edges (slides, UI), as a Retina PNG. */
async function screenshot(seed: number): Promise<Buffer> {
  const blocks = Array.from({ length: 40 }, (_, i) => ({
    input: {
      create: { width: 300, height: 60, channels: 3 as const, background: { r: (i * 37 + seed) % 255, g: 200, b: 90 } },
    },
    left: (i % 8) * 350,
    top: Math.floor(i / 8) * 300 + 40,
  }));
  return sharp({ create: { width: 2880, height: 1800, channels: 3, background: '#f4f4f4' } })
    .composite(blocks)
    .png()
    .toBuffer();
}

const files: Record<string, Buffer> = {};
for (let i = 0; i < photos; i += 1) files[`photos/IMG_${1000 + i}.jpg`] = await photo(i);
for (let i = 0; i < screenshots; i += 1) files[`screens/shot ${i + 1}.png`] = await screenshot(i);
const markdown = Object.keys(files)
  .map((path, i) => `## Slide ${i + 1}\n\n![image ${i + 1}](<${path}>)`)
  .join('\n\n---\n\n');

const server = await startTestServer();
try {
  const form = new FormData();
  form.append('deck', new Blob([markdown]), 'talk.md');
  for (const [path, bytes] of Object.entries(files)) form.append('asset', new Blob([new Uint8Array(bytes)]), path);
  const started = performance.now();
  const res = await fetch(`${server.url}/api/decks`, { method: 'POST', body: form });
  const importMs = performance.now() - started;
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const created = (await res.json()) as CreateDeckResponse;
  let downloaded = 0;
  for (const slide of created.deck.slides) {
    for (const match of slide.html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/g)) {
      const image = await fetch(new URL(match[1] ?? '', server.url));
      downloaded += (await image.arrayBuffer()).byteLength;
    }
  }
  const uploaded = Object.values(files).reduce((sum, bytes) => sum + bytes.length, 0);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`${photos} photos (4032x3024 JPEG) + ${screenshots} screenshots (2880x1800 PNG), one per slide`);
  console.log(`before re-encoding (what the files weigh): ${mb(uploaded)}`);
  console.log(`after re-encoding (what each phone downloads for the whole deck): ${mb(downloaded)}`);
  console.log(`saved: ${((1 - downloaded / uploaded) * 100).toFixed(0)}%; import took ${Math.round(importMs)} ms`);
  for (const warning of created.warnings) console.log(`  - ${warning.message}`);
} finally {
  await server.stop();
}
