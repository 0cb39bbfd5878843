/**
 * The stage of the room phases: two Podium processes (bench/servers.ts, separate OS processes)
 * on one scratch Postgres database, a fresh deck with a poll, the audience's streams (held by
 * the load pool) and phones (one viewer cookie each, keep-alive HTTP) spread over both
 * processes, and the presenter remote's stream (presenter key) on the second process.
 */
import { Agent } from 'node:http';
import type { CreateDeckResponse } from '../shared/protocol.js';
import { EventRecorder } from '../test/support/room-client.js';
import { sleep } from './clock.js';
import { httpJson, httpRequest, type HttpAnswer } from './http-client.js';
import type { LoadPool } from './load-pool.js';
import { rssBytes } from './proc-stats.js';
import type { BenchServer } from './servers.js';
import { followDeck } from './upload-latency.js';

/** The deck of the room phases: its second slide holds the poll POLL_ID. */
const ROOM_DECK = [
  '# Room bench',
  '## Vote\n\n```poll\nBest fruit?\n- Apple\n- Pear\n- Plum\n- Fig\n```',
  '## Three',
  '## Four',
].join('\n\n---\n\n');

/** The poll of ROOM_DECK (slide 1, first poll) and its option count. */
export const POLL_ID = 's1p1';
export const POLL_OPTIONS = 4;

/**
 * Phones share these sockets: keep-alive, as a phone's browser keeps its connection. An idle one
 * is closed after 4 s, before Podium's keep-alive timeout (5 s) closes it under a request.
 */
const PHONE_AGENT = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });

/** One audience member posting to one process: its own viewer cookie, over PHONE_AGENT. */
export class Phone {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  /** Sends a request as this viewer (JSON body); keeps the viewer cookie the server sets. */
  async request(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const headers: Record<string, string> = this.cookie ? { Cookie: this.cookie } : {};
    const answer = await httpRequest(method, `${this.baseUrl}${path}`, body, headers, 60_000, PHONE_AGENT);
    const set = answer.headers['set-cookie']?.find((line) => line.startsWith('podium_viewer='));
    if (set) this.cookie = set.split(';')[0] ?? '';
    return answer;
  }
}

/** Everything a room phase drives. */
export interface RoomStage {
  servers: readonly [BenchServer, BenchServer];
  /** `/api/decks/<id>`. */
  deckPath: string;
  /** One per viewer, alternating between the two processes. */
  phones: Phone[];
  /** The presenter remote's stream, on the second process. */
  remote: EventRecorder;
  /** Streams the load pool opened (and failed to). */
  streams: { ok: number; failed: number };
  /** Resident memory and V8 heap in use of both processes after a collection: before the streams, with them open. */
  memory: { idle: Memory; streams: Memory };
  /** Both processes' memory now, after a collection. */
  measureMemory(): Promise<Memory>;
  /** Changes the slide on the first process and resolves once the second process's audience stream has it: ms. */
  putToEvent(): Promise<number>;
  /** Closes the streams (the processes are the caller's to stop). */
  close(): Promise<void>;
}

/** Bytes of memory, summed over both processes. */
export interface Memory {
  rss: number;
  heap: number;
}

async function totalMemory(servers: readonly BenchServer[]): Promise<Memory> {
  await Promise.all(servers.map((server) => server.collectGarbage()));
  const heaps = await Promise.all(servers.map((server) => server.heapUsed()));
  return {
    rss: servers.reduce((sum, server) => sum + rssBytes(server.pid()), 0),
    heap: heaps.reduce((sum, heap) => sum + heap, 0),
  };
}

/**
 * Sets the stage on two started processes: a new deck on the first, `viewers` audience streams
 * (half on each process), as many phones (each with its viewer cookie, from a presence report
 * as a page load makes), the remote's stream on the second process.
 */
export async function openRoomStage(
  servers: readonly [BenchServer, BenchServer],
  pool: LoadPool,
  viewers: number,
  options: { concurrency: number; timeoutMs: number },
): Promise<RoomStage> {
  const [a, b] = servers;
  const created = await httpJson<CreateDeckResponse>('POST', `${a.url}/api/decks`, { markdown: ROOM_DECK }, {}, 201);
  const deckPath = `/api/decks/${created.deck.id}`;
  const auth = { Authorization: `Bearer ${created.presenterKey}` };
  const idle = await totalMemory(servers);
  const streams = { ok: 0, failed: 0 };
  for (const [i, server] of servers.entries()) {
    const count = i === 0 ? Math.ceil(viewers / 2) : Math.floor(viewers / 2);
    const opened = await pool.open('127.0.0.1', server.port, [`${deckPath}/events`], count, options.concurrency);
    streams.ok += opened.ok;
    streams.failed += opened.failed;
  }
  await sleep(500);
  const withStreams = await totalMemory(servers);
  const phones = Array.from({ length: viewers }, (_, i) => new Phone(servers[i % 2]?.url ?? a.url));
  await inBatches(phones, 64, (phone) => phone.request('POST', `${deckPath}/presence`, { live: true }));
  const remote = new EventRecorder(`${b.url}${deckPath}/events`, ['slide', 'reactions', 'questions', 'poll'], auth);
  await remote.opened(options.timeoutMs);
  const follower = followDeck(b, created.deck.id, options.timeoutMs);
  await follower.reached(created.deck.version);
  let index = 0;
  return {
    servers,
    deckPath,
    phones,
    remote,
    streams,
    memory: { idle, streams: withStreams },
    measureMemory: () => totalMemory(servers),
    async putToEvent() {
      index = (index + 1) % 4;
      const sent = performance.now();
      const { version } = await httpJson<{ version: number }>('PUT', `${a.url}${deckPath}/slide`, { index }, auth);
      await follower.reached(version);
      return performance.now() - sent;
    },
    async close() {
      remote.close();
      follower.connection.reset();
      await pool.close();
    },
  };
}

/** Runs `work` on every item, at most `size` at once. */
export async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}
