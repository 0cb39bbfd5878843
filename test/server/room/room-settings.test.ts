import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck, PresenterDeck, RoomSettingsResponse, SlideEventData } from '../../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { DRIVERS, TEST_DATABASE_URL } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { EventRecorder } from '../../support/room-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { twoProcessesOnPostgres } from '../../support/two-processes.js';
import { SPOILER_DECK } from './room-fixtures.js';
import { eventually } from '../../support/sse-client.js';

/** PATCHes the room settings of `deckId` with `key` (raw body, so malformed ones can be sent too). */
function patchSettings(url: string, deckId: string, key: string | null, body: string, type = 'application/json') {
  const headers: Record<string, string> = { 'Content-Type': type };
  if (key) headers.Authorization = `Bearer ${key}`;
  return fetch(`${url}/api/decks/${deckId}/settings`, { method: 'PATCH', headers, body });
}

async function publicDeck(url: string, deckId: string): Promise<Deck> {
  return (await (await fetch(`${url}/api/decks/${deckId}`)).json()) as Deck;
}

/** Everything the public can read of a deck: its JSON, its page and the start of a new stream. */
async function publicText(url: string, deckId: string): Promise<string> {
  const [deck, page] = await Promise.all([
    fetch(`${url}/api/decks/${deckId}`).then((res) => res.text()),
    fetch(`${url}/d/${deckId}`).then((res) => res.text()),
  ]);
  const stream = new EventRecorder(`${url}/api/decks/${deckId}/events`, ['slide']);
  try {
    await eventually(() => stream.data('slide').length > 0, 5000, 'the first slide event');
    return [deck, page, JSON.stringify(stream.events)].join('\n');
  } finally {
    stream.close();
  }
}

/** The first slide event of a new stream: what a screen opened now starts with. */
async function firstEvent(url: string, deckId: string): Promise<SlideEventData> {
  const stream = new EventRecorder(`${url}/api/decks/${deckId}/events`, ['slide']);
  try {
    await eventually(() => stream.data('slide').length > 0, 5000, 'the first slide event');
    return stream.data<SlideEventData>('slide')[0] as SlideEventData;
  } finally {
    stream.close();
  }
}

