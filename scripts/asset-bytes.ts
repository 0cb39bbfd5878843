/**
 * Measures what an audience phone downloads for an image-heavy deck: N camera-sized photos
 * (4032x3024 JPEG, quality 92, like a phone camera's) and a few screenshots (2880x1800 PNG),
 * one per slide, uploaded as multipart to an in-process Podium (PGlite, in memory); then a
 * phone (Chromium, 390x844 at 3x) and a 1920x1080 projector follow the deck through every
 * slide and the image bytes each downloaded are added up. Usage:
 *   npx tsx scripts/asset-bytes.ts [photos=8] [screenshots=2]
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { createCanvas } from '@napi-rs/canvas';
import type { CreateDeckResponse } from '../shared/protocol.js';
import { launchBrowser, newPhoneContext } from '../test/support/browser.js';
import buildClient from '../test/support/build-client.js';
import { startTestServer, type TestServer } from '../test/support/server.js';

const photos = Number(process.argv[2] ?? 8);
const screenshots = Number(process.argv[3] ?? 2);

/** A photo-like image: smooth noise (blurred, then scaled up), so it compresses like a real photo, not like static. */
async function photo(seed: number): Promise<Buffer> {
  const noise = createCanvas(2016, 1512);
  const pixels = noise.getContext('2d').createImageData(2016, 1512);
  let state = 0x9e3779b9 ^ (seed + 1);
  for (let i = 0; i < pixels.data.length; i += 4) {
    for (let channel = 0; channel < 3; channel += 1) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const base = [90 + seed * 10, 120, 150][channel] ?? 120;
      pixels.data[i + channel] = base - 60 + ((state >>> 0) % 120);
    }
    pixels.data[i + 3] = 255;
  }
  noise.getContext('2d').putImageData(pixels, 0, 0);
  const canvas = createCanvas(4032, 3024);
  const context = canvas.getContext('2d');
  context.filter = 'blur(1px)';
  context.imageSmoothingQuality = 'high';
  context.drawImage(noise, 0, 0, 4032, 3024);
  return canvas.encodeSync('jpeg', 92);
}

/** A screenshot-like image: flat colours and hard edges (slides, UI), as a Retina PNG. */
async function screenshot(seed: number): Promise<Buffer> {
  const canvas = createCanvas(2880, 1800);
  const context = canvas.getContext('2d');
  context.fillStyle = '#f4f4f4';
  context.fillRect(0, 0, 2880, 1800);
  for (let i = 0; i < 40; i += 1) {
    context.fillStyle = `rgb(${(i * 37 + seed) % 255}, 200, 90)`;
    context.fillRect((i % 8) * 350, Math.floor(i / 8) * 300 + 40, 300, 60);
  }
  return canvas.encodeSync('png');
}

const files: Record<string, Buffer> = {};
for (let i = 0; i < photos; i += 1) files[`photos/IMG_${1000 + i}.jpg`] = await photo(i);
for (let i = 0; i < screenshots; i += 1) files[`screens/shot ${i + 1}.png`] = await screenshot(i);
const markdown = Object.keys(files)
  .map((path, i) => `## Slide ${i + 1}\n\n![image ${i + 1}](<${path}>)`)
  .join('\n\n---\n\n');

/** Image bytes a viewer in `context` downloads while the deck goes through every slide. */
async function followDeck(server: TestServer, created: CreateDeckResponse, context: BrowserContext): Promise<number> {
  let bytes = 0;
  const page = await context.newPage();
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/assets/')) {
      response.body().then(
        (body) => (bytes += body.length),
        () => undefined,
      );
    }
  });
  await server.putSlide(created.deck.id, created.presenterKey, 0);
  await page.goto(created.links.audience);
  for (let index = 0; index < created.deck.slides.length; index += 1) {
    if (index > 0) await server.putSlide(created.deck.id, created.presenterKey, index);
    await page.getByRole('heading', { name: `Slide ${index + 1}` }).waitFor();
    const images = page.locator('podium-slide:not([preview]) img');
    for (;;) {
      const loaded = await images.evaluateAll(
        (all) =>
          all.length > 0 &&
          all.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
      );
      if (loaded) break;
      await page.waitForTimeout(50);
    }
  }
  await page.waitForLoadState('networkidle');
  await context.close();
  return bytes;
}

await buildClient();
const server = await startTestServer();
let browser: Browser | undefined;
try {
  const form = new FormData();
  form.append('deck', new Blob([markdown]), 'talk.md');
  for (const [path, bytes] of Object.entries(files)) form.append('asset', new Blob([new Uint8Array(bytes)]), path);
  const started = performance.now();
  const res = await fetch(`${server.url}/api/decks`, { method: 'POST', body: form });
  const importMs = performance.now() - started;
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const created = (await res.json()) as CreateDeckResponse;
  browser = await launchBrowser();
  const phone = await followDeck(server, created, await newPhoneContext(browser, { deviceScaleFactor: 3 }));
  const projector = await followDeck(
    server,
    created,
    await browser.newContext({ viewport: { width: 1920, height: 1080 } }),
  );
  const uploaded = Object.values(files).reduce((sum, bytes) => sum + bytes.length, 0);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`${photos} photos (4032x3024 JPEG) + ${screenshots} screenshots (2880x1800 PNG), one per slide`);
  console.log(`before re-encoding (what the files weigh): ${mb(uploaded)}`);
  console.log(`after re-encoding, a phone (390x844 at 3x) downloads for the whole deck: ${mb(phone)}`);
  console.log(`after re-encoding, a 1920x1080 projector downloads: ${mb(projector)}`);
  console.log(`the phone saves ${((1 - phone / uploaded) * 100).toFixed(0)}%; import took ${Math.round(importMs)} ms`);
  for (const warning of created.warnings) console.log(`  - ${warning.message}`);
} finally {
  await browser?.close();
  await server.stop();
}
