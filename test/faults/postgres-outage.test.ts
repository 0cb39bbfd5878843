import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, SetSlideResponse, SlideEventData } from '../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../server/security/limits.js';
import { createScratchDatabase, TEST_DATABASE_URL, type ScratchDatabase } from '../support/databases.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../support/server.js';
import { SlideStreamClient } from '../support/sse-client.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { commitDirectly, healthStatus, reportTiming, timeUntil } from './fault-kit.js';

/** The bounds: a freeze is found within 7 s; streams catch up within 2 s of the return. */
const DETECT_FREEZE_MS = 7000;
const CATCH_UP_MS = 2000;

// Every connection of this Podium (pool and listener) goes through the proxy; the shared
// Postgres server itself is never stopped. Default listener timings: these are the real figures.
describe.skipIf(!TEST_DATABASE_URL)('Postgres restarts, freezes or goes half-open (through a TCP proxy)', () => {
  let scratch: ScratchDatabase;
  let proxy: TcpProxy;
  let server: TestServer;
  let deck: { id: string; key: string };
  let clients: SlideStreamClient[];

  const put = async (index: number): Promise<{ status: number; ms: number; body: unknown }> => {
    const started = performance.now();
    const res = await server.putSlide(deck.id, deck.key, index);
    return { status: res.status, body: await res.json(), ms: Math.round(performance.now() - started) };
  };
  const expectUnavailable = (answer: { status: number; body: unknown }) => {
    expect(answer.status).toBe(503);
    const body = answer.body as ErrorBody;
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toMatch(/database/i);
  };
  // The UPDATE went out on an open connection and no answer came back: it may have been applied.
  const expectOutcomeUnknown = (answer: { status: number; body: unknown }) => {
    expect(answer.status).toBe(503);
    expect((answer.body as ErrorBody).error.code).toBe('outcome_unknown');
  };
  const streamsReach = (state: SlideEventData) =>
    timeUntil(
      () => clients.every((c) => (c.latest?.version ?? 0) >= state.version),
      CATCH_UP_MS,
      `every stream at version ${state.version}`,
    );

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
    clients = Array.from({ length: 4 }, () => new SlideStreamClient(`${server.url}/api/decks/${deck.id}/events`));
    await Promise.all(clients.map((c) => c.waitForVersion(1)));
  });

  afterEach(async () => {
    proxy.setMode('pass');
    await timeUntil(() => server.listener.connected, 10_000, 'listener back');
    for (const client of clients) expect(client.errors).toBe(0);
  });

  afterAll(async () => {
    for (const client of clients ?? []) client.close();
    await server?.stop();
    await proxy?.close();
    await scratch?.drop();
  });

  it('restart: noticed at once, PUTs get a fast 503, streams reach the latest commit within 2 s of the return', async () => {
    proxy.setMode('refuse');
    proxy.cut();
    const noticed = await timeUntil(() => !server.listener.connected, 1000, 'listener down');
    expect(await healthStatus(server.url)).toBe(503);
    const during = await put(1);
    expectUnavailable(during);
    // Committed elsewhere (another process still reaches Postgres) while this one is cut off.
    const latest = await commitDirectly(scratch.name, deck.id, 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    proxy.setMode('pass');
    const caughtUp = await streamsReach(latest);
    await timeUntil(async () => (await healthStatus(server.url)) === 200, 5000, '/healthz 200');
    expect((await put(0)).status).toBe(200);
    reportTiming('restart: connection cut -> listener knows', noticed);
    reportTiming('restart: PUT during the outage answered 503 after', during.ms);
    reportTiming('restart: Postgres back -> every stream at the latest commit', caughtUp);
  });

  it('freeze: liveness finds it within 7 s, PUTs fail with 503 outcome_unknown instead of hanging, streams catch up within 2 s of the thaw', async () => {
    proxy.setMode('stall');
    const [detected, during] = await Promise.all([
      timeUntil(() => !server.listener.connected, DETECT_FREEZE_MS, 'liveness to notice the freeze'),
      put(1),
    ]);
    expectOutcomeUnknown(during);
    expect(await healthStatus(server.url)).toBe(503);
    const latest = await commitDirectly(scratch.name, deck.id, 2);

    proxy.setMode('pass');
    const caughtUp = await streamsReach(latest);
    reportTiming('freeze: frozen -> listener knows', detected);
    reportTiming('freeze: PUT during the freeze answered 503 after', during.ms);
    reportTiming('freeze: thaw -> every stream at the latest commit', caughtUp);
  });

  it('half-open: liveness finds the dead connection within 7 s and reconnects; a PUT on a dead pooled connection gets 503 outcome_unknown, the next one works', async () => {
    // Fill the pool with idle connections, then make every one of them silently dead.
    await Promise.all([put(0), put(1), put(0)]);
    proxy.setMode('blackhole');
    const missed = await commitDirectly(scratch.name, deck.id, 2);
    const [detected, first] = await Promise.all([
      timeUntil(() => !server.listener.connected, DETECT_FREEZE_MS, 'liveness to notice the dead connection'),
      put(1),
    ]);
    expectOutcomeUnknown(first);
    // Its NOTIFY died on the dead connection: only the resync after the reconnect brings it.
    const resynced = await streamsReach(missed);
    // The timed-out connection is destroyed and its suspect siblings retired: the next PUT dials afresh.
    const next = await put(0);
    expect(next.status).toBe(200);
    const caughtUp = await streamsReach({ index: 0, step: 0, version: (next.body as SetSlideResponse).version });
    reportTiming('half-open: dead -> listener knows', detected);
    reportTiming('half-open: then -> every stream has the commit made while it was dead', resynced);
    reportTiming('half-open: PUT on a dead pooled connection answered 503 after', first.ms);
    reportTiming('half-open: next PUT answered 200 after', next.ms);
    reportTiming('half-open: that PUT -> every stream has it', caughtUp);
  });
});
