/**
 * `npm run soak`: random slide changes on many decks, hundreds of open streams, several Podium
 * instances on one scratch Postgres database reached through a TCP proxy, while the listener is
 * killed and Postgres is "restarted" (every connection cut, then refused for a while), frozen,
 * half-open or terminated at random moments. The shared Postgres server itself is never touched.
 * Then every stream must end on its deck's final state, having never gone back, with each
 * version carrying its committed index; exits 1 on any divergence.
 *
 * Settings (flag or env, default): --seconds SOAK_SECONDS 120, --instances SOAK_INSTANCES 3,
 * --decks SOAK_DECKS 20, --streams SOAK_STREAMS 300, --remotes SOAK_REMOTES 8 (concurrent
 * presenters); SOAK_DATABASE_URL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test).
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { CreateDeckResponse, SetSlideResponse } from '../shared/protocol.js';
import { startPodium, type RunningPodium } from '../server/main.js';
import { NO_RATE_LIMITS } from '../server/security/limits.js';
import { LISTENER_APPLICATION_NAME } from '../server/store/pg-database.js';
import { adminQuery, checkHistory, commitDirectly, terminateBackends, timeUntil } from '../test/faults/fault-kit.js';
import { createScratchDatabase } from '../test/support/databases.js';
import { SlideStreamClient } from '../test/support/sse-client.js';
import { TcpProxy } from '../test/support/tcp-proxy.js';

const { values: flags } = parseArgs({
  options: Object.fromEntries(
    ['seconds', 'instances', 'decks', 'streams', 'remotes'].map((name) => [name, { type: 'string' }]),
  ),
});
function setting(name: string, fallback: number): number {
  const raw = flags[name] ?? process.env[`SOAK_${name.toUpperCase()}`];
  const value = raw === undefined || typeof raw !== 'string' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${String(raw)}`);
  return value;
}
const SECONDS = setting('seconds', 120);
const INSTANCES = setting('instances', 3);
const DECKS = setting('decks', 20);
const STREAMS = setting('streams', 300);
const REMOTES = setting('remotes', 8);
const BASE_URL =
  process.env.SOAK_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SLIDES = 6;

/** One open stream and the deck it follows. */
interface Stream {
  deck: SoakDeck;
  client: SlideStreamClient;
}

