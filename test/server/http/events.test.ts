import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { eventually, openStreams, SlideStreamClient } from '../../support/sse-client.js';

/** Opens a raw stream and collects its bytes, to check framing and headers exactly. */
function rawStream(
  url: string,
): Promise<{ status: number; headers: Record<string, unknown>; text: () => string; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'text/event-stream', 'Accept-Encoding': 'gzip, br' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text: () => text, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(DRIVERS)('event stream on %s', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  const clients: SlideStreamClient[] = [];
  const events = () => `${server.url}/api/decks/${deck.deck.id}/events`;
  const open = (init?: { lastEventId?: string }) => {
    const client = new SlideStreamClient(events(), init);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ driver, heartbeatMs: 200 });
    deck = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.stop();
  });

  it('answers with the SSE headers, uncompressed, a retry line first and the current state at once', async () => {
    const stream = await rawStream(events());
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(stream.headers['cache-control']).toMatch(/no-cache/);
      expect(stream.headers['x-accel-buffering']).toBe('no');
      expect(stream.headers['content-encoding']).toBeUndefined();
      await eventually(() => stream.text().includes('data: '), 3000, 'first event');
      const state = (await (await fetch(`${server.url}/api/decks/${deck.deck.id}`)).json()) as {
        index: number;
        version: number;
      };
      expect(stream.text()).toMatch(/^retry: \d+\n/);
      expect(stream.text()).toContain(
        `event: slide\nid: ${state.version}\ndata: {"index":${state.index},"step":0,"version":${state.version},"count":3}\n\n`,
      );
    } finally {
      stream.close();
    }
  });

  it('starts every stream with the current state', async () => {
    const client = open();
    const first = await client.waitFor(() => true);
    const state = (await (await fetch(`${server.url}/api/decks/${deck.deck.id}`)).json()) as {
      index: number;
      version: number;
    };
    expect(first).toMatchObject({ index: state.index, version: state.version, lastEventId: String(state.version) });
  });

  it('sends exactly one event with the next version per change, and none for a repeat', async () => {
    const client = open();
    const first = await client.waitFor(() => true);
    const target = first.index === 2 ? 1 : 2;
    expect((await server.putSlide(deck.deck.id, deck.presenterKey, target)).status).toBe(200);
    expect((await server.putSlide(deck.deck.id, deck.presenterKey, target)).status).toBe(200);
    const next = await client.waitForVersion(first.version + 1);
    expect(next).toMatchObject({ index: target, lastEventId: String(first.version + 1) });
    // Give a duplicate every chance to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.events.map((e) => e.version)).toEqual([first.version, first.version + 1]);
  });

  it('sends a comment heartbeat at least every PODIUM_HEARTBEAT_MS', async () => {
    const stream = await rawStream(events());
    try {
      await eventually(() => /\n: [^\n]*\n\n/.test(stream.text()), 2000, 'a heartbeat comment');
    } finally {
      stream.close();
    }
  });

  it('gives a reconnect with Last-Event-ID the current state', async () => {
    const now = (await (await fetch(`${server.url}/api/decks/${deck.deck.id}`)).json()) as {
      index: number;
      version: number;
    };
    await server.putSlide(deck.deck.id, deck.presenterKey, now.index === 0 ? 1 : 0);
    const client = open({ lastEventId: String(now.version) });
    const first = await client.waitFor(() => true);
    expect(first.version).toBe(now.version + 1);
  });

  it('answers 404 in the error shape for an unknown deck', async () => {
    const res = await fetch(`${server.url}/api/decks/zzzzzzzz/events`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('counts open streams in podium_sse_clients and frees closed ones within a second', async () => {
    for (const client of clients.splice(0)) client.close();
    await eventually(async () => (await openStreams(server.url)) === 0, 2000, 'no streams');
    const batch = Array.from({ length: 5 }, () => open());
    await Promise.all(batch.map((client) => client.waitFor(() => true)));
    expect(await openStreams(server.url)).toBe(5);
    for (const client of batch) client.close();
    const closedAt = Date.now();
    await eventually(async () => (await openStreams(server.url)) === 0, 1000, 'streams freed');
    expect(Date.now() - closedAt).toBeLessThan(1000);
  });
});
