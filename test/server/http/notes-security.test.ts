import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { fakeClientDir, RawClient, sleep, type FakeClientDir } from './security-fixtures.js';

const SECRET = 'SPEAKER-ONLY-7f3a';
const DECK = `# Public\n\nfor all\n\nNote:\n${SECRET} one\n---\n## Two\n\nNote:\n${SECRET} two <b>bold</b>`;

describe.each(DRIVERS)('speaker notes never reach a non-presenter on %s', (driver) => {
  let server: TestServer;
  let client: FakeClientDir;
  let deck: CreateDeckResponse;

  beforeAll(async () => {
    client = await fakeClientDir();
    server = await startTestServer({ driver, clientDir: client.dir });
    deck = await server.createDeck(DECK);
  });
  afterAll(async () => {
    await server.stop();
    await client.remove();
  });

  it('are absent from the creation answer, the public deck, and every keyless or wrong-key read', async () => {
    expect(JSON.stringify(deck)).not.toContain(SECRET);
    const id = deck.deck.id;
    const reads = [
      fetch(`${server.url}/api/decks/${id}`),
      fetch(`${server.url}/api/decks/${id}/presenter`),
      fetch(`${server.url}/api/decks/${id}/presenter`, { headers: { Authorization: 'Bearer wrong' } }),
      fetch(`${server.url}/api/decks/${id}/presenter?key=${deck.presenterKey}`),
      fetch(`${server.url}/api/decks/${id}/keys`),
      fetch(`${server.url}/d/${id}`),
      fetch(`${server.url}/d/${id}/remote`),
      fetch(`${server.url}/metrics`),
    ];
    for (const res of await Promise.all(reads)) expect(await res.text(), res.url).not.toContain(SECRET);
  });

  it('are absent from the event stream, first state and changes alike', async () => {
    const stream = new RawClient(server.url);
    stream.send(`GET /api/decks/${deck.deck.id}/events HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    await sleep(200);
    expect((await server.putSlide(deck.deck.id, deck.presenterKey, 1)).status).toBe(200);
    const deadline = Date.now() + 5000;
    while (!stream.text.includes('"index":1') && Date.now() < deadline) await sleep(50);
    stream.destroy();
    expect(stream.text).toContain('event: slide');
    expect(stream.text).toContain('"index":1');
    expect(stream.text).not.toContain(SECRET);
  });

  it('reach the presenter, with the key', async () => {
    const res = await fetch(`${server.url}/api/decks/${deck.deck.id}/presenter`, {
      headers: { Authorization: `Bearer ${deck.presenterKey}` },
    });
    expect(await res.text()).toContain(SECRET);
  });
});
