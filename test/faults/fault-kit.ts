import { mkdtemp, rm } from 'node:fs/promises';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { SlideEventData } from '../../shared/protocol.js';
import { parseSlideEvent } from '../../shared/validate.js';
import type { Hub } from '../../server/hub/hub.js';
import type { ListenerTimings } from '../../server/config.js';
import { createScratchDatabase, TEST_DATABASE_URL, type Driver } from '../support/databases.js';

/** Listener timings for tests that are not about the defaults: reconnects in 25-500 ms, freezes found in 1.5 s. */
export const QUICK_LISTENER: ListenerTimings = {
  backoffMinMs: 50,
  backoffMaxMs: 500,
  livenessIntervalMs: 500,
  livenessTimeoutMs: 1000,
};

/** Where a spawned Podium keeps its data: the env that points it there, and the cleanup. */
export interface ProcessStorage {
  env: Record<string, string>;
  /** The PGlite data directory, when the driver is PGlite. */
  dataDir?: string;
  cleanup(): Promise<void>;
}

/** A fresh PGlite data directory or scratch Postgres database for spawned processes. */
export async function processStorage(driver: Driver): Promise<ProcessStorage> {
  if (driver === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'podium-fault-'));
    return {
      env: { DATABASE_URL: '', PODIUM_DATA_DIR: dataDir },
      dataDir,
      cleanup: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const scratch = await createScratchDatabase();
  return { env: { DATABASE_URL: scratch.url }, cleanup: () => scratch.drop() };
}

