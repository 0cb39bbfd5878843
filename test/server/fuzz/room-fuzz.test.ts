import fc from 'fast-check';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { DRIVERS } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { eventually, openStreams } from '../../support/sse-client.js';
import { send } from './fuzz-send.js';
import { deletion, multipartRequest, roomRequest, type RoomWorld } from './room-fuzz-requests.js';

/** Cases per driver; `FUZZ_RUNS` raises it, `FUZZ_SEED` (and `FUZZ_PATH`) replay a failure fast-check printed. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const ADMIN_TOKEN = 'room-fuzz-admin';
/** An upload's bound: a PDF's rendering child starts per upload (seconds from source under load). */
const UPLOAD_TIMEOUT_MS = 60_000;
const POLL_DECK = '# Room\n\nHello\n\n---\n\n## Vote\n\n```poll\nBest colour?\n- red\n- blue\n- green\n```';

describe.each(DRIVERS)('room, upload and deletion fuzz on %s', (driver) => {
  let server: TestServer;
  let world: RoomWorld;
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });

  beforeAll(async () => {
    server = await startTestServer({ driver, adminToken: ADMIN_TOKEN, limits: NO_RATE_LIMITS });
    const create = async (markdown: string) => {
      const res = await fetch(`${server.url}/api/decks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ markdown }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as CreateDeckResponse;
    };
    const room = await create(POLL_DECK);
    const other = await create('# Other\n\nSlide');
    // One after another, as an operator script would.
    const victims: CreateDeckResponse[] = [];
    for (const i of [1, 2, 3, 4]) victims.push(await create(`# Victim ${i}\n\nGone soon`));
    const pollIds = [
      ...room.deck.slides
        .map((s) => s.html)
        .join('')
        .matchAll(/data-poll="([^"]+)"/g),
    ].map((m) => m[1]!);
    expect(pollIds.length).toBe(1);
    const asked = await fetch(`${server.url}/api/decks/${room.deck.id}/questions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'First question?' }),
    });
    const question = ((await asked.json()) as { question: { id: string } }).question;
    world = {
      deckIds: [room.deck.id, other.deck.id, 'nosuchdk'],
      victims: victims.map((v) => ({ id: v.deck.id, key: v.presenterKey })),
      pollIds,
      questionIds: [question.id],
      tokens: [room.presenterKey, other.presenterKey, ADMIN_TOKEN],
      adminToken: ADMIN_TOKEN,
    };
  });
  afterAll(async () => {
    agent.destroy();
    await server?.stop();
  });

  it(`answers ${RUNS} random reactions, presence, questions, polls, uploads and deletions without a 5xx, a hang or a bad error shape`, async () => {
    const statuses = new Map<number, number>();
    const routes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 6, arbitrary: roomRequest(world) },
          { weight: 3, arbitrary: multipartRequest(world) },
          deletion(world),
        ),
        async (req) => {
          // A PDF is rendered in a child process, started per upload: slow under load, never endless.
          const answer = await send(server.url, agent, req, req.path === '/api/decks' ? UPLOAD_TIMEOUT_MS : undefined);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const what = `${req.method} ${req.path} -> ${answer.status} ${answer.body.slice(0, 200)}`;
          expect(answer.status, what).toBeGreaterThanOrEqual(200);
          expect(answer.status, what).toBeLessThan(500);
          if (answer.status >= 400) {
            expect(answer.contentType, what).toMatch(/^application\/json/);
            const body = JSON.parse(answer.body) as { error?: { code?: unknown; message?: unknown } };
            expect(body.error?.code, what).toMatch(/^[a-z]+(_[a-z]+)*$/);
            expect(body.error?.message, what).toMatch(/\w+ \w+/);
          } else {
            routes.add(
              `${req.method} ${req.path.replace(/\/api\/decks\/[^/]+/, '/api/decks/:id').replace(/\/(questions|polls)\/[^/]+/, '/$1/:x')}`,
            );
          }
          for (const known of world.tokens) expect(answer.body.includes(known), `key leaked: ${what}`).toBe(false);
        },
      ),
      {
        numRuns: RUNS,
        endOnFailure: true,
        seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
        path: process.env.FUZZ_PATH,
      },
    );
    // The room decks were never deleted, so the room routes were reached all run long.
    for (const id of world.deckIds.slice(0, 2)) expect((await fetch(`${server.url}/api/decks/${id}`)).status).toBe(200);
    const summary = [...statuses.entries()]
      .sort(([x], [y]) => x - y)
      .map(([s, n]) => `${s}:${n}`)
      .join(' ');
    console.info(
      `[room fuzz ${driver}] ${RUNS} cases; statuses ${summary}; succeeded: ${[...routes].sort().join(', ')}`,
    );
    // The mix reaches past the guards: uploads created, reactions and votes taken, questions asked, decks deleted.
    for (const status of [201, 202, 204, 400, 401, 404])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    // Every victim the run deleted is gone; the others still delete cleanly.
    for (const victim of world.victims) {
      const res = await fetch(`${server.url}/api/decks/${victim.id}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${victim.key}` },
      });
      expect([204, 404]).toContain(res.status);
      expect((await fetch(`${server.url}/api/decks/${victim.id}`)).status).toBe(404);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await eventually(async () => (await openStreams(server.url)) === 0, 5000, 'no stream left open');
  }, 600_000);
});
