import type { ServerResponse } from 'node:http';
import type { SlideEventData } from '../../shared/protocol.js';
import type { EventKind } from './event-kind.js';
import { slideKind } from './kinds/slide-kind.js';
import { chunkedFrame, HEARTBEAT_FRAME, retryFrame } from './sse-frame.js';
import { FanoutPasses, type Framed } from './fanout-passes.js';
import { StreamLimiter, type StreamRefusal } from '../security/stream-limiter.js';
import { SseStream, type SseStreamOptions } from './sse-stream.js';
import { DECK_DELETED_FRAME } from './deleted-frame.js';

/** Options of the hub; every stream shares them (defaults: PodiumOptions). */
export interface HubOptions extends SseStreamOptions {
  /** Interval of comment heartbeats, in ms. */
  heartbeatMs: number;
  /** Called with the seconds one broadcast took and how many streams it reached. */
  onBroadcast?: (seconds: number, streams: number) => void;
  /** Counts open streams against the caps; the one count of them. Default: uncapped. */
  limiter?: StreamLimiter;
  /** Most time one turn of the event loop spends writing fan-outs, ms, before it takes its I/O. Default 5. */
  fanoutSliceMs?: number;
  /** A deck changing faster than it is written pauses this many times its pass's time between passes (see FanoutPasses). Default 1. */
  fanoutPace?: number;
}

/** A change waiting for the next fan-out: the newest data of one kind for one deck. */
interface Pending {
  kind: EventKind<never>;
  data: unknown;
  version: number;
}

/** What the hub has done since it started: changes offered, fan-outs run, frames written to streams. */
export interface HubCounts {
  /** Changes offered to `broadcast` for decks with open streams. */
  changes: number;
  /** Frames built for fan-out (one per deck and kind per tick at most). */
  fanouts: number;
  /** Frames handed to streams (written, or kept as a congested stream's latest). */
  writes: number;
}

/**
 * Every open stream of this process, by deck; fans changes out in memory.
 *
 * Coalescing rule: every event kind is "latest wins". `broadcast` does not write; it keeps,
 * per deck and per kind, only the newest change (by version) and schedules one fan-out for the
 * next turn of the event loop (setImmediate). So a burst of changes within a tick costs one
 * frame and at most one write per stream per kind, and every stream still ends on the last
 * version. A fan-out writes in slices of at most `fanoutSliceMs` per turn, letting the loop take
 * its I/O in between (see FanoutPasses); a change that lands meanwhile restarts its deck's pass
 * with the newest frame, so a deck with thousands of streams changing hundreds of times a second
 * neither stalls PUTs nor writes any stream more than once per kind per slice. A stream whose
 * socket is backed up keeps only its newest frame per kind until it drains (see SseStream); one
 * that never drains is dropped.
 */
export class Hub {
  /** Counts of changes, fan-outs and writes, for tests and metrics. */
  readonly counts: HubCounts = { changes: 0, fanouts: 0, writes: 0 };
  private readonly decks = new Map<string, Set<SseStream>>();
  /** Presenter remotes' streams among `decks` (authenticated): they get every event but are not viewers. */
  private readonly remotes = new Map<string, Set<SseStream>>();
  private pending = new Map<string, Map<string, Pending>>();
  private flushScheduled = false;
  private sliceScheduled = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  private wakeAt = Infinity;
  private readonly passes: FanoutPasses;
  private readonly releases = new Map<SseStream, () => void>();
  private readonly limiter: StreamLimiter;
  private readonly heartbeatTimer: NodeJS.Timeout;

