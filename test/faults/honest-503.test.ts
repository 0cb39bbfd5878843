import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../server/security/limits.js';
import { createScratchDatabase, TEST_DATABASE_URL, type ScratchDatabase } from '../support/databases.js';
import { fetchState, SAMPLE_DECK, startTestServer, type TestServer } from '../support/server.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { reportTiming, timeUntil } from './fault-kit.js';

// Only real Postgres has a network between the PUT and the commit; PGlite answers in-process.
describe.skipIf(!TEST_DATABASE_URL)('a 503 on a slide change says whether it may have been applied', () => {
  let scratch: ScratchDatabase;
  let proxy: TcpProxy;
  let server: TestServer;
  let deck: { id: string; key: string };

  const put = async (index: number) => {
    const started = performance.now();
    const res = await server.putSlide(deck.id, deck.key, index);
    return { status: res.status, body: (await res.json()) as ErrorBody, ms: Math.round(performance.now() - started) };
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const target = new URL(scratch.url);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    server = await startTestServer({
      driver: 'postgres',
      shared: scratch,
      databaseUrl: proxy.rewrite(scratch.url),
      limits: NO_RATE_LIMITS,
    });
    const created = await server.createDeck(SAMPLE_DECK);
    deck = { id: created.deck.id, key: created.presenterKey };
  });

  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await scratch?.drop();
  });

  it('frozen Postgres: outcome_unknown, and the change does land after the thaw', async () => {
    // A warm pool (and a cached key): the UPDATE goes out on an open connection and is held.
    expect((await put(1)).status).toBe(200);
    expect((await put(0)).status).toBe(200);
    proxy.setMode('stall');
    const during = await put(2);
    expect(during.status).toBe(503);
    expect(during.body.error).toEqual({
      code: 'outcome_unknown',
      message: 'The change may or may not have been applied; reload the state.',
    });
    proxy.setMode('pass');
    // The held UPDATE reaches Postgres after the thaw and commits: "unavailable" would have been a lie.
    await timeUntil(async () => (await fetchState(server.url, deck.id)).index === 2, 15_000, 'the held change');
    reportTiming('frozen: PUT answered 503 outcome_unknown after', during.ms);
  });

  it('refused connections: unavailable, and nothing changed', async () => {
    await timeUntil(() => server.listener.connected, 10_000, 'listener back');
    const before = await fetchState(server.url, deck.id);
    proxy.setMode('refuse');
    proxy.cut();
    await timeUntil(() => !server.listener.connected, 5000, 'listener down');
    // Every pooled connection was cut: the PUT cannot be sent.
    const during = await put(before.index === 1 ? 0 : 1);
    expect(during.status).toBe(503);
    expect(during.body.error.code).toBe('unavailable');
    proxy.setMode('pass');
    await timeUntil(() => server.listener.connected, 10_000, 'listener back');
    expect(await fetchState(server.url, deck.id)).toEqual(before);
    reportTiming('refused: PUT answered 503 unavailable after', during.ms);
  });
});
