/**
 * A small, quick look at what issue 17 measures, for before/after ratios while the machine is
 * shared (the full `npm run bench` is long): one server from the build (`npm run build` or
 * `npx tsc -p tsconfig.build.json`, and `-p tsconfig.bench.json` for the baseline), STREAMS
 * streams opened ROUNDS times (server CPU per open, heap and RSS per stream after a forced GC),
 * then, for Podium, a sustained phase (32 presenters for SECONDS s on DECKS decks, default 1,
 * with STREAMS streams spread over them). PROF_DIR writes a CPU profile of Podium (node --cpu-prof) there. Usage:
 *   KIND=baseline ROUNDS=5 SECONDS=0 npx tsx scripts/bench-profile.ts
 *   ROUNDS=5 SECONDS=8 PROF_DIR=/tmp/prof npx tsx scripts/bench-profile.ts
 * Podium runs on a scratch database of BENCH_DATABASE_URL (default TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nowMs, sleep } from '../bench/clock.js';
import { LoadPool } from '../bench/load-pool.js';
import { cpuSeconds, rssBytes } from '../bench/proc-stats.js';
import { startNodePeer, startPodiumServer, type BenchServer } from '../bench/servers.js';
import { measureSustained } from '../bench/sustained.js';
import { median } from '../bench/stats.js';
import { createScratchDatabase } from '../test/support/databases.js';

const env = process.env;
const streams = Number(env.STREAMS ?? 2000);
const rounds = Number(env.ROUNDS ?? 3);
const seconds = Number(env.SECONDS ?? 8);
const decks = Number(env.DECKS ?? 1);
const kind = env.KIND === 'baseline' ? 'baseline' : 'podium';
const baseUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const scratch = kind === 'podium' ? await createScratchDatabase(baseUrl) : undefined;
const dataDir = await mkdtemp(join(tmpdir(), 'podium-bench-profile-'));
const server: BenchServer = scratch
  ? await startPodiumServer({
      databaseUrl: scratch.url,
      dataDir,
      env: {
        PODIUM_RATE_LIMIT: 'off',
        PODIUM_MAX_STREAMS: '1000000',
        PODIUM_MAX_STREAMS_PER_ADDRESS: '1000000',
        PODIUM_WORKERS: '1',
      },
      nodeArgs: env.PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${env.PROF_DIR}`] : [],
      compiled: true,
    })
  : await startNodePeer('baseline', true);
const pool = new LoadPool(1);
try {
  const perOpen: number[] = [];
  const heaps: number[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    await sleep(500);
    await server.collectGarbage();
    const [rss0, heap0, cpu0, t0] = [
      rssBytes(server.pid()),
      await server.heapUsed(),
      cpuSeconds(server.pid()),
      nowMs(),
    ];
    const opened = await pool.open('127.0.0.1', server.port, [server.eventsPath], streams, 256);
    const ms = nowMs() - t0;
    const cpu = ((cpuSeconds(server.pid()) - cpu0) * 1000) / opened.ok;
    await sleep(500);
    await server.collectGarbage();
    const heap = ((await server.heapUsed()) - heap0) / opened.ok / 1024;
    const rss = (rssBytes(server.pid()) - rss0) / opened.ok / 1024;
    perOpen.push(cpu);
    heaps.push(heap);
    console.log(
      `${kind} round ${round}: ${opened.ok} opened in ${ms.toFixed(0)} ms, CPU/open ${cpu.toFixed(3)} ms, ` +
        `heap/stream ${heap.toFixed(2)} KB, RSS/stream ${rss.toFixed(2)} KB`,
    );
    await pool.close();
  }
  console.log(`${kind}: median CPU/open ${median(perOpen).toFixed(3)} ms, heap/stream ${median(heaps).toFixed(2)} KB`);
  if (kind === 'podium' && seconds > 0) {
    const cpu0 = cpuSeconds(server.pid());
    const s = await measureSustained(server, pool, { decks, streams, seconds, concurrency: 32, timeoutMs: 20_000 });
    const cpu = cpuSeconds(server.pid()) - cpu0;
    console.log(
      `${decks} deck(s), ${s.streams} streams: ${s.changesPerSecond} changes/s, PUT p50 ${s.putLatency.p50.toFixed(1)} ms, ` +
        `missing ${s.missing + s.failures}, server CPU ${cpu.toFixed(2)} s (${((cpu * 1000) / Math.max(1, s.changes)).toFixed(2)} ms per change)`,
    );
  }
} finally {
  await server.stop();
  await pool.stop();
  await scratch?.drop();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(0);
