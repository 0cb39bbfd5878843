import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, DeckWarning } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { animatedGif, bigPhoto, blobOf, deckForm, HOSTILE_SVG, smallPng } from './asset-fixtures.js';

const DECK = [
  '# Pictures',
  '![chart](images/chart.png)',
  '---',
  '## A space',
  '![team](<photos/team photo.png>)',
  '---',
  '## Mislabelled and animated',
  '![really png](images/logo.webp) ![anim](anim.gif)',
  '---',
  '## Vector',
  '<img src="./diagrams/hostile.svg" alt="diagram">',
  '---',
  '## Big photo',
  '![photo](photos/big.jpg)',
  '---',
  '## Missing',
  '![gone](images/missing.png) ![web](https://example.com/x.png)',
].join('\n');

/** The `src` of every image of a slide's HTML. */
function imageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe.each(DRIVERS)('multipart deck upload on %s', (driver) => {
  let server: TestServer;
  let created: CreateDeckResponse;
  let photo: Buffer;
  const post = (body: FormData | string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/decks`, { method: 'POST', body, headers });

  beforeAll(async () => {
    server = await startTestServer({ driver });
    photo = await bigPhoto(2400, 1800);
    const form = deckForm(DECK, {
      'images/chart.png': await smallPng(),
      'photos/team photo.png': await smallPng(40, 30, { r: 0, g: 160, b: 0 }),
      'images/logo.webp': await smallPng(20, 20),
      'anim.gif': await animatedGif(),
      'diagrams/hostile.svg': HOSTILE_SVG,
      'photos/big.jpg': photo,
      'notes.txt': 'not an image',
      '../secret.png': await smallPng(),
      '/etc/passwd.png': await smallPng(),
    });
    const res = await post(form);
    expect(res.status).toBe(201);
    created = (await res.json()) as CreateDeckResponse;
  }, 60_000);
  afterAll(() => server.stop());

  const slideImages = (index: number) => imageSources(created.deck.slides[index]?.html ?? '');
  const fetchAsset = (src: string, headers: Record<string, string> = {}) =>
    fetch(new URL(src, server.url), { headers });
  const warning = (code: string) => created.warnings.filter((w: DeckWarning) => w.code === code);

  it('points images in subfolders and names with spaces at Podium, served with their bytes', async () => {
    const [chart] = slideImages(0);
    const [team] = slideImages(1);
    expect(chart).toMatch(/^\/api\/assets\/[0-9a-f]{64}\.png$/);
    expect(team).toMatch(/^\/api\/assets\/[0-9a-f]{64}\.png$/);
    const res = await fetchAsset(team ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([40, 30]);
    expect(await server.store.assets.deckAssets(created.deck.id)).toContainEqual(
      expect.objectContaining({ path: 'photos/team photo.png' }),
    );
  });

  it('serves a .webp that is really a PNG as image/png, and keeps a GIF animated', async () => {
    const [logo, anim] = slideImages(2);
    const png = await fetchAsset(logo ?? '');
    expect(png.headers.get('content-type')).toBe('image/png');
    const gif = await fetchAsset(anim ?? '');
    expect(gif.headers.get('content-type')).toBe('image/gif');
    expect((await sharp(Buffer.from(await gif.arrayBuffer())).metadata()).pages).toBe(2);
  });

  it('sanitizes an SVG and serves it with a CSP that forbids script', async () => {
    const [svg] = slideImages(3);
    const res = await fetchAsset(svg ?? '');
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await res.text();
    expect(text).toContain('<rect');
    expect(text).not.toMatch(/script|onload|onclick|onerror|foreignObject|javascript:|attacker\.example|ENTITY/i);
    expect((await sharp(Buffer.from(text)).metadata()).width).toBe(120);
  });

  it('shrinks a camera photo to at most 1920 px and says so', async () => {
    const [big] = slideImages(4);
    const res = await fetchAsset(big ?? '');
    const bytes = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.width).toBe(1920);
    expect(bytes.length).toBeLessThan(photo.length / 2);
    expect(warning('asset_resized')[0]?.message).toContain('photos/big.jpg');
    // Phones get a 1280 px copy through srcset.
    const srcset = /srcset="([^"]+)"/.exec(created.deck.slides[4]?.html ?? '')?.[1] ?? '';
    const [small, large] = srcset.split(', ').map((candidate) => candidate.split(' '));
    expect(large).toEqual([big, '1920w']);
    expect(small?.[1]).toBe('1280w');
    const phone = Buffer.from(await (await fetchAsset(small?.[0] ?? '')).arrayBuffer());
    expect((await sharp(phone).metadata()).width).toBe(1280);
    expect(phone.length).toBeLessThan(bytes.length);
  });

  it('warns about a missing image (with its slide), refused types and escaping paths', () => {
    expect(warning('asset_missing')).toEqual([
      { code: 'asset_missing', message: expect.stringContaining('images/missing.png'), slide: 5 },
    ]);
    expect(slideImages(5)).toContain('https://example.com/x.png');
    expect(warning('asset_unsupported')[0]?.message).toContain('notes.txt');
    expect(
      warning('asset_path_refused')
        .map((w) => w.message)
        .join(' '),
    ).toMatch(/\.\.\/secret\.png.*\/etc\/passwd/);
  });

  it('caches assets for a year with a strong ETag and answers 304 to If-None-Match', async () => {
    const [chart] = slideImages(0);
    const first = await fetchAsset(chart ?? '');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await fetchAsset(chart ?? '', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('answers 404 in the error shape for an unknown asset', async () => {
    await expectError(await fetchAsset(`/api/assets/${'0'.repeat(64)}.png`), 404, 'not_found');
    await expectError(await fetchAsset('/api/assets/not-a-hash'), 404, 'not_found');
  });

  it('takes a title field and JSON creation answers an empty warnings list', async () => {
    const res = await post(deckForm('# Hello\n\nno images', {}, { title: 'Given title' }));
    const body = (await res.json()) as CreateDeckResponse;
    expect(body.deck.title).toBe('Given title');
    expect(body.warnings).toEqual([]);
    const json = await server.createDeck('# Plain');
    expect(json.warnings).toEqual([]);
  });

  it('takes a folder upload whose names start with the folder', async () => {
    const form = deckForm(
      '# Folder\n\n![a](img/a.png)',
      { 'talk/img/a.png': await smallPng() },
      { deckName: 'talk/talk.md' },
    );
    const body = (await (await post(form)).json()) as CreateDeckResponse;
    expect(body.warnings).toEqual([]);
    expect(imageSources(body.deck.slides[0]?.html ?? '')[0]).toMatch(/^\/api\/assets\//);
  });

  it('answers 413 for an asset over 20 MiB and for a body over 50 MiB', async () => {
    const huge = Buffer.alloc(21 * 1024 * 1024, 1);
    const one = await expectError(await post(deckForm('# Big', { 'big.png': huge })), 413, 'payload_too_large');
    expect(one.error.message).toContain('big.png');
    const many = {
      'a.png': Buffer.alloc(19 * 1024 * 1024),
      'b.png': Buffer.alloc(19 * 1024 * 1024),
      'c.png': Buffer.alloc(19 * 1024 * 1024),
    };
    const all = await expectError(await post(deckForm('# Big', many)), 413, 'payload_too_large');
    expect(all.error.message).toContain('50 MiB');
  });

  it('answers 413 while a chunked body without Content-Length passes 50 MiB, and keeps serving', async () => {
    const boundary = 'podiumtestboundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="asset"; filename="a.png"\r\n\r\n`;
    let sent = 0;
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(Buffer.from(head));
        if (sent > 60) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${server.url}/api/decks`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      duplex: 'half',
    } as RequestInit).catch((err: unknown) => err);
    // The server may answer before it has read the whole body, or close the connection under the upload.
    if (res instanceof Response) await expectError(res, 413, 'payload_too_large');
    expect(sent).toBeLessThan(60);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers 400 for malformed multipart, 415 for a PDF deck for now, 422 for no slides', async () => {
    const broken = '--xyz\r\nContent-Disposition: form-data; name="deck"; filename="a.md"\r\n\r\n# cut off';
    await expectError(await post(broken, { 'Content-Type': 'multipart/form-data; boundary=xyz' }), 400, 'bad_request');
    await expectError(await post('x', { 'Content-Type': 'multipart/form-data' }), 400, 'bad_request');
    const noDeck = new FormData();
    noDeck.append('asset', blobOf(await smallPng()), 'a.png');
    await expectError(await post(noDeck), 400, 'bad_request');
    const pdf = await expectError(
      await post(deckForm(Buffer.from('%PDF-1.7\n...'), {})),
      415,
      'unsupported_media_type',
    );
    expect(pdf.error.message).toMatch(/PDF/);
    await expectError(await post(deckForm('   \n---\n', {})), 422, 'no_slides');
  });
});
