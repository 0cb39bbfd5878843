import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SetSlideResponse } from '../../shared/protocol.js';
import { DRIVERS } from '../support/databases.js';
import { parseRemoteLink, spawnPodium, type PodiumProcess } from '../support/process.js';
import { fetchState } from '../support/server.js';
import { SlideStreamClient } from '../support/sse-client.js';
import { processStorage, reportTiming, timeUntil } from './fault-kit.js';

/** PUTs to changing slides, one at a time, until a request fails; resolves with the last 200 answer. */
async function putUntilDead(url: string, deckId: string, key: string, answered: SetSlideResponse[]): Promise<void> {
  for (let i = 1; ; i += 1) {
    let res: Response;
    try {
      res = await fetch(`${url}/api/decks/${deckId}/slide`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
        body: JSON.stringify({ index: i % 5 }),
      });
    } catch {
      return;
    }
    if (res.status !== 200) throw new Error(`PUT answered ${res.status}`);
    answered.push((await res.json()) as SetSlideResponse);
  }
}

describe.each(DRIVERS)('Podium killed with SIGKILL on %s, restarted on the same data', (driver) => {
  it(
    'keeps every PUT that was answered 200; clients reconnect by themselves and land on the current slide',
    { timeout: 60_000 },
    async () => {
      const store = await processStorage(driver);
      const env = { ...store.env, PODIUM_RATE_LIMIT: 'off' };
      const clients: SlideStreamClient[] = [];
      let second: PodiumProcess | undefined;
      try {
        const first = await spawnPodium(env);
        const { deckId, key } = parseRemoteLink(first.remote);
        for (let i = 0; i < 3; i += 1) clients.push(new SlideStreamClient(`${first.url}/api/decks/${deckId}/events`));
        await Promise.all(clients.map((c) => c.waitFor(() => true)));

        const answered: SetSlideResponse[] = [];
        const putting = putUntilDead(first.url, deckId, key, answered);
        await timeUntil(() => answered.length >= 20, 10_000, '20 answered PUTs');
        first.proc.kill('SIGKILL');
        await putting;
        await first.exited;
        const killedAt = performance.now();
        if (store.dataDir)
          expect(await readFile(join(store.dataDir, 'podium.lock'), 'utf8')).toBe(String(first.proc.pid));

        second = await spawnPodium({ ...env, PORT: new URL(first.url).port });
        const restarted = Math.round(performance.now() - killedAt);
        // The lock the killed process left behind names a dead pid: it is taken over, not obeyed.
        if (store.dataDir)
          expect(await readFile(join(store.dataDir, 'podium.lock'), 'utf8')).toBe(String(second.proc.pid));

        const last = answered.at(-1)!;
        const state = await fetchState(second.url, deckId);
        // Everything answered is there; at most the one PUT in flight at the kill also landed.
        expect(state.version).toBeGreaterThanOrEqual(last.version);
        expect(state.version).toBeLessThanOrEqual(last.version + 1);
        if (state.version === last.version) expect(state.index).toBe(last.index);

        await timeUntil(
          () => clients.every((c) => c.latest?.version === state.version),
          10_000,
          'clients on the current slide',
        );
        const landed = Math.round(performance.now() - killedAt);
        for (const client of clients) expect(client.errors).toBeGreaterThan(0);
        const after = await fetch(`${second.url}/api/decks/${deckId}/slide`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
          body: JSON.stringify({ index: (state.index + 1) % 5 }),
        });
        expect(after.status).toBe(200);
        reportTiming(
          `SIGKILL on ${driver}: kill -> restarted process ready (${answered.length} PUTs answered before)`,
          restarted,
        );
        reportTiming(`SIGKILL on ${driver}: kill -> every client back on the current slide`, landed);
      } finally {
        for (const client of clients) client.close();
        await second?.stop();
        await store.cleanup();
      }
    },
  );
});
