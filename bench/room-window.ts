/**
 * What a room phase measures around its load: Postgres's own counters of the scratch database
 * (pg_stat_database, pg_stat_user_tables, and the NOTIFYs a LISTEN client hears), and the
 * presenter's slide changes timed PUT-to-event meanwhile, against the same measured idle.
 */
import pg from 'pg';
import { DECK_CHANNEL } from '../server/store/deck-notification.js';
import { sleep } from './clock.js';
import type { RoomStage } from './room-stage.js';
import { round, spread, type Spread } from './stats.js';

/** The NOTIFYs the room phases tell apart, by their payload's first key. */
const NOTIFY_KINDS = ['reactions', 'questions', 'poll', 'other'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

/** Backends report to the statistics collector at most once a second: wait this long before the last reading. */
const STATS_SETTLE_MS = 1500;

/** Counters of the scratch database at one moment. */
interface PgCounts {
  commits: number;
  /** Rows inserted, updated or deleted in the database. */
  rows: number;
  /** Rows inserted or updated in deck_reactions. */
  reactionRows: number;
  notifies: Record<NotifyKind, number>;
}

/**
 * Postgres writes during a window, per second of its load. NOTIFYs count those heard during the
 * load; commits and rows also count the writes just after it (the last flushes of batched votes
 * and taps), which weigh only in very short windows.
 */
export interface PgRates {
  commitsPerSecond: number;
  rowsPerSecond: number;
  reactionRowsPerSecond: number;
  notifiesPerSecond: Record<NotifyKind, number>;
}

/** Reads the scratch database's counters and counts the NOTIFYs on Podium's channel (one LISTEN client). */
export class PgCounters {
  private readonly client: pg.Client;
  private readonly notifies: Record<NotifyKind, number> = { reactions: 0, questions: 0, poll: 0, other: 0 };

  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url, application_name: 'podium_bench_room' });
  }

  async connect(): Promise<void> {
    await this.client.connect();
    this.client.on('notification', (message) => {
      let kind: NotifyKind = 'other';
      try {
        const payload = JSON.parse(message.payload ?? '{}') as Record<string, unknown>;
        kind = NOTIFY_KINDS.find((name) => name in payload) ?? 'other';
      } catch {
        // Not JSON: counted as other.
      }
      this.notifies[kind] += 1;
    });
    await this.client.query(`LISTEN ${DECK_CHANNEL}`);
  }

  /** The NOTIFYs heard so far, by kind. */
  heard(): Record<NotifyKind, number> {
    return { ...this.notifies };
  }

  async read(): Promise<PgCounts> {
    await this.client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await this.client.query<{ commits: string; rows: string; reaction_rows: string }>(
      `SELECT xact_commit::text AS commits, (tup_inserted + tup_updated + tup_deleted)::text AS rows,
         (SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0) FROM pg_stat_user_tables WHERE relname = 'deck_reactions')::text AS reaction_rows
       FROM pg_stat_database WHERE datname = current_database()`,
    );
    const row = rows[0];
    return {
      commits: Number(row?.commits ?? 0),
      rows: Number(row?.rows ?? 0),
      reactionRows: Number(row?.reaction_rows ?? 0),
      notifies: { ...this.notifies },
    };
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** A window of load: what the load returned, how long it ran, Postgres's rates and PUT-to-event meanwhile. */
export interface LoadWindow<T> {
  result: T;
  seconds: number;
  pg: PgRates;
  putToEvent: Spread;
}

/** `changes` slide changes one after another, `gapMs` apart, with nothing else going on: PUT-to-event. */
export async function idlePutToEvent(stage: RoomStage, changes: number, gapMs: number): Promise<Spread> {
  const samples: number[] = [];
  for (let i = 0; i < changes; i += 1) {
    samples.push(await stage.putToEvent());
    await sleep(gapMs);
  }
  return spread(samples);
}

/** Runs `load` while the presenter changes slides every `gapMs` (timed PUT-to-event), and reads Postgres's counters around it. */
export async function underLoad<T>(
  stage: RoomStage,
  counters: PgCounters,
  gapMs: number,
  load: () => Promise<T>,
): Promise<LoadWindow<T>> {
  const before = await counters.read();
  const started = performance.now();
  let done = false;
  const samples: number[] = [];
  const probe = (async () => {
    while (!done) {
      samples.push(await stage.putToEvent());
      await sleep(gapMs);
    }
  })();
  let result: T;
  try {
    result = await load();
  } finally {
    done = true;
    await probe;
  }
  const seconds = (performance.now() - started) / 1000;
  // NOTIFYs are heard as they happen: those of the window only. Table counters need time to arrive.
  const heard = counters.heard();
  await sleep(STATS_SETTLE_MS);
  const after = await counters.read();
  const rate = (value: number) => round(value / seconds, 1);
  const notifiesPerSecond = Object.fromEntries(
    NOTIFY_KINDS.map((kind) => [kind, rate(heard[kind] - before.notifies[kind])]),
  ) as Record<NotifyKind, number>;
  return {
    result,
    seconds: round(seconds, 2),
    pg: {
      commitsPerSecond: rate(after.commits - before.commits),
      rowsPerSecond: rate(after.rows - before.rows),
      reactionRowsPerSecond: rate(after.reactionRows - before.reactionRows),
      notifiesPerSecond,
    },
    putToEvent: spread(samples),
  };
}

/** Spreads `count` actions evenly over `seconds` from now: calls `act(i)` at its time; resolves when all have settled. */
export async function spreadOver(count: number, seconds: number, act: (i: number) => Promise<void>): Promise<void> {
  const start = performance.now();
  const running: Array<Promise<void>> = [];
  for (let i = 0; i < count; i += 1) {
    const due = start + (i / count) * seconds * 1000;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    running.push(act(i));
  }
  await Promise.all(running);
}

/**
 * Each answer (times in any order) is on the remote once an event's running total covers it:
 * the i-th answer by time needs a total of at least i + 1 (totals only grow). Returns the
 * delays (0 when the event came first) and how many answers no event covered.
 */
export function delaysToTotals(
  answers: number[],
  events: ReadonlyArray<{ at: number; total: number }>,
): { delays: number[]; missing: number } {
  const sorted = [...answers].sort((x, y) => x - y);
  const delays: number[] = [];
  let event = 0;
  sorted.forEach((at, i) => {
    while (event < events.length && (events[event]?.total ?? 0) < i + 1) event += 1;
    const shown = events[event];
    if (shown) delays.push(Math.max(0, shown.at - at));
  });
  return { delays, missing: sorted.length - delays.length };
}
