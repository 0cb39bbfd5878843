import { connect, type Socket } from 'node:net';
import { nowMs } from './clock.js';

/** Where one raw SSE connection goes. */
export interface SseTarget {
  host: string;
  port: number;
  path: string;
  /** Sent as `Last-Event-ID`, as a reconnecting EventSource does. */
  lastEventId?: string;
  /** Give up when the first event has not come within this many ms. Default 30000. */
  timeoutMs?: number;
}

/** What a connection reports to its owner. */
export interface SseConnectionEvents {
  /** An event with an `id:` arrived (times are `nowMs()`). */
  onEvent(connection: SseConnection, at: number): void;
  /** The connection ended; `ready` says whether it had received an event first. */
  onClose(connection: SseConnection, ready: boolean, reason: string): void;
}

type Phase = 'head' | 'size' | 'data' | 'crlf' | 'raw';

/** An `id:` that is not a number (nchan's `<time>:<tag>`): the version is read from the data's `"version":N`. */
const ID_IN_DATA = -2;
const DATA_VERSION = /"version":(\d+)/;

/**
 * A minimal HTTP/1.1 SSE client over `net`: one GET, a chunked body (or one that runs to the
 * close, as nchan sends), `id:` lines. An event's version is its numeric `id:`, else its data's
 * `version`. It keeps a few numbers per socket, so one process can hold thousands (the
 * eventsource package cannot).
 */
export class SseConnection {
  /** Highest `id:` seen on this connection (0 before the first event). */
  lastVersion = 0;
  /** `nowMs()` when `lastVersion` arrived. */
  lastAt = 0;
  /** The last `id:` as sent, for `Last-Event-ID` on a reconnect. */
  lastEventId = '';
  private readonly socket: Socket;
  private phase: Phase = 'head';
  private pending = '';
  private line = '';
  private eventId = -1;
  private rawId = '';
  private chunkLeft = 0;
  private closed = false;

  constructor(
    readonly target: SseTarget,
    private readonly events: SseConnectionEvents,
  ) {
    this.socket = connect({ host: target.host, port: target.port });
    this.socket.setNoDelay(true);
    this.socket.setTimeout(target.timeoutMs ?? 30_000, () => this.finish('timeout'));
    this.socket.setEncoding('latin1');
    const idHeader = target.lastEventId ? `Last-Event-ID: ${target.lastEventId}\r\n` : '';
    this.socket.write(
      `GET ${target.path} HTTP/1.1\r\nHost: ${target.host}:${target.port}\r\nAccept: text/event-stream\r\n${idHeader}\r\n`,
    );
    this.socket.on('data', (text: string) => this.handleData(text));
    this.socket.on('error', (err: NodeJS.ErrnoException) => this.finish(err.code ?? err.message));
    this.socket.on('close', () => this.finish('closed by server'));
  }

  /** True once the socket is gone. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Drops the connection with a reset, so no TIME_WAIT is left on the client side. */
  reset(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.resetAndDestroy();
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.events.onClose(this, this.lastVersion > 0, reason);
  }

  private handleData(text: string): void {
    let input = this.pending + text;
    this.pending = '';
    while (input.length > 0 && !this.closed) {
      if (this.phase === 'head') {
        const end = input.indexOf('\r\n\r\n');
        if (end < 0) return void (this.pending = input);
        const head = input.slice(0, end);
        if (!head.startsWith('HTTP/1.1 200')) return this.finish(`status ${head.slice(9, 12)}`);
        this.phase = /\r\ntransfer-encoding: *chunked/i.test(head) ? 'size' : 'raw';
        input = input.slice(end + 4);
      } else if (this.phase === 'size') {
        const end = input.indexOf('\r\n');
        if (end < 0) return void (this.pending = input);
        this.chunkLeft = parseInt(input.slice(0, end), 16);
        if (!(this.chunkLeft > 0)) return this.finish('stream ended');
        this.phase = 'data';
        input = input.slice(end + 2);
      } else if (this.phase === 'raw') {
        this.parseSse(input);
        input = '';
      } else if (this.phase === 'data') {
        const take = Math.min(this.chunkLeft, input.length);
        this.parseSse(input.slice(0, take));
        this.chunkLeft -= take;
        if (this.chunkLeft === 0) this.phase = 'crlf';
        input = input.slice(take);
      } else {
        if (input.length < 2) return void (this.pending = input);
        this.phase = 'size';
        input = input.slice(2);
      }
    }
  }

  private parseSse(text: string): void {
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      const line = this.line + text.slice(start, end);
      this.line = '';
      start = end + 1;
      if (line === '') {
        if (this.eventId > this.lastVersion) this.dispatch(this.eventId);
        this.eventId = -1;
      } else if (line.startsWith('id:')) {
        this.rawId = line.slice(3).trim();
        const id = Number(this.rawId);
        this.eventId = Number.isInteger(id) ? id : ID_IN_DATA;
      } else if (this.eventId === ID_IN_DATA && line.startsWith('data:')) {
        this.eventId = Number(DATA_VERSION.exec(line)?.[1] ?? -1);
      }
    }
    this.line += text.slice(start);
  }

  private dispatch(version: number): void {
    if (this.lastVersion === 0) this.socket.setTimeout(0);
    this.lastVersion = version;
    this.lastEventId = this.rawId;
    this.lastAt = nowMs();
    this.events.onEvent(this, this.lastAt);
  }
}
