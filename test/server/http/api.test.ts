import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, Deck, PresenterDeck } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

describe.each(DRIVERS)('HTTP API on %s', (driver) => {
  let server: TestServer;
  let url: string;
  let created: CreateDeckResponse;
  const auth = () => ({ Authorization: `Bearer ${created.presenterKey}` });
  const put = (body: string, headers: Record<string, string> = {}, id = created.deck.id) =>
    fetch(`${url}/api/decks/${id}/slide`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...auth(), ...headers },
      body,
    });

  beforeAll(async () => {
    server = await startTestServer({ driver });
    url = server.url;
    created = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(() => server.stop());

  describe('POST /api/decks', () => {
    it('creates a deck: 201 with deck, key and links that carry the key in the fragment', async () => {
      const res = await fetch(`${url}/api/decks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ markdown: SAMPLE_DECK, title: 'My talk' }),
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as CreateDeckResponse;
      expect(body.deck).toMatchObject({ title: 'My talk', index: 0, version: 1 });
      expect(body.deck.slides).toHaveLength(3);
      expect(body.deck).not.toHaveProperty('notes');
      expect(body.links.audience).toBe(`${url}/d/${body.deck.id}`);
      expect(body.links.remote).toBe(`${url}/d/${body.deck.id}/remote#key=${body.presenterKey}`);
    });

    it('takes the title from the first # heading when none is given', () => {
      expect(created.deck.title).toBe('One');
    });

    it('answers 400 for malformed JSON and for a body of the wrong shape', async () => {
      const post = (body: string) =>
        fetch(`${url}/api/decks`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      await expectError(await post('{"markdown":'), 400, 'malformed_json');
      await expectError(await post('{"markdown": 42}'), 400, 'invalid_body');
      await expectError(await post('[]'), 400, 'invalid_body');
      await expectError(await post('{"markdown":"# a","title":{"x":1}}'), 400, 'invalid_body');
    });

    it('answers 415 when the body is not JSON', async () => {
      const res = await fetch(`${url}/api/decks`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: '# hi',
      });
      await expectError(res, 415, 'unsupported_media_type');
    });

    it('answers 413 over 1 MiB', async () => {
      const markdown = 'x'.repeat(1024 * 1024 + 10);
      const res = await fetch(`${url}/api/decks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ markdown }),
      });
      await expectError(res, 413, 'payload_too_large');
    });

    it('answers 422 when the Markdown has no slides', async () => {
      const res = await fetch(`${url}/api/decks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ markdown: '\n---\n   \n---\n' }),
      });
      await expectError(res, 422, 'no_slides');
    });
  });

  describe('GET /api/decks/:id', () => {
    it('answers the public deck, never notes, with an ETag of the version', async () => {
      const res = await fetch(`${url}/api/decks/${created.deck.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toMatch(/^"\d+"$/);
      const deck = (await res.json()) as Deck;
      expect(Object.keys(deck).sort()).toEqual(['id', 'index', 'slides', 'step', 'title', 'version']);
      expect(JSON.stringify(deck)).not.toContain('notes one');
      expect(deck.slides[0]?.html).toContain('<h1>One</h1>');
    });

    it('answers 404 for an unknown or impossible id', async () => {
      await expectError(await fetch(`${url}/api/decks/zzzzzzzz`), 404, 'not_found');
      await expectError(await fetch(`${url}/api/decks/..%2Fetc`), 404, 'not_found');
    });
  });

  describe('GET /api/decks/:id/presenter', () => {
    it('answers the deck with one notes string per slide for the key holder', async () => {
      const res = await fetch(`${url}/api/decks/${created.deck.id}/presenter`, { headers: auth() });
      expect(res.status).toBe(200);
      const deck = (await res.json()) as PresenterDeck;
      expect(deck.notes).toEqual(['notes one', '', 'notes three']);
    });

    it("answers 401 without a key, with a wrong key and with another deck's key", async () => {
      const other = await server.createDeck('# Other');
      const path = `${url}/api/decks/${created.deck.id}/presenter`;
      await expectError(await fetch(path), 401, 'missing_key');
      await expectError(await fetch(path, { headers: { Authorization: 'Bearer nope' } }), 401, 'invalid_key');
      await expectError(
        await fetch(path, { headers: { Authorization: `Bearer ${other.presenterKey}` } }),
        401,
        'invalid_key',
      );
      await expectError(
        await fetch(path, { headers: { Authorization: `Basic ${created.presenterKey}` } }),
        401,
        'invalid_key',
      );
    });

    it('answers 404 for an unknown deck', async () => {
      await expectError(await fetch(`${url}/api/decks/zzzzzzzz/presenter`, { headers: auth() }), 404, 'not_found');
    });
  });

  describe('PUT /api/decks/:id/slide', () => {
    it('moves the slide: 200 with the new index and version', async () => {
      const before = (await (await fetch(`${url}/api/decks/${created.deck.id}`)).json()) as Deck;
      const target = before.index === 1 ? 2 : 1;
      const res = await put(JSON.stringify({ index: target }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ index: target, step: 0, version: before.version + 1 });
    });

    it('answers 200 with the version unchanged for the current index', async () => {
      const now = (await (await fetch(`${url}/api/decks/${created.deck.id}`)).json()) as Deck;
      const res = await put(JSON.stringify({ index: now.index }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ index: now.index, step: 0, version: now.version });
    });

    it('honours If-Match: the current version wins, a stale one gets 412 with the current state', async () => {
      const now = (await (await fetch(`${url}/api/decks/${created.deck.id}`)).json()) as Deck;
      const target = now.index === 0 ? 1 : 0;
      const ok = await put(JSON.stringify({ index: target }), { 'If-Match': `"${now.version}"` });
      expect(ok.status).toBe(200);
      const stale = await put(JSON.stringify({ index: 2 }), { 'If-Match': `"${now.version}"` });
      const body = await expectError(stale, 412, 'version_mismatch');
      expect(body.current).toEqual({ index: target, step: 0, version: now.version + 1 });
      await expectError(await put(JSON.stringify({ index: 2 }), { 'If-Match': 'banana' }), 400, 'invalid_if_match');
    });

    it('answers 400 for malformed bodies and 422 for bad indexes, changing nothing', async () => {
      const before = (await (await fetch(`${url}/api/decks/${created.deck.id}`)).json()) as Deck;
      await expectError(await put('{"index":'), 400, 'malformed_json');
      await expectError(await put('"3"'), 400, 'invalid_body');
      await expectError(await put(JSON.stringify({ index: 3 })), 422, 'invalid_index');
      await expectError(await put(JSON.stringify({ index: -1 })), 422, 'invalid_index');
      await expectError(await put(JSON.stringify({ index: 1.5 })), 422, 'invalid_index');
      await expectError(await put(JSON.stringify({ index: '1' })), 422, 'invalid_index');
      await expectError(await put(JSON.stringify({})), 422, 'invalid_index');
      const after = (await (await fetch(`${url}/api/decks/${created.deck.id}`)).json()) as Deck;
      expect(after.version).toBe(before.version);
    });

    it("answers 401 for a missing, wrong or other deck's key, and 404 for an unknown deck", async () => {
      const other = await server.createDeck('# Other');
      const body = JSON.stringify({ index: 1 });
      const noKey = await fetch(`${url}/api/decks/${created.deck.id}/slide`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      await expectError(noKey, 401, 'missing_key');
      await expectError(await put(body, { Authorization: 'Bearer wrong' }), 401, 'invalid_key');
      await expectError(await put(body, { Authorization: `Bearer ${other.presenterKey}` }), 401, 'invalid_key');
      await expectError(await put(body, {}, 'zzzzzzzz'), 404, 'not_found');
    });

    it('answers 413 for an oversized body and 415 for a non-JSON one', async () => {
      await expectError(await put(JSON.stringify({ index: 1, pad: 'x'.repeat(5000) })), 413, 'payload_too_large');
      await expectError(
        await put('index=1', { 'Content-Type': 'application/x-www-form-urlencoded' }),
        415,
        'unsupported_media_type',
      );
    });
  });

  describe('operations', () => {
    it('GET /healthz answers ok while the database and listener are up', async () => {
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok' });
    });

    it('GET /metrics is Prometheus text with podium_sse_clients', async () => {
      const res = await fetch(`${url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/plain/);
      const text = await res.text();
      expect(text).toMatch(/^# TYPE podium_sse_clients gauge$/m);
      expect(text).toMatch(/^podium_slide_changes_total \d+/m);
      expect(text).toMatch(/podium_listener_reconnects_total/);
      expect(text).toMatch(/podium_fanout_duration_seconds_bucket/);
    });

    it('answers unknown routes with 404 and wrong methods with 405, in the error shape', async () => {
      await expectError(await fetch(`${url}/api/nothing`), 404, 'not_found');
      const res = await fetch(`${url}/api/decks/${created.deck.id}`, { method: 'PATCH' });
      await expectError(res, 405, 'method_not_allowed');
      expect(res.headers.get('allow')).toContain('GET');
    });
  });
});
