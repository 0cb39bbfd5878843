import { request, type IncomingMessage } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetSlideResponse } from '../../shared/protocol.js';
import { DRIVERS } from '../support/databases.js';
import { parseRemoteLink, spawnPodium } from '../support/process.js';
import { PausableStream, processStorage, reportTiming, type ProcessStorage } from './fault-kit.js';

/** Starts a PUT whose body is only half sent; `finish()` sends the rest and resolves with the answer. */
function startSlowPut(url: string, key: string, index: number) {
  const body = JSON.stringify({ index });
  const req = request(url, {
    method: 'PUT',
    agent: false,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${key}`,
      'Content-Length': Buffer.byteLength(body),
    },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
  });
  req.write(body.slice(0, 5));
  return {
    finish() {
      req.end(body.slice(5));
      return answered;
    },
  };
}

describe.each(DRIVERS)('graceful shutdown (%s)', (driver) => {
  let store: ProcessStorage;
  // One data directory for both signals: a fresh PGlite directory costs seconds to initialise.
  beforeAll(async () => {
    store = await processStorage(driver);
  });
  afterAll(() => store?.cleanup());

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s: stops accepting, ends streams with a retry hint, finishes the PUT in flight, closes the database, exits 0 within 5 s',
    { timeout: 45_000 },
    async (signal) => {
      const podium = await spawnPodium({ ...store.env, PODIUM_RATE_LIMIT: 'off' });
      try {
        const { deckId, key } = parseRemoteLink(podium.remote);
        const streams = await Promise.all([
          PausableStream.open(podium.url, deckId),
          PausableStream.open(podium.url, deckId),
        ]);
        const index = signal === 'SIGTERM' ? 3 : 4;
        const put = startSlowPut(`${podium.url}/api/decks/${deckId}/slide`, key, index);
        await new Promise((resolve) => setTimeout(resolve, 200));

        const signalled = performance.now();
        podium.proc.kill(signal);
        await Promise.all(streams.map((s) => s.ended));
        const streamsEnded = Math.round(performance.now() - signalled);
        // The last frame asks clients to come back soon (to another process behind the balancer).
        for (const stream of streams) expect(stream.retries.at(-1)).toBe(250);
        await expect(fetch(`${podium.url}/healthz`)).rejects.toThrow();

        const answer = await put.finish();
        expect(answer.status).toBe(200);
        expect((JSON.parse(answer.body) as SetSlideResponse).index).toBe(index);

        const code = await podium.exited;
        const exitedAfter = Math.round(performance.now() - signalled);
        expect(code).toBe(0);
        expect(exitedAfter).toBeLessThan(5000);
        // PGlite closed cleanly: the data-dir lock is released, not left for a takeover.
        if (store.dataDir) expect(existsSync(join(store.dataDir, 'podium.lock'))).toBe(false);
        reportTiming(`${signal} on ${driver}: signal -> streams ended`, streamsEnded);
        reportTiming(`${signal} on ${driver}: signal -> exit 0 (one PUT finished meanwhile)`, exitedAfter);
      } finally {
        await podium.stop();
      }
    },
  );
});
