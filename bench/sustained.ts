import { nowMs, sleep } from './clock.js';
import { httpJson, httpRequest } from './http-client.js';
import type { LoadPool } from './load-pool.js';
import type { PgConnectionMonitor } from './pg-monitor.js';
import type { BenchServer } from './servers.js';
import { spread, type Spread } from './stats.js';

/** Settings of the sustained-changes phase. */
export interface SustainedOptions {
  decks: number;
  streams: number;
  seconds: number;
  /** Changes in flight at once. */
  concurrency: number;
  timeoutMs: number;
}

/** Slide changes per second that Podium kept up, with streams open on every deck. */
export interface SustainedFigures {
  decks: number;
  streams: number;
  seconds: number;
  /** Changes answered 200 per second. */
  changesPerSecond: number;
  changes: number;
  /** Changes answered otherwise (or not at all). */
  failures: number;
  /** PUT round trip, ms. */
  putLatency: Spread;
  /** Streams that did not end on their deck's last state. */
  missing: number;
  pgConnections: number | null;
}

const DECK = Array.from({ length: 5 }, (_, i) => `# Slide ${i + 1}\n\nBench deck.`).join('\n---\n');

interface BenchDeck {
  id: string;
  key: string;
  index: number;
  version: number;
}

/** Creates `count` decks over the API (each answers with its presenter key). */
async function createDecks(server: BenchServer, count: number): Promise<BenchDeck[]> {
  const decks: BenchDeck[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await httpJson<{ deck: { id: string; version: number }; presenterKey: string }>(
      'POST',
      `${server.url}/api/decks`,
      { markdown: DECK, title: `bench ${i}` },
      {},
      201,
    );
    decks.push({ id: created.deck.id, key: created.presenterKey, index: 0, version: created.deck.version });
  }
  return decks;
}

/** Creates decks, opens streams on all of them, then PUTs changes round robin for `seconds` with `concurrency` in flight. */
export async function measureSustained(
  server: BenchServer,
  pool: LoadPool,
  options: SustainedOptions,
  monitor?: PgConnectionMonitor,
): Promise<SustainedFigures> {
  const decks = await createDecks(server, options.decks);
  const paths = decks.map((deck) => `/api/decks/${deck.id}/events`);
  const opened = await pool.open('127.0.0.1', server.port, paths, options.streams, 256);
  if (opened.failed > 0) throw new Error(`sustained: ${opened.failed} streams failed to open`);
  await sleep(500);
  monitor?.start();
  const latencies: number[] = [];
  let changes = 0;
  let failures = 0;
  let next = 0;
  const started = nowMs();
  const end = started + options.seconds * 1000;
  const worker = async () => {
    while (nowMs() < end) {
      const deck = decks[next++ % decks.length] as BenchDeck;
      const index = (deck.index + 1) % 5;
      deck.index = index;
      const sent = nowMs();
      const answer = await httpRequest(
        'PUT',
        `${server.url}/api/decks/${deck.id}/slide`,
        { index },
        {
          Authorization: `Bearer ${deck.key}`,
        },
      ).catch(() => ({ status: 0, body: '' }));
      latencies.push(nowMs() - sent);
      if (answer.status !== 200) {
        failures += 1;
        continue;
      }
      changes += 1;
      deck.version = Math.max(deck.version, (JSON.parse(answer.body) as { version: number }).version);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = (nowMs() - started) / 1000;
  const pgConnections = monitor ? await monitor.stop() : null;
  const targets = Object.fromEntries(decks.map((deck, i) => [paths[i] as string, deck.version]));
  const { missing } = await (await pool.arm(targets, options.timeoutMs)).receipts;
  await pool.close();
  return {
    decks: options.decks,
    streams: opened.ok,
    seconds: Math.round(elapsed * 10) / 10,
    changesPerSecond: Math.round(changes / elapsed),
    changes,
    failures,
    putLatency: spread(latencies),
    missing,
    pgConnections,
  };
}
