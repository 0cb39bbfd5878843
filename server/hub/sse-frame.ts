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
  if (state.reached) data.reached = state.reached;
  if (state.reveal) data.reveal = state.reveal;
  // A clock that never started and has no target is left out: a slide event without one means exactly that.
  const clock = state.clock;
  if (clock && (clock.startedAt !== null || clock.durationMinutes !== null)) data.clock = clock;
  if (state.bursts === false) data.bursts = false;
  return Buffer.from(`event: slide\nid: ${state.version}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The last start frames built: the retry hint alone, and with a state (by its object: the cache's states are shared). */
let lastRetry: { retryMs: number; frame: Buffer } | null = null;
const starts = new WeakMap<SlideEventData, { retryMs: number; frame: Buffer }>();

/**
 * What a stream starts with: the `retry:` hint and, given one, the `slide` event of `state`.
 * Built once per state object and shared by every stream that starts on it (the state cache
 * hands out the same object until the deck changes), so an open frames nothing of its own.
 */
export function startFrame(retryMs: number, state?: SlideEventData): Buffer {
  if (!state) {
    if (lastRetry?.retryMs !== retryMs) lastRetry = { retryMs, frame: retryFrame(retryMs) };
    return lastRetry.frame;
  }
  const known = starts.get(state);
  if (known?.retryMs === retryMs) return known.frame;
  const frame = Buffer.concat([retryFrame(retryMs), slideFrame(state)]);
  starts.set(state, { retryMs, frame });
  return frame;
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
