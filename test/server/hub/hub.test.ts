import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SlideEventData } from '../../../shared/protocol.js';
import { sseEvent } from '../../../server/hub/event-kind.js';
import { Hub, type HubOptions } from '../../../server/hub/hub.js';
import { StreamLimiter } from '../../../server/security/stream-limiter.js';
import { eventually } from '../../support/sse-client.js';

/** A real HTTP server on port 0 whose every request opens a stream of `/<deck>` on the hub, from the address in `?from=`. */
async function serve(options: Partial<HubOptions> = {}) {
  const hub = new Hub({ heartbeatMs: 60_000, retryMs: 1000, drainTimeoutMs: 30_000, ...options });
  const starts = new Map<string, SlideEventData>();
  const refusals: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const deckId = url.pathname.slice(1);
    const stream = hub.open(deckId, res, url.searchParams.get('from') ?? 'local');
    if (typeof stream === 'string') {
      refusals.push(stream);
      res.writeHead(429).end();
      return;
    }
    stream.start(starts.get(deckId) ?? { index: 0, step: 0, version: 1, count: 3 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { hub, server, base, starts, refusals };
}

/** A raw stream reader: everything the server sent, as text. */
function follow(url: string) {
  let text = '';
  let response: IncomingMessage | undefined;
  const request = get(url, (res) => {
    response = res;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
  });
  request.on('error', () => undefined);
  return {
    text: () => text,
    status: () => response?.statusCode,
    versions: () => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1])),
    close: () => request.destroy(),
  };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function started(options?: Partial<HubOptions>) {
  const world = await serve(options);
  cleanups.push(() => {
    world.hub.closeAll();
    world.server.closeAllConnections();
    world.server.close();
  });
  return world;
}

