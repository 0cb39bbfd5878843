import type { OutgoingHttpHeader, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { SlideEventData } from '../../shared/protocol.js';
import { chunkedFrame, chunkedParts, HEARTBEAT_FRAME, startFrame, SSE_HEADERS } from './sse-frame.js';
import { streamHead } from './stream-head.js';

/** Options of one stream (defaults: PodiumOptions). */
export interface SseStreamOptions {
  /** `retry:` hint sent first, in ms. */
  retryMs: number;
  /** A congested stream that does not drain within this many ms is dropped. */
  drainTimeoutMs: number;
  /**
   * The response head as a flat `[name, value, ...]` list, built once for every stream (so no
   * per-stream header objects are kept). Default: SSE_HEADERS only.
   */
  headers?: OutgoingHttpHeader[];
}

const DEFAULT_HEAD: OutgoingHttpHeader[] = Object.entries(SSE_HEADERS).flat();
const CHUNKED_HEARTBEAT = chunkedFrame(HEARTBEAT_FRAME);
/** The chunked body's end. */
const LAST_CHUNK = Buffer.from('0\r\n\r\n');

/**
 * One open event stream (one connection). Every event kind is "latest wins": while the socket
 * cannot take more (or before the stream starts), only the newest frame of each kind is kept,
 * and they go out when the socket drains.
 *
 * An HTTP/1.1 stream whose response has no headers of its own is written raw: the prebuilt head
 * (streamHead) and the first events go to the socket in one write, and every later frame as one
 * chunk, so the response object keeps no head and does no per-stream header work. Such a stream
 * ends with the last chunk and closes its connection (the response never "finishes" for Node).
 */
export class SseStream {
  /** Highest slide version accepted for this client (written or waiting): the one record of what it has seen. */
  private lastVersion = 0;
  /** The same for other event kinds, by name; made on first use, so slide-only streams stay small. */
  private versions: Map<string, number> | null = null;
  private started = false;
  private congested = false;
  private closed = false;
  /** Newest unsent frame per kind, in arrival order; null when nothing waits. */
  private waiting: Map<string, Buffer> | null = null;
  private drainTimer: NodeJS.Timeout | null = null;
  /** When the heartbeat still on its way to the kernel was written; null when none is. */
  private probeSince: number | null = null;
  /** The socket, once the stream was started raw (see the class comment); null otherwise. */
  private raw: Socket | null = null;

  constructor(
    /** The deck this stream follows. */
    readonly deckId: string,
    private readonly res: ServerResponse,
    private readonly options: SseStreamOptions,
    private readonly onClose: (stream: SseStream) => void,
  ) {
    res.on('close', () => this.handleClose());
    res.on('error', () => this.destroy());
  }

  /** True once the socket is gone. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends the headers, the retry hint and the current state (or anything newer that arrived meanwhile). */
  start(current: SlideEventData): void {
    if (this.closed) return;
    this.started = true;
    // The retry hint and the current state, framed once per state and shared (see startFrame).
    let first: Buffer;
    if (current.version > this.lastVersion) {
      this.lastVersion = current.version;
      this.waiting?.delete('slide');
      first = startFrame(this.options.retryMs, current);
    } else first = startFrame(this.options.retryMs);
    const body = this.waiting ? [first, ...this.waiting.values()] : [first];
    this.waiting = null;
    const headers = this.options.headers ?? DEFAULT_HEAD;
    const { req, socket } = this.res;
    if (
      socket?.writable &&
      req.httpVersionMajor === 1 &&
      req.httpVersionMinor === 1 &&
      this.res.getHeaderNames().length === 0
    ) {
      this.raw = socket;
      // The head and the body as one chunk, copied once into one buffer: one write, one allocation.
      if (!socket.write(Buffer.concat([streamHead(headers)(), ...chunkedParts(body)]))) this.congest(socket);
      return;
    }
    this.res.writeHead(200, headers);
    this.write(body.length === 1 ? first : Buffer.concat(body));
  }

  /**
   * Offers a pre-framed slide event; older or equal versions than already sent are ignored.
   * With `chunk` (the same frame as one HTTP/1.1 chunk, see chunkedFrame) the shared bytes go
   * straight to the socket: `res.write` adds a hex string, four buffered pieces and a cork per
   * stream, garbage that at 20k streams was promoted at ~10 MB per change and slowed fan-out.
   * Returns whether the stream took the frame (false: closed, or the version was not newer).
   */
  sendSlide(frame: Buffer, version: number, chunk?: Buffer): boolean {
    return this.send('slide', frame, version, chunk);
  }

  /** Offers a pre-framed event of kind `kind` (see sendSlide, which is this for `slide`). */
  send(kind: string, frame: Buffer, version: number, chunk?: Buffer): boolean {
    if (this.closed || version <= this.seen(kind)) return false;
    if (kind === 'slide') this.lastVersion = version;
    else (this.versions ??= new Map()).set(kind, version);
    if (!this.started || this.congested) {
      this.waiting ??= new Map();
      // Re-inserted, so the waiting frames keep the order of their newest changes.
      this.waiting.delete(kind);
      this.waiting.set(kind, frame);
      return true;
    }
    if (this.raw) {
      if (!this.raw.write(chunk ?? chunkedFrame(frame))) this.congest(this.raw);
      return true;
    }
    const socket = this.res.socket;
    // Only when the response owns the socket and its headers are out; otherwise res.write orders it.
    if (!chunk || !socket?.writable || !this.res.headersSent) this.write(frame);
    else if (!socket.write(this.res.chunkedEncoding ? chunk : frame)) this.congest(socket);
    return true;
  }

  /**
   * Writes a comment that doubles as a probe. `write()` only reports backpressure past the
   * socket's high-water mark, so a client that stopped reading once the kernel buffers were
   * full could sit below it forever; instead, a heartbeat that has not reached the kernel
   * `drainTimeoutMs` after it was written condemns the stream. While the socket is backed up
   * (or a probe is pending) nothing more is written, so nothing grows.
   */
  heartbeat(frame: Buffer, now = Date.now()): void {
    if (!this.started || this.closed) return;
    if (this.probeSince !== null) {
      if (now - this.probeSince >= this.options.drainTimeoutMs) this.destroy();
      return;
    }
    if (this.congested) return;
    this.probeSince = now;
    this.write(frame, () => {
      this.probeSince = null;
    });
  }

  /** Bytes this stream holds in memory: the socket's unsent buffer plus the frames waiting for a drain. */
  get bufferedBytes(): number {
    let waiting = 0;
    if (this.waiting) for (const frame of this.waiting.values()) waiting += frame.length;
    return (this.raw ?? this.res).writableLength + waiting;
  }

  /** The last version of `kind` this stream was given (0: none). */
  private seen(kind: string): number {
    return kind === 'slide' ? this.lastVersion : (this.versions?.get(kind) ?? 0);
  }

  /** Ends the stream politely, optionally with a last frame (e.g. a shorter retry hint). */
  end(last?: Buffer): void {
    if (this.closed) return;
    // A stream that never started leaves the response to the caller (e.g. for a 404 answer).
    if (this.raw) this.raw.end(last ? Buffer.concat([chunkedFrame(last), LAST_CHUNK]) : LAST_CHUNK);
    else if (this.started) this.res.end(last);
    this.handleClose();
  }

  /** Drops the connection at once. */
  destroy(): void {
    this.res.destroy();
    this.handleClose();
  }

  private write(chunk: Buffer, flushed?: () => void): void {
    if (this.raw) {
      const framed = chunk === HEARTBEAT_FRAME ? CHUNKED_HEARTBEAT : chunkedFrame(chunk);
      if (!this.raw.write(framed, flushed)) this.congest(this.raw);
    } else if (!this.res.write(chunk, flushed)) this.congest(this.res);
  }

  /** Holds further frames (latest wins) until `source` drains, or drops the stream after the drain timeout. */
  private congest(source: NodeJS.EventEmitter): void {
    this.congested = true;
    this.drainTimer = setTimeout(() => this.destroy(), this.options.drainTimeoutMs);
    this.drainTimer.unref();
    source.once('drain', () => this.handleDrain());
  }

  private handleDrain(): void {
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.drainTimer = null;
    this.congested = false;
    const waiting = this.waiting;
    this.waiting = null;
    if (!waiting || this.closed) return;
    this.write(waiting.size === 1 ? (waiting.values().next().value as Buffer) : Buffer.concat([...waiting.values()]));
  }

  private handleClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.waiting = null;
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.onClose(this);
  }
}
