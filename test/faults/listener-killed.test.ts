import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetSlideResponse } from '../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../server/security/limits.js';
import { LISTENER_APPLICATION_NAME } from '../../server/store/pg-database.js';
import { createScratchDatabase, TEST_DATABASE_URL, type ScratchDatabase } from '../support/databases.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../support/server.js';
import { SlideStreamClient } from '../support/sse-client.js';
import { healthStatus, reportTiming, terminateBackends, timeUntil } from './fault-kit.js';

async function reconnects(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^podium_listener_reconnects_total (\d+)/m.exec(text)?.[1] ?? NaN);
}

// pg_terminate_backend needs a real server; PGlite's listener lives in-process and cannot be cut.
describe.skipIf(!TEST_DATABASE_URL)('listener connection killed (pg_terminate_backend)', () => {
  let scratch: ScratchDatabase;
  let server: TestServer;
  let decks: Array<{ id: string; key: string }>;
  let clients: Array<{ deck: string; client: SlideStreamClient }>;

  const put = async (deck: { id: string; key: string }, index: number): Promise<SetSlideResponse> => {
    const res = await server.putSlide(deck.id, deck.key, index);
    expect(res.status).toBe(200);
    return (await res.json()) as SetSlideResponse;
  };
  const killListener = async () => {
    expect(await terminateBackends(scratch.name, LISTENER_APPLICATION_NAME)).toBeGreaterThanOrEqual(1);
  };

  beforeAll(async () => {
    // Backoff of 0.4-0.8 s on the first retry: long enough to act while the listener is down.
    scratch = await createScratchDatabase();
    server = await startTestServer({
      driver: 'postgres',
      shared: scratch,
      limits: NO_RATE_LIMITS,
      listenerTimings: { backoffMinMs: 800, backoffMaxMs: 1000, livenessIntervalMs: 500, livenessTimeoutMs: 1000 },
    });
    decks = [];
    for (let i = 0; i < 2; i += 1) {
      const created = await server.createDeck(SAMPLE_DECK);
      decks.push({ id: created.deck.id, key: created.presenterKey });
    }
    clients = decks.flatMap((deck) =>
      Array.from({ length: 4 }, () => ({
        deck: deck.id,
        client: new SlideStreamClient(`${server.url}/api/decks/${deck.id}/events`),
      })),
    );
    await Promise.all(clients.map(({ client }) => client.waitForVersion(1)));
  });

  afterAll(async () => {
    for (const { client } of clients ?? []) client.close();
    await server?.stop();
    await scratch?.drop();
  });

  it('answers 503 while down, LISTENs again, then resyncs what changed meanwhile; streams stay open', async () => {
    const before = await reconnects(server.url);
    await killListener();
    const killed = performance.now();
    // The listener learns of the kill when its socket closes, a moment after the backend ends.
    await expect.poll(() => healthStatus(server.url), { timeout: 10_000 }).toBe(503);
    // Changes committed while nobody listens: their NOTIFYs are gone for good.
    const changes = await Promise.all(decks.map((deck) => put(deck, 2)));
    const body = await (await fetch(`${server.url}/healthz`)).json();
    expect(body).toMatchObject({ status: 'degraded', listener: 'disconnected' });

    const healthyAfter = await timeUntil(async () => (await healthStatus(server.url)) === 200, 5000, '/healthz 200');
    await Promise.all(
      clients.map(({ deck, client }) =>
        client.waitForVersion(changes[decks.findIndex((d) => d.id === deck)]!.version, 5000),
      ),
    );
    const caughtUp = Math.round(performance.now() - killed);
    reportTiming('listener killed -> /healthz 200 again', healthyAfter);
    reportTiming('listener killed -> every stream has the change made while it was down', caughtUp);

    expect(await reconnects(server.url)).toBe(before + 1);
    for (const { client } of clients) {
      expect(client.errors).toBe(0);
      expect(client.latest).toMatchObject({ index: 2 });
    }
  });

  it('survives being killed again and again, even mid-reconnect, and ends on the latest state', async () => {
    const before = await reconnects(server.url);
    let last: SetSlideResponse | undefined;
    for (let round = 0; round < 3; round += 1) {
      await timeUntil(() => server.listener.connected, 5000, 'listener up');
      await killListener();
      last = await put(decks[0]!, round % 2);
      // Kill the fresh connection as soon as it is up, before or while it resyncs.
      await timeUntil(() => server.listener.connected, 5000, 'listener up');
      await killListener();
    }
    await timeUntil(async () => (await healthStatus(server.url)) === 200, 5000, '/healthz 200');
    for (const { deck, client } of clients) {
      if (deck === decks[0]!.id) await client.waitFor((event) => event.version === last!.version, 5000);
      expect(client.errors).toBe(0);
    }
    expect(await reconnects(server.url)).toBeGreaterThanOrEqual(before + 6);
  });
});
