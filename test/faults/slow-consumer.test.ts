import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SlideEventData } from '../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../server/security/limits.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../support/server.js';
import { openStreams, SlideStreamClient } from '../support/sse-client.js';
import { flood, PausableStream, reportTiming, timeUntil } from './fault-kit.js';

/** A socket's high-water mark (16 KiB) plus one chunk-framed slide event: the most one stream may hold. */
const STREAM_MEMORY_BOUND = 16 * 1024 + 256;
const DRAIN_TIMEOUT_MS = 2000;

function strictlyRising(events: SlideEventData[]): boolean {
  return events.every((event, i) => i === 0 || event.version > events[i - 1]!.version);
}

// The hub does not depend on the driver: PGlite in memory keeps this fast.
describe('slow consumer', () => {
  let server: TestServer;
  const open: PausableStream[] = [];

  const newDeck = async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    return { id: created.deck.id, key: created.presenterKey };
  };
  const pausedStream = async (deckId: string) => {
    const stream = await PausableStream.open(server.url, deckId);
    open.push(stream);
    stream.pause();
    return stream;
  };

  beforeAll(async () => {
    server = await startTestServer({ limits: NO_RATE_LIMITS, heartbeatMs: 200, drainTimeoutMs: DRAIN_TIMEOUT_MS });
  });
  // Each test starts with no stream open, so podium_sse_clients counts only its own.
  afterEach(async () => {
    for (const stream of open.splice(0)) stream.destroy();
    await timeUntil(async () => (await openStreams(server.url)) === 0, 3000, 'streams of the last test to close');
  });
  afterAll(() => server?.stop());

  it('stops reading while the presenter makes 1,000 changes: the server holds next to nothing for it, and it gets the newest state when it reads again', async () => {
    const deck = await newDeck();
    const slow = await pausedStream(deck.id);
    const brisk = new SlideStreamClient(`${server.url}/api/decks/${deck.id}/events`);
    let peak = 0;
    let version = 1;
    for (let i = 1; i <= 1000; i += 1) {
      const res = await server.putSlide(deck.id, deck.key, i % 3);
      expect(res.status).toBe(200);
      version = ((await res.json()) as SlideEventData).version;
      peak = Math.max(peak, server.hub.bufferedBytes());
    }
    expect(version).toBe(1001);
    expect(peak).toBeLessThan(STREAM_MEMORY_BOUND);
    slow.resume();
    await slow.waitFor((events) => events.at(-1)?.version === 1001, 5000);
    await brisk.waitForVersion(1001);
    brisk.close();
    expect(strictlyRising(slow.events)).toBe(true);
    reportTiming('slow consumer: peak held by the server while 1,000 changes went by', peak, 'bytes');
  });

  it('once its socket really backs up, only the newest state waits: memory stays bounded and the newest state arrives on drain', async () => {
    const deck = await newDeck();
    const slow = await pausedStream(deck.id);
    // 120,000 events (~7 MB): past the ~4 MB that loopback buffers absorb.
    const { peak } = await flood(server.hub, deck.id, 1, 120_000);
    expect(peak).toBeLessThan(STREAM_MEMORY_BOUND);
    slow.resume();
    await slow.waitFor((events) => events.at(-1)?.version === 120_001, 5000);
    expect(slow.events.length).toBeLessThan(120_000);
    expect(strictlyRising(slow.events)).toBe(true);
    reportTiming(
      `slow consumer: ${slow.events.length} of 120,000 events delivered; peak held by the server`,
      peak,
      'bytes',
    );
  });

  it('drops a client that never drains once the drain timeout passes, while the deck keeps moving; podium_sse_clients comes back down', async () => {
    const deck = await newDeck();
    await pausedStream(deck.id);
    expect(await openStreams(server.url)).toBe(1);
    const started = performance.now();
    // Up to 1,000,000 changes (~65 MB offered); the kernel stops taking bytes after a few MB.
    const { version, peak } = await flood(server.hub, deck.id, 1, 1_000_000, () => server.hub.size === 0);
    expect(server.hub.size).toBe(0);
    expect(peak).toBeLessThan(STREAM_MEMORY_BOUND);
    expect(await openStreams(server.url)).toBe(0);
    reportTiming(
      `slow consumer: never drains -> dropped after ${version - 1} changes offered (drain timeout ${DRAIN_TIMEOUT_MS} ms)`,
      Math.round(performance.now() - started),
    );
  });
});
