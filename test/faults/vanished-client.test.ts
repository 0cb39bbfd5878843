import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../support/server.js';
import { openStreams, SlideStreamClient } from '../support/sse-client.js';
import { flood, PausableStream, reportTiming, timeUntil } from './fault-kit.js';

const DRAIN_TIMEOUT_MS = 1000;

// A client that vanished sends no FIN and reads nothing. Loopback cannot drop packets, so
// "vanished" here is a socket that stopped reading for good and is never closed.
describe('vanished clients', () => {
  let server: TestServer;
  let vanished: PausableStream[] = [];
  let viewer: SlideStreamClient | undefined;

  beforeAll(async () => {
    server = await startTestServer({ heartbeatMs: 100, drainTimeoutMs: DRAIN_TIMEOUT_MS });
  });
  afterAll(async () => {
    for (const stream of vanished) stream.destroy();
    viewer?.close();
    await server?.stop();
  });

  it('are freed by the drain timeout once their buffers fill, while a viewer on the same deck goes on; podium_sse_clients comes back down', async () => {
    const { deck } = await server.createDeck(SAMPLE_DECK);
    viewer = new SlideStreamClient(`${server.url}/api/decks/${deck.id}/events`);
    await viewer.waitForVersion(1);
    vanished = await Promise.all(Array.from({ length: 3 }, () => PausableStream.open(server.url, deck.id)));
    for (const stream of vanished) stream.pause();
    // Idle, they stay: each 13-byte heartbeat still reaches the kernel, whose buffers (MBs on
    // loopback) heartbeats alone would take days to fill. A peer that is really gone leaves
    // heartbeats unacknowledged, and the kernel's retransmission timeout ends it (~15 min).
    await new Promise((resolve) => setTimeout(resolve, 3 * 100));
    expect(await openStreams(server.url)).toBe(4);

    const started = performance.now();
    const { version, peak } = await flood(server.hub, deck.id, 1, 2_000_000, () => server.hub.size <= 1);
    const freed = await timeUntil(async () => (await openStreams(server.url)) === 1, 1000, 'only the viewer left');
    await viewer.waitForVersion(version, 10_000);
    expect(viewer.errors).toBe(0);
    expect(peak).toBeLessThan(4 * (16 * 1024 + 256));
    reportTiming('vanished: deck moving -> all 3 freed', Math.round(performance.now() - started) + freed);
    reportTiming('vanished: peak held by the server for 4 streams', peak, 'bytes');
  });
});
