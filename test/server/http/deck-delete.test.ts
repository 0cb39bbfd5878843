import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS } from '../../support/databases.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

describe.each(DRIVERS)('DELETE /api/decks/:id and idle expiry (%s)', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ driver });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const del = (id: string, key?: string) =>
    fetch(`${server.url}/api/decks/${id}`, {
      method: 'DELETE',
      headers: key ? { Authorization: `Bearer ${key}` } : {},
    });

  it('needs the presenter key, ends the streams with a last deck event, answers 204, then 404', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const other = await server.createDeck(SAMPLE_DECK);
    const id = created.deck.id;
    let streamText = '';
    const res = await fetch(`${server.url}/api/decks/${id}/events`, { signal: AbortSignal.timeout(10_000) });
    const reader = res.body!.getReader();
    const ended = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        streamText += new TextDecoder().decode(value);
      }
    })();
    await expect.poll(() => streamText).toContain('event: slide');

    expect((await del(id)).status).toBe(401);
    expect((await del(id, other.presenterKey)).status).toBe(401);
    expect((await del(id, created.presenterKey)).status).toBe(204);
    await ended; // The server closed the stream.
    expect(streamText).toMatch(/event: deck\ndata: \{"deleted":true\}\n\n$/);
    expect((await fetch(`${server.url}/api/decks/${id}`)).status).toBe(404);
    expect((await del(id, created.presenterKey)).status).toBe(404);
    expect((await fetch(`${server.url}/api/decks/${id}/events`)).status).toBe(404);
    // The key died with its deck; the other deck is untouched.
    expect((await server.putSlide(id, created.presenterKey, 1)).status).toBe(404);
    expect((await fetch(`${server.url}/api/decks/${other.deck.id}`)).status).toBe(200);
  });

  it('expires decks idle past the TTL, never a deck served from a file', async () => {
    const idle = await server.createDeck(SAMPLE_DECK);
    const fresh = await server.createDeck(SAMPLE_DECK);
    const file = await server.store.upsertDeck(
      `talk-${idle.deck.id}`,
      { title: 'T', slides: [{ html: '<p>x</p>', steps: 0 }], notes: [''] },
      'hash',
    );
    await server.db.query(`UPDATE decks SET updated_at = now() - interval '31 days' WHERE id = ANY($1::text[])`, [
      [idle.deck.id, file.id],
    ]);
    const expired = await server.store.removal.expireIdle(30);
    expect(expired).toEqual([idle.deck.id]);
    expect((await fetch(`${server.url}/api/decks/${idle.deck.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/decks/${fresh.deck.id}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/decks/${file.id}`)).status).toBe(200);
  });
});
