import fc from 'fast-check';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, SlideEventData } from '../../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { DRIVERS } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { eventually, openStreams } from '../../support/sse-client.js';
import { fakeClientDir, type FakeClientDir } from '../http/security-fixtures.js';
import { send } from './fuzz-send.js';
import { fuzzRequest, tokenOf, wellFormed, type FuzzWorld } from './fuzz-requests.js';

/**
 * Cases per driver; `FUZZ_RUNS` raises it for a longer hunt. To replay a failure, pass the
 * seed (and path) fast-check printed as `FUZZ_SEED` (and `FUZZ_PATH`); `FUZZ_TRACE=1` prints each request.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const ADMIN_TOKEN = 'fuzz-admin-token';

const deckMarkdown = (name: string) =>
  `# ${name}\n\nfirst\n\nNote:\nNOTE-${name}\n---\n## two\n---\n## three\n\nNote:\nNOTE-${name}`;

describe.each(DRIVERS)('API fuzz on %s', (driver) => {
  let server: TestServer;
  let client: FakeClientDir;
  let decks: CreateDeckResponse[];
  let world: FuzzWorld;
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });

  beforeAll(async () => {
    client = await fakeClientDir();
    // Rates off so that deep paths stay reachable all run long; limits have their own tests.
    server = await startTestServer({ driver, clientDir: client.dir, adminToken: ADMIN_TOKEN, limits: NO_RATE_LIMITS });
    const create = async (name: string) => {
      const res = await fetch(`${server.url}/api/decks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ markdown: deckMarkdown(name) }),
      });
      return (await res.json()) as CreateDeckResponse;
    };
    decks = [await create('A'), await create('B')];
    const [a, b] = decks as [CreateDeckResponse, CreateDeckResponse];
    const second = await server.store.keys.mint(a.deck.id, 'second');
    const revoked = await server.store.keys.mint(a.deck.id, 'revoked');
    if (second.kind !== 'minted' || revoked.kind !== 'minted') throw new Error('could not mint fuzz keys');
    await server.store.keys.revoke(a.deck.id, revoked.id);
    const keyIds = [...(await server.store.keys.list(a.deck.id)), ...(await server.store.keys.list(b.deck.id))].map(
      (k) => k.id,
    );
    world = {
      deckIds: [a.deck.id, b.deck.id, 'nosuchdk'],
      keyIds: [...keyIds, revoked.id],
      tokens: [a.presenterKey, second.key, b.presenterKey, revoked.key, ADMIN_TOKEN],
      ownTokens: { [a.deck.id]: [a.presenterKey, second.key], [b.deck.id]: [b.presenterKey] },
    };
  });
  afterAll(async () => {
    agent.destroy();
    await server?.stop();
    await client?.remove();
  });

  it(`answers ${RUNS} random requests without a 5xx, a hang, a bad error shape, a leak or an unkeyed slide change`, async () => {
    const states = async () =>
      Promise.all(decks.map(async (d) => (await server.store.getSlideState(d.deck.id)) as SlideEventData));
    let cases = 0;
    let changes = 0;
    const statuses = new Map<number, number>();
    const started = performance.now();

    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: fuzzRequest(world) }, wellFormed(world)), async (req) => {
        cases += 1;
        const before = await states();
        if (process.env.FUZZ_TRACE)
          console.log(cases, JSON.stringify({ ...req, body: req.body?.toString('utf8').slice(0, 80) }));
        const answer = await send(server.url, agent, req);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const after = await states();
        const token = tokenOf(req);
        const what = `${req.method} ${req.path} -> ${answer.status} ${answer.body.slice(0, 200)}`;

        expect(answer.status, what).toBeGreaterThanOrEqual(200);
        expect(answer.status, what).toBeLessThan(500);
        if (answer.status >= 400 && req.method !== 'HEAD') {
          expect(answer.contentType, what).toMatch(/^application\/json/);
          const body = JSON.parse(answer.body) as { error?: { code?: unknown; message?: unknown } };
          expect(body.error?.code, what).toMatch(/^[a-z]+(_[a-z]+)*$/);
          expect(typeof body.error?.message, what).toBe('string');
        }
        // Neither a PUT nor a read revokes keys, so liveness after the request is liveness during it.
        const live = async (deckId: string) => (await server.store.keys.check(deckId, token)).kind === 'ok';
        for (const [i, deck] of decks.entries()) {
          // Only a live key of this very deck, through a successful PUT, moves it.
          if (after[i]?.version !== before[i]?.version) {
            changes += 1;
            const seen = { method: req.method, status: answer.status, live: await live(deck.deck.id) };
            expect(seen, what).toEqual({ method: 'PUT', status: 200, live: true });
          }
          if (answer.body.includes(`NOTE-${deck.deck.title}`))
            expect(await live(deck.deck.id), `notes leaked: ${what}`).toBe(true);
        }
        for (const known of world.tokens) expect(answer.body.includes(known), `key leaked: ${what}`).toBe(false);
      }),
      // FUZZ_SEED (and FUZZ_PATH) replay a failure that fast-check reported.
      {
        numRuns: RUNS,
        endOnFailure: true,
        seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
        path: process.env.FUZZ_PATH,
      },
    );

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const summary = [...statuses.entries()]
      .sort(([x], [y]) => x - y)
      .map(([s, n]) => `${s}:${n}`)
      .join(' ');
    console.info(
      `[fuzz ${driver}] ${cases} cases in ${seconds} s, ${changes} keyed slide changes; statuses ${summary}`,
    );
    expect(cases).toBe(RUNS);
    expect(changes, 'keyed slide changes').toBeGreaterThan(0);
    // The mix must reach past the guards: successes, key and body errors, missing routes (a 204 revocation is too rare to demand).
    for (const status of [200, 201, 400, 401, 404])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);

    // Afterwards the server still answers, still takes a live key and lets every stream go.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const a = decks[0] as CreateDeckResponse;
    // The run may have revoked every key it started with (minting others first): use a fresh one.
    const fresh = await server.store.keys.mint(a.deck.id, 'after the fuzz');
    const state = await server.store.getSlideState(a.deck.id);
    const target = state?.index === 2 ? 1 : 2;
    expect((await server.putSlide(a.deck.id, fresh.kind === 'minted' ? fresh.key : '', target)).status).toBe(200);
    await eventually(async () => (await openStreams(server.url)) === 0, 5000, 'no stream left open');
  });
});
