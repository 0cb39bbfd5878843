import type { ServerResponse } from 'node:http';
import type { SlideEventData } from '../../shared/protocol.js';
import { chunkedFrame, HEARTBEAT_FRAME, retryFrame, slideFrame } from './sse-frame.js';
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
}

/** Every open stream of this process, by deck; fans slide changes out in memory. */
export class Hub {
  private readonly decks = new Map<string, Set<SseStream>>();
  private readonly releases = new Map<SseStream, () => void>();
  private readonly limiter: StreamLimiter;
  private readonly heartbeatTimer: NodeJS.Timeout;

  constructor(private readonly options: HubOptions) {
    this.limiter = options.limiter ?? new StreamLimiter(Infinity, Infinity);
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

  /**
   * Registers a stream for `deckId` before its first state is read, so no change can slip
   * between the read and the registration. Call `stream.start(state)` once the state is known.
   * `address` (a client address key) counts against the limiter's caps; a refusal opens nothing.
   */
  open(deckId: string, res: ServerResponse, address = 'local'): SseStream | StreamRefusal {
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
    return stream;
  }

  /** Sends `state` to every stream of the deck; each stream ignores versions it has already seen. */
  broadcastSlide(deckId: string, state: SlideEventData): void {
    const streams = this.decks.get(deckId);
    if (!streams) return;
    const started = process.hrtime.bigint();
    const frame = slideFrame(state);
    const chunk = chunkedFrame(frame);
    let reached = 0;
    for (const stream of streams) if (stream.sendSlide(frame, state.version, chunk)) reached += 1;
    // A repeat (a resync after reconnect finds most decks unchanged) is no fan-out worth timing.
    if (reached === 0) return;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.options.onBroadcast?.(seconds, reached);
  }

  /** Ends every stream of a deleted deck with its last event (DECK_DELETED_FRAME). */
  closeDeck(deckId: string): void {
    for (const stream of [...(this.decks.get(deckId) ?? [])]) stream.end(DECK_DELETED_FRAME);
  }

  /** Ends every stream with a short retry hint, so clients reconnect (elsewhere) quickly. */
  closeAll(retryMs = 250): void {
    clearInterval(this.heartbeatTimer);
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
  }
}
