import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

/** A GET whose body is read raw (fetch would decode it); an event stream is cut after its first bytes. */
function rawGet(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) });
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (String(res.headers['content-type']).startsWith('text/event-stream')) {
          res.destroy();
          done();
        }
      });
      res.on('end', done);
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** About 200 KiB of bare links: each becomes an anchor, so the deck's JSON is several times its Markdown. */
const LINK_DECK = `# Links\n\n${Array.from({ length: 5000 }, (_, i) => `https://example.com/page/${i}`).join('\n')}`;

describe.each(DRIVERS)('large JSON answers compressed, the event stream never (%s)', (driver) => {
  let server: TestServer;
  let big: CreateDeckResponse;
  let small: CreateDeckResponse;

  beforeAll(async () => {
    server = await startTestServer({ driver });
    big = await server.createDeck(LINK_DECK);
    small = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers a large deck in Brotli or gzip as Accept-Encoding asks, the same JSON once decoded', async () => {
    const plain = await rawGet(`${server.url}/api/decks/${big.deck.id}`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    const json = JSON.parse(plain.bytes.toString('utf8')) as unknown;
    expect(plain.bytes.length).toBeGreaterThan(200_000);

    const br = await rawGet(`${server.url}/api/decks/${big.deck.id}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 5);
    expect(JSON.parse(brotliDecompressSync(br.bytes).toString('utf8'))).toEqual(json);

    const gzip = await rawGet(`${server.url}/api/decks/${big.deck.id}`, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.bytes).toString('utf8'))).toEqual(json);
  });

  it('sends a small answer as it is', async () => {
    const res = await rawGet(`${server.url}/api/decks/${small.deck.id}`, { 'Accept-Encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.bytes.toString('utf8'))).toMatchObject({ id: small.deck.id });
  });

  it('never compresses the event stream', async () => {
    const res = await rawGet(`${server.url}/api/decks/${big.deck.id}/events`, { 'Accept-Encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.bytes.toString('utf8')).toMatch(/^retry: \d+/);
  });
});

describe('reads rate-limited per address', () => {
  let server: TestServer;
  let deck: CreateDeckResponse;

  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true, limits: { readsPerAddress: { perSecond: 0.001, burst: 3 } } });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const get = (path: string, address: string) =>
    fetch(`${server.url}${path}`, { headers: { 'X-Forwarded-For': address } });

  it('answers 429 rate_limited with Retry-After past the burst; other addresses, /healthz and /metrics are not counted', async () => {
    for (let i = 0; i < 3; i += 1) expect((await get(`/api/decks/${deck.deck.id}`, '10.1.0.1')).status).toBe(200);
    const refused = await get(`/api/decks/${deck.deck.id}`, '10.1.0.1');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expectError(refused, 429, 'rate_limited');
    expect((await get('/healthz', '10.1.0.1')).status).toBe(200);
    expect((await get('/metrics', '10.1.0.1')).status).toBe(200);
    expect((await get(`/api/decks/${deck.deck.id}`, '10.1.0.2')).status).toBe(200);
  });

  it('has generous defaults: a hall behind one address loads the deck: 1200 reads at once, none refused', async () => {
    const roomy = await startTestServer();
    try {
      const created = await roomy.createDeck(SAMPLE_DECK);
      const statuses = new Set<number>();
      for (let batch = 0; batch < 12; batch += 1) {
        const answers = await Promise.all(
          Array.from({ length: 100 }, () => fetch(`${roomy.url}/api/decks/${created.deck.id}`)),
        );
        for (const res of answers) {
          statuses.add(res.status);
          await res.arrayBuffer();
        }
      }
      expect([...statuses]).toEqual([200]);
    } finally {
      await roomy.stop();
    }
  });
});