  constructor(private readonly options: HubOptions) {
    this.limiter = options.limiter ?? new StreamLimiter(Infinity, Infinity);
    this.passes = new FanoutPasses(options.fanoutPace ?? 1, (seconds, streams) =>
      options.onBroadcast?.(seconds, streams),
    );
    this.heartbeatTimer = setInterval(() => this.heartbeat(), options.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  /** Open streams right now. */
  get size(): number {
    return this.limiter.size;
  }

  /** Decks that have at least one open stream. */
  deckIds(): string[] {
    return [...this.decks.keys()];
  }

  /** Open audience streams of `deckId` in this process (0 when none); presenter remotes are not counted. */
  streamCount(deckId: string): number {
    return (this.decks.get(deckId)?.size ?? 0) - this.remoteCount(deckId);
  }

  /** Open presenter-remote streams of `deckId` in this process (0 when none). */
  remoteCount(deckId: string): number {
    return this.remotes.get(deckId)?.size ?? 0;
  }

  /** Decks that have at least one presenter-remote stream here. */
  remoteDeckIds(): string[] {
    return [...this.remotes.keys()];
  }

  /** Decks that have at least one audience stream here. */
  audienceDeckIds(): string[] {
    return this.deckIds().filter((deckId) => this.streamCount(deckId) > 0);
  }

  /** True while `deckId` has at least one open stream. */
  hasStreams(deckId: string): boolean {
    return this.decks.has(deckId);
  }

  /**
   * Registers a stream for `deckId` before its first state is read, so no change can slip
   * between the read and the registration. Call `stream.start(state)` once the state is known.
   * `address` (a client address key) counts against the limiter's caps; a refusal opens nothing.
   * A `remote` stream (a presenter's, authenticated) gets every event but is no viewer.
   */
  open(deckId: string, res: ServerResponse, address = 'local', remote = false): SseStream | StreamRefusal {
    const release = this.limiter.acquire(address);
    if (typeof release !== 'function') return release;
    const stream = new SseStream(deckId, res, this.options, (closed) => this.remove(closed));
    this.releases.set(stream, release);
    let set = this.decks.get(deckId);
    if (!set) {
      set = new Set();
      this.decks.set(deckId, set);
    }
    set.add(stream);
    if (remote) {
      let remotes = this.remotes.get(deckId);
      if (!remotes) {
        remotes = new Set();
        this.remotes.set(deckId, remotes);
      }
      remotes.add(stream);
    }
    return stream;
  }

  /** Sends a slide `state` to every stream of the deck (see broadcast). */
  broadcastSlide(deckId: string, state: SlideEventData): void {
    this.broadcast(slideKind, deckId, state);
  }

  /**
   * Queues `data` of `kind` for every stream of the deck; it goes out on the next fan-out,
   * unless a newer change of the same kind replaces it first. Each stream ignores versions it
   * has already seen. Decks without streams are skipped at once.
   */
  broadcast<T>(kind: EventKind<T>, deckId: string, data: T): void {
    if (!this.decks.has(deckId)) return;
    this.counts.changes += 1;
    const version = kind.version(data);
    let kinds = this.pending.get(deckId);
    if (!kinds) {
      kinds = new Map();
      this.pending.set(deckId, kinds);
    }
    const queued = kinds.get(kind.name);
    if (queued && queued.version >= version) return;
    kinds.set(kind.name, { kind: kind as EventKind<never>, data, version });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flushSoon());
    }
  }

  /** Writes every queued change now, whole (the hub does so by itself, in slices): one frame per deck and kind. */
  flush(): void {
    this.takePending();
    this.runSlice(Infinity);
  }

  private flushSoon(): void {
    this.takePending();
    this.runSlice(this.options.fanoutSliceMs ?? 5);
  }

  /** Frames the queued changes and starts (or restarts) their decks' passes. */
  private takePending(): void {
    this.flushScheduled = false;
    const pending = this.pending;
    this.pending = new Map();
    for (const [deckId, kinds] of pending) {
      const streams = this.decks.get(deckId);
      if (!streams) continue;
      const frames: Framed[] = [];
      for (const { kind, data, version } of kinds.values()) {
        const frame = kind.frame(data as never);
        frames.push({ name: kind.name, frame, chunk: chunkedFrame(frame), version });
      }
      this.counts.fanouts += frames.length;
      this.passes.start(deckId, streams, frames);
    }
  }

  /** Writes one slice of the passes under way; what is left goes on after the loop's next I/O. */
  private runSlice(budgetMs: number): void {
    const { taken, ready, wakeAt } = this.passes.run(budgetMs);
    this.counts.writes += taken;
    if (ready > 0 && !this.sliceScheduled) {
      this.sliceScheduled = true;
      setImmediate(() => {
        this.sliceScheduled = false;
        this.runSlice(this.options.fanoutSliceMs ?? 5);
      });
    }
    if (wakeAt === Infinity || (this.wakeTimer && this.wakeAt <= wakeAt)) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeAt = wakeAt;
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimer = null;
        this.wakeAt = Infinity;
        this.runSlice(this.options.fanoutSliceMs ?? 5);
      },
      Math.max(0, Math.ceil(wakeAt - performance.now())),
    );
  }

  /** Ends every stream of a deleted deck with its last event (DECK_DELETED_FRAME). */
  closeDeck(deckId: string): void {
    for (const stream of [...(this.decks.get(deckId) ?? [])]) stream.end(DECK_DELETED_FRAME);
  }

  /** Ends every stream with a short retry hint, so clients reconnect (elsewhere) quickly. */
  closeAll(retryMs = 250): void {
    clearInterval(this.heartbeatTimer);
    this.passes.clear();
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    const last = retryFrame(retryMs);
    for (const streams of [...this.decks.values()]) {
      for (const stream of [...streams]) stream.end(last);
    }
  }

  /** Bytes all streams hold in memory (unsent socket buffers plus coalesced frames). */
  bufferedBytes(): number {
    let total = 0;
    for (const streams of this.decks.values()) for (const stream of streams) total += stream.bufferedBytes;
    return total;
  }

  private heartbeat(): void {
    const now = Date.now();
    for (const streams of this.decks.values()) {
      for (const stream of streams) stream.heartbeat(HEARTBEAT_FRAME, now);
    }
  }

  private remove(stream: SseStream): void {
    const set = this.decks.get(stream.deckId);
    if (!set?.delete(stream)) return;
    this.releases.get(stream)?.();
    this.releases.delete(stream);
    if (set.size === 0) this.decks.delete(stream.deckId);
    const remotes = this.remotes.get(stream.deckId);
    if (remotes?.delete(stream) && remotes.size === 0) this.remotes.delete(stream.deckId);
  }
}
