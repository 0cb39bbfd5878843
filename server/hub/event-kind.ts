/**
 * One kind of SSE event the hub fans out (slide, and later reactions, questions, polls...).
 * Every kind is "latest wins": its data carries a version that grows with each change, a
 * stream is sent a version only if it is newer than the last one it got of that kind, and
 * when changes arrive faster than they can be written only the newest is written. Adding a
 * kind is one file in server/hub/kinds/ exporting an EventKind; callers then use
 * `hub.broadcast(kind, deckId, data)`.
 */
export interface EventKind<T> {
  /** The SSE event name (`event: <name>`); also the key streams track versions under. */
  readonly name: string;
  /** The version of `data`: newer changes have higher versions; repeats share one. */
  version(data: T): number;
  /** The whole SSE event for `data` (`event:`, optional `id:`, `data:` and the blank line), framed once per change. */
  frame(data: T): Buffer;
}

/** Frames `data` as one SSE event of `name`, with `id: <id>` when given (the data is JSON). */
export function sseEvent(name: string, data: unknown, id?: number): Buffer {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return Buffer.from(`event: ${name}\n${idLine}data: ${JSON.stringify(data)}\n\n`);
}
