import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, HealthBody } from '../../shared/protocol.js';
import { createScratchDatabase, TEST_DATABASE_URL, type ScratchDatabase } from '../support/databases.js';
import { spawnPodium, type PodiumProcess } from '../support/process.js';
import { SAMPLE_DECK } from '../support/server.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { reportTiming, timeUntil } from './fault-kit.js';
import { freePort } from '../support/free-port.js';

async function healthOf(base: string): Promise<{ status: number; body: HealthBody } | null> {
  try {
    const res = await fetch(`${base}/healthz`);
    return { status: res.status, body: (await res.json()) as HealthBody };
  } catch {
    return null; // Not listening (yet).
  }
}

// PGlite is in-process and opens at once; only a database across a network can be missing at start.
describe.skipIf(!TEST_DATABASE_URL)('a process started before its database waits for it', () => {
  let scratch: ScratchDatabase;
  let proxy: TcpProxy;
  let podium: PodiumProcess | undefined;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const target = new URL(scratch.url);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
  });

  afterAll(async () => {
    await podium?.stop();
    await proxy?.close();
    await scratch?.drop();
  });

  it('listens at once, answers 503 meanwhile, migrates when Postgres appears, then serves', async () => {
    proxy.setMode('refuse');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const starting = spawnPodium({ DATABASE_URL: proxy.rewrite(scratch.url), PORT: String(port) }, [], 120_000);
    starting.catch(() => undefined);
    const listening = await timeUntil(async () => (await healthOf(base)) !== null, 30_000, 'the port to answer');
    const waiting = await healthOf(base);
    expect(waiting?.status).toBe(503);
    expect(waiting?.body.status).toBe('degraded');
    const refused = await fetch(`${base}/api/decks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ markdown: SAMPLE_DECK }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await refused.json()) as ErrorBody).error.code).toBe('unavailable');
    // Several backoff rounds later it is still there, still waiting.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await healthOf(base))?.status).toBe(503);

    const opened = performance.now();
    proxy.setMode('pass');
    podium = await starting;
    const healthy = await timeUntil(async () => (await healthOf(base))?.status === 200, 20_000, '/healthz 200');
    const created = await fetch(`${base}/api/decks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ markdown: SAMPLE_DECK }),
    });
    expect(created.status).toBe(201);
    reportTiming('patient start: spawn -> port answers', listening);
    reportTiming('patient start: Postgres reachable -> /healthz 200', Math.round(performance.now() - opened));
    reportTiming('patient start: links printed -> /healthz 200', healthy);
  });
});
