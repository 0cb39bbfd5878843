/**
 * Room part 1, the reactions storm: every viewer (spread over two Podium processes) taps a
 * reaction once a second for S seconds. Postgres should see at most processes x flush rate
 * upserts and NOTIFYs a second whatever the audience; the remote (presenter key, other
 * process) sees each tap in its aggregate soon after the tap's 202.
 */
import { REACTION_NAMES, type ReactionsEventData } from '../shared/room-protocol.js';
import { REACTION_FLUSH_MS } from '../server/room/reaction-counter.js';
import { eventually } from '../test/support/sse-client.js';
import type { RoomStage } from './room-stage.js';
import { delaysToTotals, idlePutToEvent, spreadOver, underLoad, type PgCounters, type PgRates } from './room-window.js';
import { round, spread, type Spread } from './stats.js';

/** Settings of one storm. */
export interface ReactionStormOptions {
  seconds: number;
  /** Slide changes timed idle before the storm. */
  idleChanges: number;
  /** Pause between timed slide changes, ms. */
  gapMs: number;
  timeoutMs: number;
}

/** What one storm measured. */
export interface ReactionStormFigures {
  viewers: number;
  streams: { ok: number; failed: number };
  seconds: number;
  taps: { sent: number; answered: number; refused: Record<string, number>; failed: number };
  tapsPerSecond: number;
  pg: PgRates;
  /** Flushes (one upsert statement and one NOTIFY each) allowed a second: 2 processes x 1000 / REACTION_FLUSH_MS. */
  flushLimitPerSecond: number;
  /**
   * Whether reaction NOTIFYs/s stayed within flushLimitPerSecond and rows written to
   * deck_reactions within it times the reaction names (one upsert writes a row per name tapped).
   */
  withinFlushLimit: boolean;
  /** From a tap's 202 to the remote's aggregate including it, ms. */
  tapToRemote: Spread;
  /** The remote's last total, which should equal `taps.answered`. */
  remoteTotal: number;
  putToEvent: { idle: Spread; storm: Spread; ratio: number };
  /**
   * Memory of both processes per viewer, KB, over the same before any stream: with the plain
   * streams open, and after the storm (each after a full collection). RSS keeps what the
   * allocator took at the storm's peak; the heap is what is still held.
   */
  rssPerStreamKb: number;
  rssPerViewerKb: number;
  heapPerStreamKb: number;
  heapPerViewerKb: number;
}

/** Runs the storm on a stage whose phones and streams are open. */
export async function measureReactionStorm(
  stage: RoomStage,
  counters: PgCounters,
  options: ReactionStormOptions,
): Promise<ReactionStormFigures> {
  const viewers = stage.phones.length;
  const idle = await idlePutToEvent(stage, options.idleChanges, options.gapMs);
  const answered: number[] = [];
  const refused: Record<string, number> = {};
  let failed = 0;
  const window = await underLoad(stage, counters, options.gapMs, () =>
    spreadOver(viewers * options.seconds, options.seconds, async (i) => {
      const phone = stage.phones[i % viewers];
      const reaction = REACTION_NAMES[i % REACTION_NAMES.length];
      try {
        const answer = await phone?.request('POST', `${stage.deckPath}/reactions`, { reaction });
        if (answer?.status === 202) answered.push(performance.now());
        else refused[String(answer?.status)] = (refused[String(answer?.status)] ?? 0) + 1;
      } catch {
        failed += 1; // A connection the loaded machine dropped: counted, not retried.
      }
    }),
  );
  const totals = () => stage.remote.timed<ReactionsEventData>('reactions');
  await eventually(() => (totals().at(-1)?.data.version ?? 0) >= answered.length, options.timeoutMs, '').catch(
    () => undefined,
  );
  const events = totals().map((event) => ({ at: event.at, total: event.data.version }));
  const { delays } = delaysToTotals(answered, events);
  const after = await stage.measureMemory();
  const flushLimitPerSecond = (2 * 1000) / REACTION_FLUSH_MS;
  const kb = (bytes: number) => round(bytes / 1024 / Math.max(1, viewers), 1);
  const storm = window.putToEvent;
  return {
    viewers,
    streams: stage.streams,
    seconds: window.seconds,
    taps: { sent: viewers * options.seconds, answered: answered.length, refused, failed },
    tapsPerSecond: round(answered.length / window.seconds, 1),
    pg: window.pg,
    flushLimitPerSecond,
    withinFlushLimit:
      window.pg.reactionRowsPerSecond <= flushLimitPerSecond * REACTION_NAMES.length &&
      window.pg.notifiesPerSecond.reactions <= flushLimitPerSecond,
    tapToRemote: spread(delays),
    remoteTotal: events.at(-1)?.total ?? 0,
    putToEvent: { idle, storm, ratio: round(storm.p99 / idle.p99, 2) },
    rssPerStreamKb: kb(stage.memory.streams.rss - stage.memory.idle.rss),
    rssPerViewerKb: kb(after.rss - stage.memory.idle.rss),
    heapPerStreamKb: kb(stage.memory.streams.heap - stage.memory.idle.heap),
    heapPerViewerKb: kb(after.heap - stage.memory.idle.heap),
  };
}