describe.each(DRIVERS)('room settings (%s)', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ driver, limits: NO_RATE_LIMITS });
  });
  afterAll(() => server.stop());

  it('turns reading ahead off and on live: unreached slides leave every answer, and come back', async () => {
    const created = await server.createDeck(SPOILER_DECK);
    const id = created.deck.id;
    const key = created.presenterKey;
    expect((await server.putSlide(id, key, 1)).status).toBe(200);
    const viewer = new EventRecorder(`${server.url}/api/decks/${id}/events`, ['slide']);
    try {
      await eventually(() => viewer.data('slide').length > 0, 5000, 'the stream to open');

      const behind = await patchSettings(server.url, id, key, '{"browse":"behind"}');
      expect(behind.status).toBe(200);
      const answer = (await behind.json()) as RoomSettingsResponse;
      expect(answer).toEqual({ browse: 'behind', bursts: true, index: 1, step: 0, version: created.deck.version + 2 });
      await eventually(
        () => viewer.data<SlideEventData>('slide').some((e) => e.version === answer.version),
        5000,
        'the change on the open stream',
      );
      const told = viewer.data<SlideEventData>('slide').find((e) => e.version === answer.version);
      expect(told).toMatchObject({ index: 1, reached: { index: 1, step: 0 } });
      const deck = await publicDeck(server.url, id);
      expect(deck).toMatchObject({ browse: 'behind', reached: { index: 1, step: 0 }, count: 4 });
      expect(deck.slides).toHaveLength(2);
      const text = await publicText(server.url, id);
      expect(text).toContain('zanzibar');
      for (const secret of ['quetzal', 'xylophone']) expect(text).not.toContain(secret);

      // Asking for what holds changes nothing: same version, no event.
      const again = await patchSettings(server.url, id, key, '{"browse":"behind"}');
      expect(((await again.json()) as RoomSettingsResponse).version).toBe(answer.version);

      const free = await patchSettings(server.url, id, key, '{"browse":"free"}');
      const freed = (await free.json()) as RoomSettingsResponse;
      expect(freed).toEqual({ browse: 'free', bursts: true, index: 1, step: 0, version: answer.version + 1 });
      await eventually(
        () => viewer.data<SlideEventData>('slide').some((e) => e.version === freed.version),
        5000,
        'the change back',
      );
      expect(viewer.data<SlideEventData>('slide').at(-1)?.reached).toBeUndefined();
      expect(viewer.data<SlideEventData>('slide').filter((e) => e.version === answer.version)).toHaveLength(1);
      const open = await publicDeck(server.url, id);
      expect(open.slides).toHaveLength(4);
      expect(Object.keys(open).sort()).toEqual(['id', 'index', 'slides', 'step', 'title', 'version']);
    } finally {
      viewer.close();
    }
  });

  it('turns bursts off for the room: every deck answer and stream says so, until turned on again', async () => {
    const created = await server.createDeck(SPOILER_DECK);
    const id = created.deck.id;
    const key = created.presenterKey;
    const off = await patchSettings(server.url, id, key, '{"bursts":false}');
    expect(await off.json()).toEqual({
      browse: 'free',
      bursts: false,
      index: 0,
      step: 0,
      version: created.deck.version + 1,
    });
    expect((await publicDeck(server.url, id)).bursts).toBe(false);
    const presenter = await fetch(`${server.url}/api/decks/${id}/presenter`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(((await presenter.json()) as PresenterDeck).bursts).toBe(false);
    expect((await firstEvent(server.url, id)).bursts).toBe(false);
    // Slide changes keep saying so (a remote's burst of changes is written in one batch).
    await Promise.all([1, 2, 3].map((index) => server.putSlide(id, key, index)));
    expect(await firstEvent(server.url, id)).toMatchObject({ index: 3, bursts: false });

    const both = await patchSettings(server.url, id, key, '{"bursts":true,"browse":"behind"}');
    expect(await both.json()).toMatchObject({ browse: 'behind', bursts: true });
    const deck = await publicDeck(server.url, id);
    expect(deck.bursts).toBeUndefined();
    expect(deck.slides).toHaveLength(4);
    expect((await firstEvent(server.url, id)).bursts).toBeUndefined();
  });

  it('a rehearsal reload of a file deck may turn reading ahead off, never on', async () => {
    const content = (words: string, browse?: 'behind') => ({
      title: 'File talk',
      slides: [
        { html: `<h1>One ${words}</h1>`, steps: 0 },
        { html: '<h2>Two</h2>', steps: 0 },
      ],
      notes: ['', ''],
      ...(browse ? { browse } : {}),
    });
    const id = `file-${driver}-${Date.now()}`;
    await server.store.upsertDeck(id, content('a'), 'hash-a');
    expect((await server.store.settings.change(id, { browse: 'behind' })).kind).toBe('changed');
    await server.store.upsertDeck(id, content('b'), 'hash-b');
    expect((await publicDeck(server.url, id)).browse).toBe('behind');
    expect((await server.store.settings.change(id, { browse: 'free' })).kind).toBe('changed');
    await server.store.upsertDeck(id, content('c', 'behind'), 'hash-c');
    expect((await publicDeck(server.url, id)).browse).toBe('behind');
  });

  it('answers bad requests in the error shape and changes nothing', async () => {
    const created = await server.createDeck(SPOILER_DECK);
    const other = await server.createDeck(SPOILER_DECK);
    const id = created.deck.id;
    const key = created.presenterKey;
    await expectError(await patchSettings(server.url, id, null, '{"bursts":false}'), 401, 'missing_key');
    await expectError(await patchSettings(server.url, id, other.presenterKey, '{"bursts":false}'), 401, 'invalid_key');
    await expectError(await patchSettings(server.url, 'nosuchdk', key, '{"bursts":false}'), 404, 'not_found');
    await expectError(
      await patchSettings(server.url, id, key, 'bursts=false', 'text/plain'),
      415,
      'unsupported_media_type',
    );
    await expectError(await patchSettings(server.url, id, key, '{"bursts":'), 400, 'malformed_json');
    await expectError(await patchSettings(server.url, id, key, '[false]'), 400, 'invalid_body');
    for (const body of ['{}', '{"browse":"ahead"}', '{"bursts":"no"}', '{"browse":"free","colour":"red"}']) {
      const refused = await expectError(await patchSettings(server.url, id, key, body), 422, 'invalid_setting');
      expect(refused.error.message).toMatch(/browse|bursts|setting/);
    }
    const deck = await publicDeck(server.url, id);
    expect(deck.version).toBe(created.deck.version);
    expect(deck.bursts).toBeUndefined();
  });
});

describe.skipIf(!TEST_DATABASE_URL)('room settings with two processes on one Postgres', () => {
  let a: TestServer;
  let b: TestServer;
  twoProcessesOnPostgres({ limits: NO_RATE_LIMITS }, (servers) => ([a, b] = servers));

  it('a change on one process reaches the screens of the other at once, and its new streams', async () => {
    const created = await a.createDeck(SPOILER_DECK);
    const id = created.deck.id;
    const onB = new EventRecorder(`${b.url}/api/decks/${id}/events`, ['slide']);
    try {
      await eventually(() => onB.data('slide').length > 0, 5000, 'the stream on b');
      const res = await patchSettings(a.url, id, created.presenterKey, '{"browse":"behind","bursts":false}');
      const answer = (await res.json()) as RoomSettingsResponse;
      await eventually(
        () => onB.data<SlideEventData>('slide').some((e) => e.version === answer.version),
        5000,
        'the change on b',
      );
      expect(onB.data<SlideEventData>('slide').at(-1)).toMatchObject({ reached: { index: 0, step: 0 }, bursts: false });
      expect(await firstEvent(b.url, id)).toMatchObject({ version: answer.version, bursts: false });
      const text = await publicText(b.url, id);
      for (const secret of ['zanzibar', 'quetzal', 'xylophone']) expect(text).not.toContain(secret);
    } finally {
      onB.close();
    }
  });
});
