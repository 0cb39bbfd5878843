import { EventSource } from 'eventsource';

/** One audience member: its own cookie jar (the viewer id), and helpers that speak the room's API. */
export class Viewer {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  /** Sends a request as this viewer; keeps any cookie the server sets. */
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const all: Record<string, string> = { ...headers };
    if (this.cookie) all.Cookie = this.cookie;
    if (body !== undefined) all['Content-Type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie().find((line) => line.startsWith('podium_viewer='));
    if (set) this.cookie = set.split(';')[0] ?? '';
    return res;
  }

  /** The same viewer, speaking to another process (its cookie goes along). */
  on(baseUrl: string): Viewer {
    const twin = new Viewer(baseUrl);
    twin.cookie = this.cookie;
    return twin;
  }
}

/**
 * A real EventSource that records the data of every event of the given names, parsed as JSON,
 * and when it arrived (`performance.now()`); `headers` go with each request (a presenter key).
 */
export class EventRecorder {
  readonly events: Array<{ name: string; data: unknown; at: number }> = [];
  private readonly source: EventSource;

  constructor(url: string, names: string[], headers: Record<string, string> = {}) {
    this.source = new EventSource(url, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
    });
    for (const name of names) {
      this.source.addEventListener(name, (event) => {
        this.events.push({ name, data: JSON.parse(event.data) as unknown, at: performance.now() });
      });
    }
  }

  /** Resolves once the stream is open (its first slide event has arrived). */
  async opened(timeoutMs = 5000): Promise<void> {
    if (this.source.readyState === EventSource.OPEN) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('stream did not open')), timeoutMs);
      this.source.addEventListener('open', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** The data of events named `name`, oldest first. */
  data<T>(name: string): T[] {
    return this.events.filter((event) => event.name === name).map((event) => event.data as T);
  }

  /** The events named `name` with their arrival times, oldest first. */
  timed<T>(name: string): Array<{ data: T; at: number }> {
    return this.events.filter((event) => event.name === name).map((event) => ({ data: event.data as T, at: event.at }));
  }

  /** Closes the stream. */
  close(): void {
    this.source.close();
  }
}
