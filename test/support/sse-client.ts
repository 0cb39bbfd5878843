import { EventSource } from 'eventsource';
import type { SlideEventData } from '../../shared/protocol.js';
import { parseSlideEvent } from '../../shared/validate.js';

/** One received `slide` event: its parsed data and its `id:`. */
export interface ReceivedSlide extends SlideEventData {
  lastEventId: string;
}

/** A real EventSource client that records every slide event and lets a test wait for one. */
export class SlideStreamClient {
  readonly events: ReceivedSlide[] = [];
  private readonly source: EventSource;
  private waiters: Array<() => void> = [];
  /** Errors the EventSource reported (connection drops, non-200 answers). */
  errors = 0;

  constructor(url: string, init?: { lastEventId?: string }) {
    this.source = new EventSource(url, {
      fetch: (input, options) => {
        const headers = new Headers(options?.headers);
        if (init?.lastEventId) headers.set('Last-Event-ID', init.lastEventId);
        return fetch(input, { ...options, headers });
      },
    });
    this.source.addEventListener('slide', (event) => {
      const data = parseSlideEvent(event.data);
      if (data) this.events.push({ ...data, lastEventId: event.lastEventId });
      this.notify();
    });
    this.source.addEventListener('error', () => {
      this.errors += 1;
      this.notify();
    });
  }

  /** The newest event, if any. */
  get latest(): ReceivedSlide | undefined {
    return this.events.at(-1);
  }

  /** Resolves with the first event (from the start) that matches, or rejects after `timeoutMs`. */
  async waitFor(match: (event: ReceivedSlide) => boolean, timeoutMs = 5000): Promise<ReceivedSlide> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching slide event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for an event with exactly this version. */
  waitForVersion(version: number, timeoutMs?: number): Promise<ReceivedSlide> {
    return this.waitFor((event) => event.version === version, timeoutMs);
  }

  close(): void {
    this.source.close();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** Waits until `check` is true, polling every 20 ms, or throws after `timeoutMs`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Reads `podium_sse_clients` from /metrics. */
export async function openStreams(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const match = /^podium_sse_clients (\d+)/m.exec(text);
  if (!match?.[1]) throw new Error('podium_sse_clients missing from /metrics');
  return Number(match[1]);
}
