import type { ServerResponse } from 'node:http';
import type { SlideEventData } from '../../shared/protocol.js';
import { chunkedFrame, HEARTBEAT_FRAME, retryFrame, slideFrame } from './sse-frame.js';
import { SseStream, type SseStreamOptions } from './sse-stream.js';

/** Options of the hub; every stream shares them. */
export interface HubOptions extends SseStreamOptions {
  /** Interval of comment heartbeats, in ms. Default 15000. */
  heartbeatMs: number;
  /** Called with the seconds one broadcast took and how many streams it reached. */
  onBroadcast?: (seconds: number, streams: number) => void;
}

/** Defaults of the hub. */
export const DEFAULT_HUB_OPTIONS: HubOptions = { heartbeatMs: 15_000, retryMs: 1000, drainTimeoutMs: 30_000 };

/** Every open stream of this process, by deck; fans slide changes out in memory. */
export class Hub {
  private readonly decks = new Map<string, Set<SseStream>>();
  private readonly latest = new Map<string, number>();
  private streamCount = 0;
  private readonly heartbeatTimer: NodeJS.Timeout;

  constructor(private readonly options: HubOptions = DEFAULT_HUB_OPTIONS) {
    this.heartbeatTimer = setInterval(() => this.heartbeat(), options.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  /** Open streams right now. */
  get size(): number {
    return this.streamCount;
  }

  /** Decks that have at least one open stream. */
  deckIds(): string[] {
    return [...this.decks.keys()];
  }

  /**
   * Registers a stream for `deckId` before its first state is read, so no change can slip
   * between the read and the registration. Call `stream.start(state)` once the state is known.
   */
  open(deckId: string, res: ServerResponse): SseStream {
    const stream = new SseStream(deckId, res, this.options, (closed) => this.remove(closed));
    let set = this.decks.get(deckId);
    if (!set) {
      set = new Set();
      this.decks.set(deckId, set);
    }
    set.add(stream);
    this.streamCount += 1;
    return stream;
  }

  /** Sends `state` to every stream of the deck that has not seen it; older versions are ignored. */
  broadcastSlide(deckId: string, state: SlideEventData): void {
    const streams = this.decks.get(deckId);
    if (!streams) return;
    const known = this.latest.get(deckId) ?? 0;
    if (state.version <= known) return;
    this.latest.set(deckId, state.version);
    const started = process.hrtime.bigint();
    const frame = slideFrame(state);
    const chunk = chunkedFrame(frame);
    for (const stream of streams) stream.sendSlide(frame, state.version, chunk);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.options.onBroadcast?.(seconds, streams.size);
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
    this.streamCount -= 1;
    if (set.size === 0) {
      this.decks.delete(stream.deckId);
      this.latest.delete(stream.deckId);
    }
  }
}
