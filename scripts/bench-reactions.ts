/**
 * What reactions cost Postgres: N simulated phones (each its own viewer cookie) spread over two
 * Podium processes (each its own OS process, as the bench runs them) on one scratch Postgres
 * database, each tapping a reaction once a second for S seconds, while a stream on the first
 * process receives the aggregates.
 * Reports taps answered, the reaction upserts and NOTIFYs Postgres saw (a LISTEN client counts
 * the notifications; pg_stat_user_tables counts the rows written to deck_reactions) per second,
 * and the time from a tap's 202 to the remote's totals including it. Usage:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx scripts/bench-reactions.ts [viewers=1000] [seconds=10]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { REACTION_NAMES, type ReactionsEventData } from '../shared/room-protocol.js';
import { DECK_CHANNEL } from '../server/store/deck-notification.js';
import { startPodiumServer } from '../bench/servers.js';
import { createScratchDatabase } from '../test/support/databases.js';
import { EventRecorder, Viewer } from '../test/support/room-client.js';
import { eventually } from '../test/support/sse-client.js';

const viewers = Number(process.argv[2] ?? 1000);
const seconds = Number(process.argv[3] ?? 10);
const base = process.env.DATABASE_URL;
if (!base) throw new Error('Set DATABASE_URL to a Postgres server: the bench makes a scratch database there.');

const scratch = await createScratchDatabase(base);
const dataDir = await mkdtemp(join(tmpdir(), 'podium-bench-reactions-'));
// Rate limits off: this measures the aggregation, not the limits (a hall has one address).
const launch = { databaseUrl: scratch.url, dataDir, env: { PODIUM_RATE_LIMIT: 'off' } };
// One after the other: both serve the same demo deck, which the first one creates.
const a = await startPodiumServer(launch);
const b = await startPodiumServer(launch);
const deckPath = a.eventsPath.replace(/\/events$/, '');
const path = `${deckPath}/reactions`;

const counter = new pg.Client({ connectionString: scratch.url });
await counter.connect();
let notifies = 0;
counter.on('notification', (message) => {
  if (message.payload?.includes('"reactions"')) notifies += 1;
});
await counter.query(`LISTEN ${DECK_CHANNEL}`);
const rowsWritten = async (): Promise<number> => {
  await counter.query('SELECT pg_stat_clear_snapshot()');
  const result = await counter.query<{ n: string }>(
    "SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0)::text AS n FROM pg_stat_user_tables WHERE relname = 'deck_reactions'",
  );
  return Number(result.rows[0]?.n ?? 0);
};

// Whatever happens, the two Podium processes stop with this script.
process.once('uncaughtException', (err) => {
  console.error(err);
  void Promise.all([a.stop(), b.stop()]).finally(() => process.exit(1));
});
const remote = new EventRecorder(`${a.url}${a.eventsPath}`, ['slide', 'reactions']);
await eventually(() => remote.data('slide').length > 0, 5000, 'the stream');
const seen: Array<{ at: number; total: number }> = [];
const seenCount = { n: 0 };
const watch = setInterval(() => {
  const events = remote.data<ReactionsEventData>('reactions');
  for (const event of events.slice(seenCount.n)) seen.push({ at: performance.now(), total: event.version });
  seenCount.n = events.length;
}, 5);

const phones = Array.from({ length: viewers }, (_, i) => new Viewer((i % 2 ? b : a).url));
// Each phone gets its cookie first, so the storm measures taps, not id minting.
await Promise.all(phones.map((phone) => phone.request('POST', `${deckPath}/presence`, { live: true })));
const rowsBefore = await rowsWritten();
const notifiesBefore = notifies;
const answered: number[] = [];
let refused = 0;
const statuses = new Map<number, number>();
let failed = 0;
const started = performance.now();
const taps: Array<Promise<void>> = [];
for (let second = 0; second < seconds; second += 1) {
  phones.forEach((phone, i) => {
    const tap = async () => {
      const reaction = REACTION_NAMES[(i + second) % REACTION_NAMES.length];
      try {
        const res = await phone.request('POST', path, { reaction });
        await res.arrayBuffer();
        if (res.status === 202) answered.push(performance.now());
        else {
          refused += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      } catch {
        failed += 1; // A connection the loaded machine dropped: counted, not retried.
      }
    };
    // Spread over the second, as real taps are; nobody waits for the others.
    taps.push(new Promise((resolve) => setTimeout(resolve, second * 1000 + Math.random() * 1000)).then(tap));
  });
}
await Promise.all(taps);
const elapsed = (performance.now() - started) / 1000;
await eventually(() => seen.at(-1)?.total === answered.length, 10_000, 'the remote to see every tap');
clearInterval(watch);
await new Promise((resolve) => setTimeout(resolve, 1500)); // Postgres publishes its table counters within a second.
const rows = (await rowsWritten()) - rowsBefore;
const flushes = notifies - notifiesBefore;

// Each tap, by the order of its 202, is on the remote once an event's total covers it.
answered.sort((x, y) => x - y);
const delays: number[] = [];
let event = 0;
answered.forEach((at, i) => {
  while (event < seen.length && (seen[event]?.total ?? 0) < i + 1) event += 1;
  const shown = seen[event];
  if (shown) delays.push(Math.max(0, shown.at - at));
});
delays.sort((x, y) => x - y);
const q = (p: number) => (delays[Math.min(delays.length - 1, Math.floor(p * delays.length))] ?? NaN).toFixed(0);

remote.close();
await counter.end();
await Promise.all([a.stop(), b.stop()]);
await scratch.drop();
await rm(dataDir, { recursive: true, force: true });
console.log(
  [
    `Reactions: ${viewers} phones over 2 Podium processes on one Postgres, one tap each per second for ${seconds} s (${elapsed.toFixed(1)} s).`,
    `  taps answered 202: ${answered.length} (${(answered.length / elapsed).toFixed(0)}/s), refused: ${refused}${statuses.size ? ` (${[...statuses].map(([code, n]) => `${n} x ${code}`).join(', ')})` : ''}, failed to connect: ${failed}`,
    `  reaction upserts+NOTIFYs: ${flushes} (${(flushes / elapsed).toFixed(1)}/s; at most 2 processes x 2 flushes/s = 4/s)`,
    `  rows written to deck_reactions: ${rows} (${(rows / elapsed).toFixed(1)}/s), ${(answered.length / Math.max(1, flushes)).toFixed(0)} taps per flush`,
    `  tap (202) to the remote's totals, ms: p50 ${q(0.5)}, p99 ${q(0.99)}, max ${q(1)}`,
  ].join('\n'),
);
