import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetSlideResponse } from '../../shared/protocol.js';
import { createScratchDatabase, TEST_DATABASE_URL, type ScratchDatabase } from '../support/databases.js';
import { parseRemoteLink, spawnPodium, type PodiumProcess } from '../support/process.js';
import { fetchState } from '../support/server.js';
import { openStreams, SlideStreamClient } from '../support/sse-client.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { checkHistory, reportTiming, timeUntil } from './fault-kit.js';

const STREAMS = 30;
const PUTS = 80;

describe.skipIf(!TEST_DATABASE_URL)('three Podium processes on one Postgres, behind a round-robin balancer', () => {
  let scratch: ScratchDatabase;
  let instances: PodiumProcess[] = [];
  let balancer: TcpProxy;
  let clients: SlideStreamClient[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    instances = await Promise.all(
      [0, 1, 2].map(() => spawnPodium({ DATABASE_URL: scratch.url, PODIUM_RATE_LIMIT: 'off' })),
    );
    balancer = await TcpProxy.start(instances.map((p) => ({ host: '127.0.0.1', port: Number(new URL(p.url).port) })));
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all(instances.map((p) => p.stop()));
    await balancer?.close();
    await scratch?.drop();
  });

  it(
    'every stream ends on the same final version, also after one process is SIGKILLed mid-run',
    { timeout: 60_000 },
    async () => {
      const { deckId, key } = parseRemoteLink(instances[0]!.remote);
      clients = Array.from(
        { length: STREAMS },
        () => new SlideStreamClient(`http://127.0.0.1:${balancer.port}/api/decks/${deckId}/events`),
      );
      await Promise.all(clients.map((c) => c.waitFor(() => true)));
      const spread = await Promise.all(instances.map((p) => openStreams(p.url)));
      expect(spread.every((n) => n === STREAMS / 3)).toBe(true);

      const committed = new Map<number, number>();
      const live = new Set(instances);
      let sent = 0;
      let killedAt = 0;
      const victim = instances[1]!;
      const remote = async () => {
        while (sent < PUTS) {
          sent += 1;
          if (sent === PUTS / 2) {
            victim.proc.kill('SIGKILL');
            live.delete(victim);
            killedAt = performance.now();
          }
          const target = [...live][Math.floor(Math.random() * live.size)]!;
          try {
            const res = await fetch(`${target.url}/api/decks/${deckId}/slide`, {
              method: 'PUT',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
              body: JSON.stringify({ index: Math.floor(Math.random() * 6) }),
            });
            expect(res.status).toBe(200);
            const answer = (await res.json()) as SetSlideResponse;
            committed.set(answer.version, answer.index);
          } catch (err) {
            // Only a PUT that was in flight to the killed process may fail.
            if (target !== victim) throw err;
          }
        }
      };
      await Promise.all([remote(), remote(), remote(), remote()]);
      await victim.exited;

      const final = await fetchState(instances[0]!.url, deckId);
      const converged = await timeUntil(
        () => clients.every((c) => c.latest?.version === final.version),
        10_000,
        'every stream on the final version',
      );
      for (const client of clients) expect(checkHistory(client.events, committed)).toBeNull();
      // The killed process's viewers lost their connection and came back through the balancer.
      const reconnected = clients.filter((c) => c.errors > 0).length;
      expect(reconnected).toBeGreaterThanOrEqual(STREAMS / 3);
      const survivors = instances.filter((p) => p !== victim);
      expect((await Promise.all(survivors.map((p) => openStreams(p.url)))).reduce((a, b) => a + b, 0)).toBe(STREAMS);
      reportTiming(
        `many instances: ${reconnected} viewers reconnected; kill -> all ${STREAMS} on version ${final.version}`,
        Math.round(performance.now() - killedAt),
      );
      reportTiming('many instances: last PUT answered -> every stream on the final version', converged);
    },
  );
});
