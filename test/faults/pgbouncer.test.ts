import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthBody } from '../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../server/security/limits.js';
import { createScratchDatabase, TEST_DATABASE_URL, type ScratchDatabase } from '../support/databases.js';
import { HAVE_PGBOUNCER, PGBOUNCER_BIN, startPgBouncer, type PgBouncer } from '../support/pgbouncer.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../support/server.js';
import { SlideStreamClient } from '../support/sse-client.js';
import { reportTiming, timeUntil } from './fault-kit.js';

if (TEST_DATABASE_URL && !HAVE_PGBOUNCER) {
  const notice = `PgBouncer not found at ${PGBOUNCER_BIN} (apt-get install pgbouncer): its tests are SKIPPED`;
  if (process.env.CI === 'true') throw new Error(notice);
  console.warn(`\n!!! ${notice} !!!\n`);
}

async function health(url: string): Promise<{ status: number; body: HealthBody }> {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: (await res.json()) as HealthBody };
}

// Real PgBouncer, Debian's package, as a child process on its own port, in front of the test Postgres.
describe.skipIf(!TEST_DATABASE_URL || !HAVE_PGBOUNCER)('Podium behind real PgBouncer', () => {
  let scratch: ScratchDatabase;
  const bouncers: PgBouncer[] = [];
  const servers: TestServer[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const bouncer of bouncers) await bouncer.stop();
    await scratch?.drop();
  });

  it('transaction mode: /healthz turns 503 within 10 s, naming the pooler, and the log says so once', async () => {
    const bouncer = await startPgBouncer(scratch.url, 'transaction');
    bouncers.push(bouncer);
    const lines: string[] = [];
    const { pino } = await import('pino');
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const started = performance.now();
    const server = await startTestServer({
      driver: 'postgres',
      shared: scratch,
      databaseUrl: bouncer.url,
      limits: NO_RATE_LIMITS,
      logger,
    });
    servers.push(server);
    const turned = await timeUntil(async () => (await health(server.url)).status === 503, 10_000, '/healthz 503');
    const { body } = await health(server.url);
    expect(body.notifications).toBe('not_arriving');
    expect(body.reason).toMatch(/transaction-mode pooler such as PgBouncer/);
    // Still deaf a while later, and said once at error level, not once per probe.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await health(server.url)).status).toBe(503);
    const errors = lines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((l) => l.level >= 50);
    expect(errors.filter((l) => /notifications are not arriving/.test(l.msg))).toHaveLength(1);
    reportTiming('pgbouncer transaction mode: start -> /healthz 503', Math.round(performance.now() - started));
    reportTiming('pgbouncer transaction mode: ready -> /healthz 503', turned);
  });

  it('session mode: slide changes reach streams and /healthz stays 200', async () => {
    const bouncer = await startPgBouncer(scratch.url, 'session');
    bouncers.push(bouncer);
    const server = await startTestServer({
      driver: 'postgres',
      shared: scratch,
      databaseUrl: bouncer.url,
      limits: NO_RATE_LIMITS,
      hearingTimings: { probeIntervalMs: 300, probeDeadlineMs: 1500 },
    });
    servers.push(server);
    const created = await server.createDeck(SAMPLE_DECK);
    const client = new SlideStreamClient(`${server.url}/api/decks/${created.deck.id}/events`);
    try {
      await client.waitForVersion(1);
      expect((await server.putSlide(created.deck.id, created.presenterKey, 2)).status).toBe(200);
      await client.waitForVersion(2);
      expect(client.latest?.index).toBe(2);
      // Several probe deadlines pass: every probe came back.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const { status, body } = await health(server.url);
      expect(body).toMatchObject({ status: 'ok', notifications: 'arriving' });
      expect(status).toBe(200);
    } finally {
      client.close();
    }
  });
});