/** Runs `sql` on the real Postgres server at `baseUrl` directly (never through a test proxy), in `database` when given. */
export async function adminQuery<Row>(
  sql: string,
  params: unknown[] = [],
  database?: string,
  baseUrl = TEST_DATABASE_URL,
): Promise<Row[]> {
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const url = new URL(baseUrl);
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** `pg_terminate_backend` on every connection to database `name` (only `applicationName`'s when given); returns how many. */
export async function terminateBackends(
  name: string,
  applicationName?: string,
  baseUrl = TEST_DATABASE_URL,
): Promise<number> {
  const rows = await adminQuery<{ pid: number }>(
    `SELECT pg_terminate_backend(pid) AS ok, pid FROM pg_stat_activity
     WHERE datname = $1 AND pid <> pg_backend_pid() AND ($2::text IS NULL OR application_name = $2)`,
    [name, applicationName ?? null],
    undefined,
    baseUrl,
  );
  return rows.length;
}

/** Commits a slide change straight into database `name`, as another Podium process would; returns the new state. */
export async function commitDirectly(
  name: string,
  deckId: string,
  index: number,
  baseUrl = TEST_DATABASE_URL,
): Promise<SlideEventData> {
  const rows = await adminQuery<{ current_index: number; version: number }>(
    'UPDATE decks SET current_index = $2, version = version + 1 WHERE id = $1 RETURNING current_index, version',
    [deckId, index],
    name,
    baseUrl,
  );
  const row = rows[0];
  if (!row) throw new Error(`no deck ${deckId}`);
  return { index: row.current_index, step: 0, version: row.version };
}

/** The status code of `GET /healthz`. */
export async function healthStatus(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/healthz`);
  await res.body?.cancel();
  return res.status;
}

/** Milliseconds until `check` holds (polled every 10 ms); throws after `timeoutMs`. */
export async function timeUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Math.round(performance.now() - started);
}

/** Prints a measured figure (default unit ms) when `PODIUM_FAULT_TIMINGS=1`, so a run can report real recovery times. */
export function reportTiming(label: string, value: number, unit = 'ms'): void {
  if (process.env.PODIUM_FAULT_TIMINGS === '1') console.info(`[fault timing] ${label}: ${value} ${unit}`);
}

/**
 * An event stream read over a plain HTTP request that can stop reading, like a frozen tab or
 * a client that vanished: once paused, Node stops reading its socket (after ~16 KB), so the
 * server's writes back up. Records every slide event and every `retry:` hint.
 */
export class PausableStream {
  readonly events: SlideEventData[] = [];
  readonly retries: number[] = [];
  /** Resolves when the server ends the stream (FIN) or the connection breaks. */
  readonly ended: Promise<void>;
  private text = '';

  private constructor(
    private readonly req: ClientRequest,
    private readonly res: IncomingMessage,
  ) {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => this.handleData(chunk));
    this.ended = new Promise((resolve) => {
      res.once('end', () => resolve());
      res.once('close', () => resolve());
      res.once('error', () => resolve());
    });
  }

  /** Opens `GET <baseUrl>/api/decks/<deckId>/events` and waits for the first slide event. */
  static async open(baseUrl: string, deckId: string): Promise<PausableStream> {
    const req = request(`${baseUrl}/api/decks/${deckId}/events`, {
      agent: false,
      headers: { Accept: 'text/event-stream' },
    });
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      req.once('response', resolve);
      req.once('error', reject);
      req.end();
    });
    req.on('error', () => undefined);
    if (res.statusCode !== 200) throw new Error(`events answered ${res.statusCode}`);
    const stream = new PausableStream(req, res);
    await stream.waitFor((events) => events.length > 0, 5000);
    return stream;
  }

  /** The newest event received. */
  get latest(): SlideEventData | undefined {
    return this.events.at(-1);
  }

  /** Stops reading: bytes pile up in the kernel, then in the server. */
  pause(): void {
    this.res.pause();
  }

  /** Reads again. */
  resume(): void {
    this.res.resume();
  }

  /** Waits until `check(events)` holds, or throws after `timeoutMs`. */
  async waitFor(check: (events: SlideEventData[]) => boolean, timeoutMs: number): Promise<void> {
    await timeUntil(() => check(this.events), timeoutMs, 'stream events');
  }

  /** Drops the connection from this side. */
  destroy(): void {
    this.req.destroy();
  }

  private handleData(chunk: string): void {
    this.text += chunk;
    let end = this.text.indexOf('\n\n');
    while (end >= 0) {
      this.handleFrame(this.text.slice(0, end));
      this.text = this.text.slice(end + 2);
      end = this.text.indexOf('\n\n');
    }
  }

  private handleFrame(frame: string): void {
    const retry = /^retry: (\d+)$/m.exec(frame)?.[1];
    if (retry) this.retries.push(Number(retry));
    const data = /^data: (.*)$/m.exec(frame)?.[1];
    const event = /^event: slide$/m.test(frame) && data ? parseSlideEvent(data) : null;
    if (event) this.events.push(event);
  }
}

/**
 * Pushes slide states for `deckId` straight into the hub, 1,000 at a time (versions after
 * `fromVersion`), each flushed at once (the hub would coalesce a turn's changes into one write;
 * this offers a stream one write per change), until `count` were sent or `stop()` holds;
 * yields between batches so in-process readers keep up. It is how a test pushes megabytes
 * through a socket quickly: loopback absorbs ~2-4 MB per connection before the writer sees
 * backpressure. Resolves with the last version sent and the peak of `hub.bufferedBytes()`.
 */
export async function flood(
  hub: Hub,
  deckId: string,
  fromVersion: number,
  count: number,
  stop: () => boolean = () => false,
): Promise<{ version: number; peak: number }> {
  let peak = 0;
  let version = fromVersion;
  while (version < fromVersion + count && !stop()) {
    const batchEnd = Math.min(version + 1000, fromVersion + count);
    for (version += 1; version <= batchEnd; version += 1) {
      hub.broadcastSlide(deckId, { index: version % 3, step: 0, version, count: 3 });
      hub.flush();
    }
    version = batchEnd;
    peak = Math.max(peak, hub.bufferedBytes());
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { version, peak };
}

/** Versions never go down and each version always comes with the same index: true when `events` agree with `committed`. */
export function checkHistory(events: SlideEventData[], committed: Map<number, number>): string | null {
  let last = 0;
  for (const event of events) {
    if (event.version < last) return `version went back from ${last} to ${event.version}`;
    last = event.version;
    const index = committed.get(event.version);
    if (index === undefined) committed.set(event.version, event.index);
    else if (index !== event.index)
      return `version ${event.version} came with index ${event.index}, committed ${index}`;
  }
  return null;
}