describe('Hub', () => {
  it('sends each change once to every stream of its deck and to no other deck', async () => {
    const { hub, base } = await started();
    const a1 = follow(`${base}/a`);
    const a2 = follow(`${base}/a`);
    const b = follow(`${base}/b`);
    await eventually(() => hub.size === 3, 5000, 'three streams');
    await eventually(() => [a1, a2, b].every((s) => s.versions().length === 1), 5000, 'first states');
    hub.broadcastSlide('a', { index: 1, step: 0, version: 2, count: 3 });
    hub.broadcastSlide('a', { index: 1, step: 0, version: 2, count: 3 });
    hub.broadcastSlide('a', { index: 0, step: 0, version: 1, count: 3 });
    await eventually(() => a1.versions().includes(2) && a2.versions().includes(2), 5000, 'version 2 on deck a');
    hub.broadcastSlide('a', { index: 0, step: 0, version: 1, count: 3 });
    hub.broadcastSlide('a', { index: 2, step: 0, version: 3, count: 3 });
    await eventually(() => a1.versions().includes(3) && a2.versions().includes(3), 5000, 'version 3 on deck a');
    expect(a1.versions()).toEqual([1, 2, 3]);
    expect(a2.versions()).toEqual([1, 2, 3]);
    expect(b.versions()).toEqual([1]);
    expect(a1.text().startsWith('retry: 1000\n\n')).toBe(true);
  });

  it('gives a stream registered before its state was read a change that landed in between, and never goes back', async () => {
    const { hub, server, base } = await started();
    // Register, let a change land, then start with the (older) state that was read.
    server.removeAllListeners('request');
    server.on('request', (_req, res) => {
      const stream = hub.open('a', res);
      if (typeof stream === 'string') throw new Error('refused');
      hub.broadcastSlide('a', { index: 2, step: 0, version: 5, count: 3 });
      stream.start({ index: 1, step: 0, version: 4, count: 3 });
    });
    const reader = follow(`${base}/a`);
    await eventually(() => reader.versions().length > 0, 5000, 'a first event');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reader.versions()).toEqual([4, 5]);
  });

  it('coalesces a burst: 1,000 changes on one deck reach 50 streams as far fewer writes, all ending on the last', async () => {
    const { hub, base } = await started();
    const readers = Array.from({ length: 50 }, () => follow(`${base}/a`));
    await eventually(() => readers.every((r) => r.versions().length === 1), 10_000, 'first states');
    const before = { ...hub.counts };
    // Ten changes per turn of the event loop, as a busy LISTEN connection delivers them.
    for (let version = 2; version <= 1001; version += 1) {
      hub.broadcastSlide('a', { index: version % 3, step: 0, version, count: 3 });
      if (version % 10 === 1) await new Promise((resolve) => setImmediate(resolve));
    }
    await eventually(() => readers.every((r) => r.versions().at(-1) === 1001), 10_000, 'the last version everywhere');
    const fanouts = hub.counts.fanouts - before.fanouts;
    const writes = hub.counts.writes - before.writes;
    expect(hub.counts.changes - before.changes).toBe(1000);
    expect(fanouts).toBeLessThanOrEqual(101);
    expect(writes).toBeLessThanOrEqual(101 * readers.length);
    for (const reader of readers) {
      const versions = reader.versions();
      expect(versions.length).toBeLessThanOrEqual(102);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
    }
  });

  it('writes a big fan-out in slices between turns of the event loop, restarting it with a newer change', async () => {
    // A zero budget: each slice offers 32 streams, then looks at the clock and yields.
    const { hub, base } = await started({ fanoutSliceMs: 0 });
    const readers = Array.from({ length: 100 }, () => follow(`${base}/a`));
    const other = follow(`${base}/b`);
    await eventually(() => [...readers, other].every((r) => r.versions().length === 1), 10_000, 'first states');
    const before = hub.counts.writes;
    hub.broadcastSlide('a', { index: 1, step: 0, version: 2, count: 3 });
    await new Promise((resolve) => setImmediate(resolve));
    // One slice ran: the rest of deck a waits for the next turn.
    expect(hub.counts.writes - before).toBe(32);
    hub.broadcastSlide('b', { index: 1, step: 0, version: 2, count: 3 });
    hub.broadcastSlide('a', { index: 2, step: 0, version: 3, count: 3 });
    await eventually(() => other.versions().at(-1) === 2, 10_000, 'deck b');
    await eventually(() => readers.every((r) => r.versions().at(-1) === 3), 10_000, 'the last version on deck a');
    // The restarted pass took the newest frame to the streams not yet visited: they never got version 2.
    const gotTwo = readers.filter((r) => r.versions().includes(2)).length;
    expect(gotTwo).toBeGreaterThanOrEqual(32);
    expect(gotTwo).toBeLessThan(100);
    expect(hub.counts.writes - before).toBe(gotTwo + 100 + 1);
    for (const reader of readers)
      expect(reader.versions()).toEqual([...new Set(reader.versions())].sort((x, y) => x - y));
  });

  it('keeps the latest of each event kind apart: a newer slide does not replace a pending other kind', async () => {
    const { hub, base } = await started();
    const reader = follow(`${base}/a`);
    await eventually(() => reader.versions().length === 1, 5000, 'first state');
    const tally = { name: 'tally', version: (n: number) => n, frame: (n: number) => sseEvent('tally', { n }, n) };
    hub.broadcast(tally, 'a', 7);
    hub.broadcast(tally, 'a', 8);
    hub.broadcastSlide('a', { index: 1, step: 0, version: 2, count: 3 });
    hub.broadcast(tally, 'a', 6);
    await eventually(() => reader.text().includes('event: tally'), 5000, 'the tally');
    await eventually(() => reader.versions().includes(2), 5000, 'the slide');
    expect(reader.text().match(/event: tally\nid: \d+\ndata: .*\n/g)).toEqual(['event: tally\nid: 8\ndata: {"n":8}\n']);
  });

  it('counts open streams against its caps and frees a slot as soon as a client leaves', async () => {
    const { hub, base, refusals } = await started({ limiter: new StreamLimiter(3, 2) });
    const first = follow(`${base}/a?from=x`);
    follow(`${base}/a?from=x`);
    await eventually(() => hub.size === 2, 5000, 'two streams');
    const third = follow(`${base}/a?from=x`);
    await eventually(() => third.status() === 429, 5000, 'the address refused');
    follow(`${base}/b?from=y`);
    await eventually(() => hub.size === 3, 5000, 'three streams');
    const fourth = follow(`${base}/b?from=z`);
    await eventually(() => fourth.status() === 429, 5000, 'the process refused');
    expect(refusals).toEqual(['address', 'process']);
    first.close();
    await eventually(() => hub.size === 2, 1000, 'the closed stream gone');
    expect(hub.deckIds().sort()).toEqual(['a', 'b']);
  });

  it('sends comment heartbeats, and ends every stream with a short retry hint on closeAll', async () => {
    const { hub, base } = await started({ heartbeatMs: 50 });
    const reader = follow(`${base}/a`);
    await eventually(() => reader.text().includes(': heartbeat\n\n'), 5000, 'a heartbeat');
    hub.closeAll();
    await eventually(() => reader.text().endsWith('retry: 250\n\n'), 5000, 'the goodbye');
    await eventually(() => hub.size === 0, 1000, 'no streams');
  });
});
