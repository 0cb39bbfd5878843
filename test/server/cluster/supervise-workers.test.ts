import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { workerCount } from '../../../server/cluster/supervise-workers.js';
import { createScratchDatabase, TEST_DATABASE_URL, type ScratchDatabase } from '../../support/databases.js';
import { parseRemoteLink, spawnPodium, type PodiumProcess } from '../../support/process.js';
import { eventually, SlideStreamClient } from '../../support/sse-client.js';

/** Process ids whose parent is `pid`, from /proc. */
function children(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

describe('workerCount', () => {
  it('defaults to every core on Postgres and to one on PGlite, and refuses what cannot work', () => {
    expect(workerCount({}, true)).toBe(1);
    expect(workerCount({}, false)).toBeGreaterThanOrEqual(1);
    expect(workerCount({ PODIUM_WORKERS: '3' }, false)).toBe(3);
    expect(workerCount({ PODIUM_WORKERS: ' 1 ' }, true)).toBe(1);
    expect(() => workerCount({ PODIUM_WORKERS: '2' }, true)).toThrow(/needs DATABASE_URL/);
    expect(() => workerCount({ PODIUM_WORKERS: 'many' }, false)).toThrow(/PODIUM_WORKERS/);
    expect(() => workerCount({ PODIUM_WORKERS: '0' }, false)).toThrow(/PODIUM_WORKERS/);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('PODIUM_WORKERS=2 on real Postgres', () => {
  let scratch: ScratchDatabase | undefined;
  let podium: PodiumProcess | undefined;
  const clients: SlideStreamClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.close();
    await podium?.stop('SIGTERM', 10_000);
    await scratch?.drop();
  });

  it('serves one port from two workers, replaces a killed one, and viewers end on the last change', async () => {
    scratch = await createScratchDatabase();
    podium = await spawnPodium({ DATABASE_URL: scratch.url, PODIUM_WORKERS: '2', LOG_LEVEL: 'info' }, [], 60_000);
    const primary = podium.proc.pid ?? 0;
    const listening = () => podium?.output().match(/worker listening/g)?.length ?? 0;
    await eventually(() => listening() === 2, 30_000, 'two workers listening');
    await eventually(() => children(primary).length === 2, 10_000, 'two worker processes');
    const { deckId, key } = parseRemoteLink(podium.remote);
    const events = `${podium.url}/api/decks/${deckId}/events`;
    for (let i = 0; i < 6; i += 1) clients.push(new SlideStreamClient(events));
    await Promise.all(clients.map((client) => client.waitFor(() => true, 10_000)));

    const [victim] = children(primary);
    process.kill(victim as number, 'SIGKILL');
    await eventually(
      () => {
        const now = children(primary);
        return now.length === 2 && !now.includes(victim as number);
      },
      20_000,
      'a replacement worker',
    );

    const answer = await fetch(`${podium.url}/api/decks/${deckId}/slide`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({ index: 1 }),
    });
    expect(answer.status).toBe(200);
    const { version } = (await answer.json()) as { version: number };
    await Promise.all(clients.map((client) => client.waitForVersion(version, 20_000)));
    expect(podium.output()).not.toMatch(/Podium is running at[\s\S]*Podium is running at/);
  }, 90_000);
});
