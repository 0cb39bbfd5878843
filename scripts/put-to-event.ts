/**
 * Measures PUT-to-event latency on one in-process Podium: a stream listens, the presenter
 * PUTs N changes one after another, and each change's time from sending the PUT to the
 * stream receiving its event is recorded. Usage:
 *   npx tsx scripts/put-to-event.ts [changes=200]            (PGlite, in memory)
 *   DATABASE_URL=postgres://... npx tsx scripts/put-to-event.ts   (a scratch database on that server)
 *   UPLOADS=3 npx tsx scripts/put-to-event.ts                (while 3 clients keep creating 1 MiB decks of code)
 * In-process (the clients share Podium's event loop); `npm run bench` measures the same on its
 * own Podium process (bench/upload-latency.ts; `npm run bench -- --uploads-only` for just that).
 */
import { heavyCodeDeck } from '../bench/upload-latency.js';
import { NO_RATE_LIMITS } from '../server/security/limits.js';
import { createScratchDatabase } from '../test/support/databases.js';
import { SAMPLE_DECK, startTestServer } from '../test/support/server.js';
import { SlideStreamClient } from '../test/support/sse-client.js';

const changes = Number(process.argv[2] ?? 200);
const base = process.env.DATABASE_URL;
const scratch = base ? await createScratchDatabase(base) : undefined;
// Rate limits off: a presenter never changes 200 slides back to back.
const server = await startTestServer({
  driver: scratch ? 'postgres' : 'pglite',
  shared: scratch,
  limits: NO_RATE_LIMITS,
});
const { deck, presenterKey } = await server.createDeck(SAMPLE_DECK);
const stream = new SlideStreamClient(`${server.url}/api/decks/${deck.id}/events`);
await stream.waitForVersion(1);
// Hostile uploads beside the talk: each client creates 1 MiB decks of code, one after another.
const uploaders = Number(process.env.UPLOADS ?? 0);
const heavyDeck = heavyCodeDeck();
let uploading = uploaders > 0;
let uploaded = 0;
const uploads = Array.from({ length: uploaders }, async () => {
  while (uploading) {
    const res = await fetch(`${server.url}/api/decks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ markdown: heavyDeck }),
    });
    await res.arrayBuffer();
    if (res.status === 201) uploaded += 1;
  }
});
const samples: number[] = [];
for (let i = 1; i <= changes; i += 1) {
  const sent = performance.now();
  const res = await server.putSlide(deck.id, presenterKey, i % 3);
  if (res.status !== 200) throw new Error(`PUT answered ${res.status}`);
  await stream.waitForVersion(i + 1);
  samples.push(performance.now() - sent);
}
uploading = false;
await Promise.all(uploads);
stream.close();
await server.stop();
await scratch?.drop();
samples.sort((a, b) => a - b);
const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2);
console.log(
  `${server.driver}: ${changes} changes${uploaders ? ` while ${uploaders} clients created ${uploaded} 1 MiB decks` : ''}, PUT-to-event ms p50 ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}, max ${at(1)}`,
);
