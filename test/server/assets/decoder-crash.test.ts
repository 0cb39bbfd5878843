import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ABORT_ENV } from '../../../server/serve-child-job.js';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { bigPhoto, deckForm, smallPng } from './asset-fixtures.js';

/** The first `keep` bytes of `bytes` (the header: type and size), then garbage where the pixels were. */
function damaged(bytes: Buffer, keep: number): Buffer {
  return Buffer.concat([bytes.subarray(0, keep), Buffer.alloc(64 * 1024, 7)]);
}

/** A JPEG cut off before its pixel data (its start-of-scan marker), garbage after. */
function cutJpeg(jpeg: Buffer): Buffer {
  return damaged(jpeg, jpeg.indexOf(Buffer.from([0xff, 0xda])));
}

/** A wide picture (wider than 1920 px, so Podium decodes it to shrink it) as `format`. */
async function wide(format: 'png' | 'webp'): Promise<Buffer> {
  const canvas = createCanvas(2600, 1400);
  const context = canvas.getContext('2d');
  const gradient = context.createLinearGradient(0, 0, 2600, 1400);
  gradient.addColorStop(0, '#123456');
  gradient.addColorStop(1, '#fedcba');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 2600, 1400);
  return format === 'png' ? canvas.encodeSync('png') : canvas.encodeSync('webp', 90);
}

/** A one-page PDF that renders without trouble. */
async function plainPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([640, 360]).drawText('A plain slide', { x: 40, y: 300, size: 24 });
  return Buffer.from(await doc.save());
}

describe.each(DRIVERS)('a decoder that crashes on %s', (driver) => {
  let server: TestServer;
  const post = (form: FormData) => fetch(`${server.url}/api/decks`, { method: 'POST', body: form });

  /** The server still answers: healthy, and a new deck with a good image is created and served. */
  async function expectStillServing(): Promise<void> {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const res = await post(deckForm('# After\n\n![ok](ok.png)', { 'ok.png': await smallPng() }));
    expect(res.status).toBe(201);
    const { deck } = (await res.json()) as CreateDeckResponse;
    expect((await fetch(`${server.url}/api/decks/${deck.id}`)).status).toBe(200);
    const src = /src="(\/api\/assets\/[^"]+)"/.exec(deck.slides[0]?.html ?? '')?.[1] ?? '';
    expect((await fetch(new URL(src, server.url))).status).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer({ driver });
  });
  afterAll(() => server.stop());

  it('leaves out a truncated PNG, JPEG and WebP with a warning naming each, and keeps serving', async () => {
    const files = {
      // Each of these makes @napi-rs/canvas 0.1.100 crash the process decoding it (a segfault).
      'cut.png': damaged(await wide('png'), 33), // the signature and IHDR
      'cut.jpg': cutJpeg(await bigPhoto(2400, 1800)),
      'cut.webp': damaged(await wide('webp'), 40),
    };
    const markdown = ['# Damaged', '![a](cut.png)', '![b](cut.jpg)', '![c](cut.webp)'].join('\n\n');
    const res = await post(deckForm(markdown, files));
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreateDeckResponse;
    const unreadable = created.warnings.filter((warning) => warning.code === 'asset_unreadable');
    for (const name of Object.keys(files)) {
      expect(unreadable.map((warning) => warning.message).join(' ')).toContain(`"${name}"`);
    }
    expect(created.deck.slides[0]?.html).not.toContain('/api/assets/');
    await expectStillServing();
  }, 120_000);

  it('answers 422 when the PDF renderer crashes, and keeps serving', async () => {
    process.env[TEST_ABORT_ENV] = 'pdf-worker';
    try {
      const form = deckForm(await plainPdf(), {}, { deckName: 'talk.pdf' });
      const body = await expectError(await post(form), 422, 'pdf_unreadable');
      expect(body.error.message).toContain('renderer stopped');
    } finally {
      delete process.env[TEST_ABORT_ENV];
    }
    await expectStillServing();
    // The same PDF renders when the renderer does not crash.
    const rendered = await post(deckForm(await plainPdf(), {}, { deckName: 'talk.pdf' }));
    expect(await rendered.text()).toContain('"deck"');
    expect(rendered.status).toBe(201);
  }, 120_000);
});
