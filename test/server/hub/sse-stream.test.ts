import { IncomingMessage, ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chunkedFrame, slideFrame, HEARTBEAT_FRAME } from '../../../server/hub/sse-frame.js';
import { SseStream } from '../../../server/hub/sse-stream.js';

/**
 * A socket whose kernel side can be "full": while stuck, written bytes stay in Node's buffer
 * (their write callbacks wait); `unstick` lets them through. Everything that got through is kept.
 */
class StuckSocket extends Duplex {
  received = '';
  private stuck = true;
  private held: Array<() => void> = [];

  unstick(): void {
    this.stuck = false;
    for (const release of this.held.splice(0)) release();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error) => void): void {
    const deliver = () => {
      this.received += chunk.toString();
      done();
    };
    if (this.stuck) this.held.push(deliver);
    else deliver();
  }

  override _read(): void {}
}

function openStream(drainTimeoutMs: number, http11 = false, headers?: string[]) {
  const socket = new StuckSocket();
  const req = new IncomingMessage(socket as never);
  // Without a version the response is HTTP/1.0-style (no chunks); an HTTP/1.1 one is chunked.
  if (http11) [req.httpVersionMajor, req.httpVersionMinor] = [1, 1];
  const res = new ServerResponse(req);
  res.assignSocket(socket as never);
  // The HTTP server forwards a socket's drain to its response; this test has no server.
  socket.on('drain', () => res.emit('drain'));
  const closed: SseStream[] = [];
  const stream = new SseStream('deck', res, { retryMs: 1000, drainTimeoutMs, headers }, (s) => closed.push(s));
  return { socket, stream, closed, res };
}

function versionsIn(text: string): number[] {
  return [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
}

describe('SseStream', () => {
  it('keeps only the newest state while the socket is backed up, and sends it on drain', async () => {
    const { socket, stream } = openStream(60_000);
    stream.start({ index: 0, step: 0, version: 1 });
    let peak = 0;
    for (let version = 2; version <= 1001; version += 1) {
      stream.sendSlide(slideFrame({ index: version % 3, step: 0, version }), version);
      peak = Math.max(peak, stream.bufferedBytes);
    }
    // Bounded by the socket's high-water mark plus one frame, not by the 1,000 changes.
    expect(peak).toBeLessThan(16 * 1024 + 200);
    socket.unstick();
    await new Promise((resolve) => setImmediate(resolve));
    const versions = versionsIn(socket.received);
    expect(versions.at(-1)).toBe(1001);
    expect(versions.length).toBeLessThan(1000);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(stream.isClosed).toBe(false);
  });

  it('writes shared pre-chunked frames straight to the socket as valid chunks, newest only while backed up', async () => {
    const { socket, stream } = openStream(60_000, true);
    stream.start({ index: 0, step: 0, version: 1 });
    for (let version = 2; version <= 1001; version += 1) {
      const frame = slideFrame({ index: version % 3, step: 0, version });
      stream.sendSlide(frame, version, chunkedFrame(frame));
    }
    expect(stream.bufferedBytes).toBeLessThan(16 * 1024 + 200);
    socket.unstick();
    await new Promise((resolve) => setImmediate(resolve));
    const body = socket.received.slice(socket.received.indexOf('\r\n\r\n') + 4);
    // Decode the chunked body: every chunk's length must match, or the framing is broken.
    let decoded = '';
    for (let at = 0; at < body.length;) {
      const eol = body.indexOf('\r\n', at);
      const size = parseInt(body.slice(at, eol), 16);
      decoded += body.slice(eol + 2, eol + 2 + size);
      expect(body.slice(eol + 2 + size, eol + 4 + size)).toBe('\r\n');
      at = eol + 4 + size;
    }
    const versions = versionsIn(decoded);
    expect(versions[0]).toBe(1);
    expect(versions.at(-1)).toBe(1001);
    expect(versions.length).toBeLessThan(1000);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('drops a stream whose socket never drains after the drain timeout', async () => {
    const { stream, closed } = openStream(50);
    stream.start({ index: 0, step: 0, version: 1 });
    for (let version = 2; version < 2000; version += 1)
      stream.sendSlide(slideFrame({ index: 1, step: 0, version }), version);
    expect(stream.isClosed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stream.isClosed).toBe(true);
    expect(closed).toEqual([stream]);
  });

  it('drops a stream whose heartbeat has not left the process within the drain timeout, though write() never said no', () => {
    const { stream, closed } = openStream(30_000);
    stream.start({ index: 0, step: 0, version: 1 });
    const t0 = 1_000_000;
    stream.heartbeat(HEARTBEAT_FRAME, t0);
    stream.heartbeat(HEARTBEAT_FRAME, t0 + 15_000);
    expect(stream.isClosed).toBe(false);
    stream.heartbeat(HEARTBEAT_FRAME, t0 + 30_000);
    expect(stream.isClosed).toBe(true);
    expect(closed).toEqual([stream]);
  });

  it('keeps a stream whose heartbeats get through, however long it lives', async () => {
    const { socket, stream } = openStream(30_000);
    socket.unstick();
    stream.start({ index: 0, step: 0, version: 1 });
    for (let tick = 0; tick < 10; tick += 1) {
      stream.heartbeat(HEARTBEAT_FRAME, tick * 30_000);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(stream.isClosed).toBe(false);
    expect(socket.received.match(/: heartbeat/g)).toHaveLength(10);
  });

  it('starts an HTTP/1.1 stream with one prebuilt head, keeps no head on the response, and ends with the last chunk', async () => {
    const headers = ['Content-Type', 'text/event-stream; charset=utf-8', 'X-Frame-Options', 'DENY'];
    const { socket, stream, res } = openStream(30_000, true, headers);
    socket.unstick();
    stream.start({ index: 2, step: 0, version: 7 });
    stream.heartbeat(HEARTBEAT_FRAME, 0);
    stream.end(Buffer.from('retry: 250\n\n'));
    await new Promise((resolve) => setImmediate(resolve));
    const [head, body] = splitHead(socket.received);
    expect(head.split('\r\n')).toEqual([
      'HTTP/1.1 200 OK',
      'Content-Type: text/event-stream; charset=utf-8',
      'X-Frame-Options: DENY',
      expect.stringMatching(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/),
      'Transfer-Encoding: chunked',
    ]);
    // Node built no head for it: nothing per stream is kept beyond the socket.
    expect(res.headersSent).toBe(false);
    expect(decodeChunks(body)).toEqual({
      text: 'retry: 1000\n\nevent: slide\nid: 7\ndata: {"index":2,"step":0,"version":7}\n\n: heartbeat\n\nretry: 250\n\n',
      ended: true,
    });
    expect(stream.isClosed).toBe(true);
  });
});

/** The head and the body of raw response bytes. */
function splitHead(bytes: string): [string, string] {
  const end = bytes.indexOf('\r\n\r\n');
  return [bytes.slice(0, end), bytes.slice(end + 4)];
}

/** A chunked body's text, and whether it ended with the zero-length chunk; throws on broken framing. */
function decodeChunks(body: string): { text: string; ended: boolean } {
  let text = '';
  for (let at = 0; at < body.length;) {
    const eol = body.indexOf('\r\n', at);
    const size = parseInt(body.slice(at, eol), 16);
    if (size === 0) return { text, ended: body.slice(eol) === '\r\n\r\n' };
    text += body.slice(eol + 2, eol + 2 + size);
    if (body.slice(eol + 2 + size, eol + 4 + size) !== '\r\n') throw new Error(`bad chunk at ${at}`);
    at = eol + 4 + size;
  }
  return { text, ended: false };
}
