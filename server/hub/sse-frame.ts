import type { SlideEventData } from '../../shared/protocol.js';

/** Response headers of every event stream: never cached, never buffered by a proxy, never compressed. */
export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
} as const;

/** The `retry:` line that opens a stream and tells clients how soon to reconnect. */
export function retryFrame(retryMs: number): Buffer {
  return Buffer.from(`retry: ${retryMs}\n\n`);
}

/** One `slide` event, framed once and shared by every stream of the deck; `clock` only once it says something. */
export function slideFrame(state: SlideEventData): Buffer {
  const data: SlideEventData = { index: state.index, step: state.step, version: state.version };
  if (state.count !== undefined) data.count = state.count;
  // A clock that never started and has no target is left out: a slide event without one means exactly that.
  const clock = state.clock;
  if (clock && (clock.startedAt !== null || clock.durationMinutes !== null)) data.clock = clock;
  return Buffer.from(`event: slide\nid: ${state.version}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * `frame` as one HTTP/1.1 chunk (`<hex length>\r\n<frame>\r\n`): built once per change, so a
 * chunked response gets the shared bytes in a single socket write (see SseStream.sendSlide).
 */
export function chunkedFrame(frame: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${frame.length.toString(16)}\r\n`), frame, CRLF]);
}

const CRLF = Buffer.from('\r\n');

/** The comment line that keeps proxies from timing out and finds half-open sockets. */
export const HEARTBEAT_FRAME = Buffer.from(': heartbeat\n\n');
