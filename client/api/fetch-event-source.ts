import { parseErrorBody } from '../../shared/validate.js';
import { refusalMessage, type StreamRefusal } from './stream-refusal.js';

/** The part of EventSource the stream controller uses, so it can hold either. */
export interface EventSourceLike extends EventTarget {
  readonly readyState: number;
  close(): void;
  /** Why the server refused the stream, when the source could read it (undefined: it cannot tell, ask). */
  readonly refusal?: StreamRefusal | null;
}

/** EventSource's readyState values. */
const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

/**
 * An event stream read with `fetch`, so it can send headers EventSource cannot (the presenter
 * key, which must never sit in a URL). It parses the SSE format and dispatches a MessageEvent
 * per event, named as the stream names it. It never retries by itself: any failure, a non-200
 * answer or the end of the stream closes it (readyState CLOSED) and dispatches `error`, and a
 * 429 or 503 with Retry-After leaves its `refusal`, so the controller reopens as it would.
 */
export class FetchEventSource extends EventTarget implements EventSourceLike {
  readyState = CONNECTING;
  refusal: StreamRefusal | null = null;
  private readonly abort = new AbortController();

  constructor(url: string, headers: Record<string, string>) {
    super();
    void this.run(url, headers);
  }

  /** Stops reading; no more events. */
  close(): void {
    this.readyState = CLOSED;
    this.abort.abort();
  }

  private async run(url: string, headers: Record<string, string>): Promise<void> {
    try {
      const response = await fetch(url, {
        headers: { Accept: 'text/event-stream', ...headers },
        cache: 'no-store',
        signal: this.abort.signal,
      });
      if (!response.ok || !response.body) {
        this.refusal = await refusalOf(response);
        return this.fail();
      }
      this.readyState = OPEN;
      this.dispatchEvent(new Event('open'));
      await this.read(response.body);
    } catch {
      // A network error or our own abort: either way, closed.
    }
    this.fail();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done || this.readyState === CLOSED) return;
      buffer += decoder.decode(value, { stream: true });
      const events = buffer.split(/\r\n\r\n|\n\n|\r\r/);
      buffer = events.pop() ?? '';
      for (const block of events) this.dispatchBlock(block);
    }
  }

  private dispatchBlock(block: string): void {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r\n|\n|\r/)) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 && this.readyState !== CLOSED) {
      this.dispatchEvent(new MessageEvent(name, { data: data.join('\n') }));
    }
  }

  private fail(): void {
    if (this.abort.signal.aborted && this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.dispatchEvent(new Event('error'));
  }
}

/** A 429 or 503 with Retry-After as a StreamRefusal; null for any other answer. */
async function refusalOf(response: Response): Promise<StreamRefusal | null> {
  const header = response.headers.get('Retry-After');
  if ((response.status !== 429 && response.status !== 503) || header === null) return null;
  const retryAfterS = Math.max(1, Math.ceil(Number(header)) || 1);
  const code = parseErrorBody(await response.json().catch(() => null))?.error.code ?? `http_${response.status}`;
  return { status: response.status, code, retryAfterS, message: refusalMessage(response.status, code, retryAfterS) };
}
