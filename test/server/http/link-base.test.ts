import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { lanAddress } from '../../../server/http/lan-address.js';
import { startTestServer, type TestServer } from '../../support/server.js';

/** POSTs a deck to 127.0.0.1:`port` with the Host header `host`; resolves with the 201 body. */
function createDeckVia(port: number, host: string): Promise<CreateDeckResponse> {
  const body = JSON.stringify({ markdown: '# Hello' });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/decks',
        method: 'POST',
        headers: { Host: host, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          res.statusCode === 201
            ? resolve(JSON.parse(text) as CreateDeckResponse)
            : reject(new Error(`${res.statusCode} ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const lan = lanAddress();
if (!lan) console.warn('\n*** this machine has no LAN address: the LAN link tests are skipped ***\n');

describe.skipIf(!lan)('links a phone can open', () => {
  let server: TestServer;
  let published: TestServer;
  const port = () => Number(new URL(server.url).port);

  beforeAll(async () => {
    [server, published] = await Promise.all([
      startTestServer({ host: '0.0.0.0' }),
      startTestServer({ host: '0.0.0.0', publicUrl: 'https://talks.example.org' }),
    ]);
  });
  afterAll(() => Promise.all([server?.stop(), published?.stop()]));

  it.each(['localhost', `localhost:${3000}`, '127.0.0.1', 'podium.local'])(
    'points links from a request to %s at the LAN address and this port',
    async (host) => {
      const created = await createDeckVia(port(), host.replace('3000', String(port())));
      const base = `http://${lan}:${port()}`;
      expect(created.links.audience).toBe(`${base}/d/${created.deck.id}`);
      expect(created.links.remote.startsWith(`${base}/d/${created.deck.id}/remote#key=`)).toBe(true);
    },
  );

  it('uses PUBLIC_URL when it is set', async () => {
    const created = await createDeckVia(Number(new URL(published.url).port), 'localhost');
    expect(created.links.audience).toBe(`https://talks.example.org/d/${created.deck.id}`);
  });
});
