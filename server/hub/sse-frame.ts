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

/** One `slide` event, framed once and shared by every stream of the deck. */
export function slideFrame(state: SlideEventData): Buffer {
  const data: SlideEventData = { index: state.index, version: state.version };
  if (state.count !== undefined) data.count = state.count;
  return Buffer.from(`event: slide\nid: ${state.version}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The comment line that keeps proxies from timing out and finds half-open sockets. */
export const HEARTBEAT_FRAME = Buffer.from(': heartbeat\n\n');