interface SoakDeck {
  id: string;
  key: string;
  /** Index of every version a PUT was answered 200 with (and, once seen, of every version streamed). */
  committed: Map<number, number>;
  highestAnswered: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const failures: string[] = [];
const puts = { ok: 0, unavailable: 0, other: new Map<string, number>(), slowest: 0 };

/** One presenter: PUTs a random slide of a random deck on a random instance, until `deadline`. */
async function remote(deadline: number, podiums: RunningPodium[], decks: SoakDeck[]): Promise<void> {
  while (performance.now() < deadline) {
    const deck = pick(decks);
    const started = performance.now();
    let outcome: string;
    try {
      const res = await fetch(`${pick(podiums).url}/api/decks/${deck.id}/slide`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${deck.key}` },
        body: JSON.stringify({ index: Math.floor(Math.random() * SLIDES) }),
        signal: AbortSignal.timeout(15_000),
      });
      outcome = String(res.status);
      if (res.status === 200) {
        const answer = (await res.json()) as SetSlideResponse;
        const known = deck.committed.get(answer.version);
        if (known !== undefined && known !== answer.index)
          failures.push(`deck ${deck.id}: version ${answer.version} answered with index ${known} and ${answer.index}`);
        deck.committed.set(answer.version, answer.index);
        deck.highestAnswered = Math.max(deck.highestAnswered, answer.version);
      } else {
        await res.body?.cancel();
      }
    } catch (err) {
      outcome = err instanceof Error && err.name === 'TimeoutError' ? 'hung 15 s' : `network error ${String(err)}`;
    }
    puts.slowest = Math.max(puts.slowest, performance.now() - started);
    if (outcome === '200') puts.ok += 1;
    else if (outcome === '503') puts.unavailable += 1;
    else puts.other.set(outcome, (puts.other.get(outcome) ?? 0) + 1);
    await sleep(between(5, 30));
  }
}

/** Fault injections; each resolves when its fault is over. */
function faults(proxy: TcpProxy, database: string): Record<string, () => Promise<unknown>> {
  const hold = async (mode: 'refuse' | 'stall' | 'blackhole', min: number, max: number) => {
    proxy.setMode(mode);
    if (mode === 'refuse') proxy.cut();
    await sleep(between(min, max));
    proxy.setMode('pass');
  };
  return {
    'listener killed (pg_terminate_backend)': () => terminateBackends(database, LISTENER_APPLICATION_NAME, BASE_URL),
    'every connection terminated': () => terminateBackends(database, undefined, BASE_URL),
    'restart (cut all, refuse 0.5-3 s)': () => hold('refuse', 500, 3000),
    'freeze (stall 1-6 s)': () => hold('stall', 1000, 6000),
    'half-open (open connections go silent)': () => hold('blackhole', 200, 1000),
  };
}

/**
 * Injects a random fault every 2-6 s until `deadline`. As each one ends, a change is committed
 * straight into Postgres on a random deck; records how long until every stream of that deck has it.
 */
async function chaos(
  deadline: number,
  decks: SoakDeck[],
  streams: Stream[],
  proxy: TcpProxy,
  database: string,
): Promise<Map<string, number[]>> {
  const actions = faults(proxy, database);
  const catchUps = new Map<string, number[]>();
  for (;;) {
    await sleep(between(2000, 6000));
    if (performance.now() > deadline - 8000) return catchUps;
    const kind = pick(Object.keys(actions));
    await actions[kind]!();
    const deck = pick(decks);
    const marker = await commitDirectly(database, deck.id, Math.floor(Math.random() * SLIDES), BASE_URL);
    deck.committed.set(marker.version, marker.index);
    deck.highestAnswered = Math.max(deck.highestAnswered, marker.version);
    const viewers = streams.filter((s) => s.deck === deck);
    try {
      const ms = await timeUntil(
        () => viewers.every((s) => (s.client.latest?.version ?? 0) >= marker.version),
        20_000,
        'the marker change',
      );
      catchUps.set(kind, [...(catchUps.get(kind) ?? []), ms]);
    } catch {
      failures.push(`after "${kind}", a change committed as it ended had not reached every viewer 20 s later`);
    }
  }
}

async function reconnectsOf(podium: RunningPodium): Promise<number> {
  const text = await (await fetch(`${podium.url}/metrics`)).text();
  return Number(/^podium_listener_reconnects_total (\d+)/m.exec(text)?.[1] ?? 0);
}

async function main(): Promise<void> {
  console.log(
    `soak: ${SECONDS} s, ${INSTANCES} instances, ${DECKS} decks, ${STREAMS} streams, ${REMOTES} concurrent presenters`,
  );
  const scratch = await createScratchDatabase(BASE_URL);
  const target = new URL(scratch.url);
  const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
  const podiums: RunningPodium[] = [];
  const streams: Stream[] = [];
  try {
    for (let i = 0; i < INSTANCES; i += 1) {
      podiums.push(
        await startPodium({
          port: 0,
          databaseUrl: proxy.rewrite(scratch.url),
          logger: pino({ level: 'silent' }),
          limits: NO_RATE_LIMITS,
        }),
      );
    }
    const markdown = Array.from({ length: SLIDES }, (_, i) => `# Slide ${i + 1}`).join('\n---\n');
    const decks: SoakDeck[] = [];
    for (let i = 0; i < DECKS; i += 1) {
      const res = await fetch(`${podiums[0]!.url}/api/decks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ markdown }),
      });
      const created = (await res.json()) as CreateDeckResponse;
      decks.push({ id: created.deck.id, key: created.presenterKey, committed: new Map([[1, 0]]), highestAnswered: 1 });
    }
    for (let i = 0; i < STREAMS; i += 1) {
      const deck = decks[i % DECKS]!;
      streams.push({
        deck,
        client: new SlideStreamClient(`${podiums[i % INSTANCES]!.url}/api/decks/${deck.id}/events`),
      });
    }
    await Promise.all(streams.map(({ client }) => client.waitFor(() => true, 30_000)));
    console.log(
      `ready: scratch database ${scratch.name} behind TCP proxy :${proxy.port}; every stream has its first state`,
    );

    const deadline = performance.now() + SECONDS * 1000;
    const [catchUps] = await Promise.all([
      chaos(deadline, decks, streams, proxy, scratch.name),
      ...Array.from({ length: REMOTES }, () => remote(deadline, podiums, decks)),
    ]);
    proxy.setMode('pass');
    const settled = performance.now();
    await timeUntil(() => podiums.every((p) => p.listener.connected), 20_000, 'every listener back').catch(() =>
      failures.push('a listener never came back'),
    );

    const finals = new Map(
      (
        await adminQuery<{ id: string; current_index: number; version: number }>(
          'SELECT id, current_index, version FROM decks',
          [],
          scratch.name,
          BASE_URL,
        )
      ).map((row) => [row.id, row]),
    );
    const onFinal = ({ deck, client }: Stream) =>
      client.latest?.version === finals.get(deck.id)?.version &&
      client.latest?.index === finals.get(deck.id)?.current_index;
    const converged = await timeUntil(() => streams.every(onFinal), 10_000, 'streams on the final states').catch(
      () => NaN,
    );

    for (const deck of decks) {
      const final = finals.get(deck.id)!;
      if (final.version < deck.highestAnswered)
        failures.push(
          `LOST: deck ${deck.id} is at version ${final.version}, but version ${deck.highestAnswered} was answered 200`,
        );
      const answered = deck.committed.get(final.version);
      if (answered !== undefined && answered !== final.current_index)
        failures.push(
          `deck ${deck.id}: final version ${final.version} has index ${final.current_index}, answered ${answered}`,
        );
    }
    let events = 0;
    for (const stream of streams) {
      events += stream.client.events.length;
      const problem = checkHistory(stream.client.events, stream.deck.committed);
      if (problem) failures.push(`OUT OF ORDER: a stream of deck ${stream.deck.id}: ${problem}`);
      if (!onFinal(stream))
        failures.push(
          `STUCK: a stream of deck ${stream.deck.id} ends on ${JSON.stringify(stream.client.latest)}, the deck on version ${finals.get(stream.deck.id)?.version}`,
        );
    }
    const dropped = streams.filter(({ client }) => client.errors > 0).length;
    if (dropped > 0)
      failures.push(
        `${dropped} streams were dropped and had to reconnect (they should stay open through database faults)`,
      );

    console.log('\nfaults injected (catch-up = a change committed as the fault ended -> on every viewer of its deck):');
    for (const [kind, times] of catchUps)
      console.log(
        `  ${String(times.length).padStart(3)} x ${kind}: catch-up max ${seconds(Math.max(...times))}, mean ${seconds(times.reduce((a, b) => a + b, 0) / times.length)}`,
      );
    const reconnects = (await Promise.all(podiums.map(reconnectsOf))).reduce((a, b) => a + b, 0);
    console.log(`listener reconnects (podium_listener_reconnects_total, all instances): ${reconnects}`);
    const other = [...puts.other].map(([what, n]) => `${n} ${what}`).join(', ') || 'none';
    console.log(
      `PUTs: ${puts.ok} answered 200, ${puts.unavailable} answered 503 during faults, other: ${other}; slowest answer ${seconds(puts.slowest)}`,
    );
    for (const [what] of puts.other)
      if (!/^503$/.test(what)) failures.push(`PUT outcome that should not happen: ${what}`);
    const versions = [...finals.values()].reduce((sum, row) => sum + row.version - 1, 0);
    console.log(
      `slide changes committed: ${versions} over ${DECKS} decks; ${events} slide events received by ${STREAMS} streams`,
    );
    console.log(
      'checked: no deck below a version answered 200; every stream never went back and saw each version with its committed index;',
    );
    console.log(
      `         every stream ends on its deck's final state (${seconds(converged)} after the last fault); no stream dropped (${dropped})`,
    );
    console.log(`faults over -> all converged in ${seconds(performance.now() - settled)}`);
  } finally {
    for (const { client } of streams) client.close();
    await Promise.all(podiums.map((p) => p.close()));
    await proxy.close();
    await scratch.drop();
  }
  if (failures.length > 0) {
    console.log(`\nFAILED: ${failures.length} divergences`);
    for (const failure of failures.slice(0, 50)) console.log(`  ${failure}`);
    process.exitCode = 1;
  } else {
    console.log('\nOK: nothing lost, nothing out of order');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
