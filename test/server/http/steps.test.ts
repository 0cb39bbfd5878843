import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, Deck } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { SlideStreamClient } from '../../support/sse-client.js';

/** Three slides: no builds, three builds (reveal.js fragments, one a list item), one build. */
const STEPS_DECK = [
  '# Plain',
  '---',
  '## Builds',
  '',
  '<p class="fragment">first</p>',
  '',
  '<ul><li>always</li><li class="fragment">second</li></ul>',
  '',
  '<p class="fragment">third</p>',
  '---',
  '## One more',
  '',
  '<p class="fragment">only</p>',
].join('\n');

describe.each(DRIVERS)('build steps over HTTP on %s', (driver) => {
  let server: TestServer;
  let created: CreateDeckResponse;
  const clients: SlideStreamClient[] = [];
  const put = (body: unknown, ifMatch?: number) =>
    fetch(`${server.url}/api/decks/${created.deck.id}/slide`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${created.presenterKey}`,
        ...(ifMatch === undefined ? {} : { 'If-Match': `"${ifMatch}"` }),
      },
      body: JSON.stringify(body),
    });
  const getDeck = async () => (await (await fetch(`${server.url}/api/decks/${created.deck.id}`)).json()) as Deck;
  const stream = () => {
    const client = new SlideStreamClient(`${server.url}/api/decks/${created.deck.id}/events`);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ driver });
    created = await server.createDeck(STEPS_DECK);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.stop();
  });

  it("counts each slide's builds, keeps the data-step marks, and starts at step 0", async () => {
    expect(created.deck.slides.map((slide) => slide.steps)).toEqual([0, 3, 1]);
    expect(created.deck).toMatchObject({ index: 0, step: 0, version: 1 });
    const deck = await getDeck();
    expect(deck.slides.map((slide) => slide.steps)).toEqual([0, 3, 1]);
    expect(deck.slides[1]?.html).toContain('<li data-step="2">second</li>');
    expect(deck.step).toBe(0);
  });

  it("never takes an author's own data-step as a build mark", async () => {
    const odd = await server.createDeck('<p data-step="0">a</p><p data-step="x">b</p><p data-step="2">c</p>');
    expect(odd.deck.slides[0]?.steps).toBe(0);
    expect(odd.deck.slides[0]?.html).not.toContain('data-step');
  });

  it('moves through steps: GET, the PUT answer and one SSE event each carry the step', async () => {
    const client = stream();
    const first = await client.waitFor(() => true);
    expect(first).toMatchObject({ index: 0, step: 0, version: 1, count: 3 });

    const res = await put({ index: 1, step: 2 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ index: 1, step: 2, version: 2 });
    expect(await client.waitForVersion(2)).toMatchObject({ index: 1, step: 2, lastEventId: '2' });
    expect(await getDeck()).toMatchObject({ index: 1, step: 2, version: 2 });

    // Without a step, the slide is shown at step 0: a change on the same slide.
    expect(await (await put({ index: 1 })).json()).toEqual({ index: 1, step: 0, version: 3 });
    expect(await client.waitForVersion(3)).toMatchObject({ index: 1, step: 0 });

    // A late joiner starts on the same slide and step.
    await put({ index: 1, step: 3 });
    const late = stream();
    expect(await late.waitFor(() => true)).toMatchObject({ index: 1, step: 3, version: 4 });
  });

  it('the same index and step is no change: 200, version unchanged, no event', async () => {
    const client = stream();
    const first = await client.waitFor(() => true);
    const res = await put({ index: first.index, step: first.step });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ index: first.index, step: first.step, version: first.version });
    const moved = await put({ index: first.index, step: first.step === 0 ? 1 : 0 });
    expect(moved.status).toBe(200);
    await client.waitForVersion(first.version + 1);
    expect(client.events.map((event) => event.version)).toEqual([first.version, first.version + 1]);
  });

  it('answers 422 for a step out of range or not a whole number, changing nothing', async () => {
    const before = await getDeck();
    const tooFar = await expectError(await put({ index: 1, step: 4 }), 422, 'invalid_step');
    expect(tooFar.error.message).toBe('step must be between 0 and 3: slide 2 has 3 build steps.');
    const none = await expectError(await put({ index: 0, step: 1 }), 422, 'invalid_step');
    expect(none.error.message).toBe('step must be 0: slide 1 has no build steps.');
    await expectError(await put({ index: 1, step: -1 }), 422, 'invalid_step');
    await expectError(await put({ index: 1, step: 1.5 }), 422, 'invalid_step');
    await expectError(await put({ index: 1, step: '1' }), 422, 'invalid_step');
    await expectError(await put({ index: 1, step: null }), 422, 'invalid_step');
    await expectError(await put({ index: 1, step: 2 ** 40 }), 422, 'invalid_step');
    // A bad index is still named first.
    await expectError(await put({ index: 9, step: 0 }), 422, 'invalid_index');
    expect(await getDeck()).toMatchObject({ index: before.index, step: before.step, version: before.version });
  });

  it('honours If-Match with steps: the current version wins, a stale one gets 412 with the step', async () => {
    const now = await getDeck();
    const ok = await put({ index: 2, step: 1 }, now.version);
    expect(await ok.json()).toEqual({ index: 2, step: 1, version: now.version + 1 });
    const stale = await expectError(await put({ index: 1, step: 1 }, now.version), 412, 'version_mismatch');
    expect(stale.current).toEqual({ index: 2, step: 1, version: now.version + 1 });
    const same = await put({ index: 2, step: 1 }, now.version + 1);
    expect(await same.json()).toEqual({ index: 2, step: 1, version: now.version + 1 });
  });
});
