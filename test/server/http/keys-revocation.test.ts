import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, CreateKeyResponse } from '../../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { DRIVERS, TEST_DATABASE_URL } from '../../support/databases.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { twoProcessesOnPostgres } from '../../support/two-processes.js';
import { eventually } from '../../support/sse-client.js';

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

async function mintKey(server: TestServer, deckId: string, key: string): Promise<CreateKeyResponse> {
  const res = await fetch(`${server.url}/api/decks/${deckId}/keys`, { method: 'POST', headers: bearer(key) });
  expect(res.status).toBe(201);
  return (await res.json()) as CreateKeyResponse;
}

async function revokeKey(server: TestServer, deckId: string, key: string, keyId: string): Promise<void> {
  const res = await fetch(`${server.url}/api/decks/${deckId}/keys/${keyId}`, {
    method: 'DELETE',
    headers: bearer(key),
  });
  expect(res.status).toBe(204);
}

describe.each(DRIVERS)('revoking a key on %s', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;

  beforeAll(async () => {
    server = await startTestServer({ driver, limits: NO_RATE_LIMITS });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(() => server.stop());

  it('stops the key at once, even right after it was used (and cached)', async () => {
    const second = await mintKey(server, deck.deck.id, deck.presenterKey);
    expect((await server.putSlide(deck.deck.id, second.presenterKey, 1)).status).toBe(200);
    expect((await server.putSlide(deck.deck.id, second.presenterKey, 2)).status).toBe(200);
    await revokeKey(server, deck.deck.id, deck.presenterKey, second.id);
    expect((await server.putSlide(deck.deck.id, second.presenterKey, 0)).status).toBe(401);
    expect((await server.putSlide(deck.deck.id, deck.presenterKey, 0)).status).toBe(200);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('revoking a key with two processes on one Postgres', () => {
  let a: TestServer;
  let b: TestServer;
  twoProcessesOnPostgres({ limits: NO_RATE_LIMITS }, (servers) => ([a, b] = servers));

  it('a key revoked on one process stops working on the other within a second', async () => {
    const deck = await a.createDeck(SAMPLE_DECK);
    const second = await mintKey(a, deck.deck.id, deck.presenterKey);
    // Process b learns (and caches) the second key by using it.
    expect((await b.putSlide(deck.deck.id, second.presenterKey, 1)).status).toBe(200);
    await revokeKey(a, deck.deck.id, deck.presenterKey, second.id);
    const revokedAt = Date.now();
    await eventually(
      async () => (await b.putSlide(deck.deck.id, second.presenterKey, 0)).status === 401,
      1000,
      'revocation on b',
    );
    expect(Date.now() - revokedAt).toBeLessThan(1000);
    // A key minted on a is accepted by b straight away too.
    const third = await mintKey(a, deck.deck.id, deck.presenterKey);
    expect((await b.putSlide(deck.deck.id, third.presenterKey, 2)).status).toBe(200);
  });
});
