import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClockResponse, CreateDeckResponse, PresenterDeck } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { SlideStreamClient } from '../../support/sse-client.js';

const TIMED_DECK = ['---', 'title: Timed', 'duration: 35min', '---', '# One', '---', '# Two', '---', '# Three'].join(
  '\n',
);

describe.each(DRIVERS)('the talk clock over HTTP on %s', (driver) => {
  let server: TestServer;
  let created: CreateDeckResponse;
  const clients: SlideStreamClient[] = [];
  const auth = () => ({ Authorization: `Bearer ${created.presenterKey}`, 'Content-Type': 'application/json' });
  const clock = (body: unknown, ifMatch?: number) =>
    fetch(`${server.url}/api/decks/${created.deck.id}/clock`, {
      method: 'POST',
      headers: { ...auth(), ...(ifMatch === undefined ? {} : { 'If-Match': `"${ifMatch}"` }) },
      body: JSON.stringify(body),
    });
  const put = (index: number) =>
    fetch(`${server.url}/api/decks/${created.deck.id}/slide`, {
      method: 'PUT',
      headers: auth(),
      body: JSON.stringify({ index }),
    });
  const presenterDeck = async () =>
    (await (
      await fetch(`${server.url}/api/decks/${created.deck.id}/presenter`, { headers: auth() })
    ).json()) as PresenterDeck;

  beforeAll(async () => {
    server = await startTestServer({ driver });
    created = await server.createDeck(TIMED_DECK);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.stop();
  });

  it('takes the target from front matter and has not started before the first change', async () => {
    expect((await presenterDeck()).clock).toEqual({ startedAt: null, durationMinutes: 35 });
  });

  it('starts on the first slide change, keeps that start, and sends it in slide events', async () => {
    const client = new SlideStreamClient(`${server.url}/api/decks/${created.deck.id}/events`);
    clients.push(client);
    const before = Date.now();
    expect((await put(1)).status).toBe(200);
    const event = await client.waitForVersion(2);
    const startedAt = event.clock?.startedAt ?? 0;
    expect(startedAt).toBeGreaterThan(before - 5000);
    expect(event.clock?.durationMinutes).toBe(35);
    expect((await put(2)).status).toBe(200);
    expect((await client.waitForVersion(3)).clock?.startedAt).toBe(startedAt);
    expect((await presenterDeck()).clock.startedAt).toBe(startedAt);
    // A running clock is not started again.
    const again = await clock({ action: 'start' });
    expect(((await again.json()) as ClockResponse).version).toBe(3);
  });

  it('starts over: first slide, clock stopped, one event; a stale If-Match is 412', async () => {
    await expectError(await clock({ action: 'start_over' }, 1), 412, 'version_mismatch');
    const res = await clock({ action: 'start_over' }, 3);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      index: 0,
      step: 0,
      version: 4,
      clock: { startedAt: null, durationMinutes: 35 },
    });
    const client = clients[0];
    expect(await client?.waitForVersion(4)).toMatchObject({ index: 0, clock: { startedAt: null } });
  });

  it('sets and clears the target, and refuses a bad one or a missing key', async () => {
    const set = (await (await clock({ action: 'set_duration', durationMinutes: 20 })).json()) as ClockResponse;
    expect(set.clock.durationMinutes).toBe(20);
    const cleared = (await (await clock({ action: 'set_duration', durationMinutes: null })).json()) as ClockResponse;
    expect(cleared.clock.durationMinutes).toBeNull();
    await expectError(await clock({ action: 'set_duration', durationMinutes: 0 }), 422, 'invalid_duration');
    await expectError(await clock({ action: 'set_duration', durationMinutes: '20' }), 422, 'invalid_duration');
    await expectError(await clock({ action: 'pause' }), 400, 'invalid_body');
    const anonymous = fetch(`${server.url}/api/decks/${created.deck.id}/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'start' }),
    });
    await expectError(await anonymous, 401, 'missing_key');
  });
});
