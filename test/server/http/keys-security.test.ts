import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, CreateKeyResponse, KeyListResponse } from '../../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

const MAX_KEYS = 5;

describe.each(DRIVERS)('presenter keys API on %s', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  let other: CreateDeckResponse;

  const keysUrl = (id = deck.deck.id) => `${server.url}/api/decks/${id}/keys`;
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const mint = (key: string, body?: unknown, id?: string) =>
    fetch(keysUrl(id), {
      method: 'POST',
      headers: body === undefined ? bearer(key) : { ...bearer(key), 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const list = async (key: string) => {
    const res = await fetch(keysUrl(), { headers: bearer(key) });
    expect(res.status).toBe(200);
    return (await res.json()) as KeyListResponse;
  };
  const revoke = (key: string, keyId: string, id?: string) =>
    fetch(`${keysUrl(id)}/${keyId}`, { method: 'DELETE', headers: bearer(key) });
  const minted = async (key: string, label?: string) => {
    const res = await mint(key, label === undefined ? undefined : { label });
    expect(res.status).toBe(201);
    return (await res.json()) as CreateKeyResponse;
  };

  beforeAll(async () => {
    server = await startTestServer({ driver, limits: { ...NO_RATE_LIMITS, maxKeysPerDeck: MAX_KEYS } });
    deck = await server.createDeck(SAMPLE_DECK);
    other = await server.createDeck(SAMPLE_DECK);
  });
  afterAll(() => server.stop());

  it('mints a second key that drives the deck, with a remote link carrying it in the fragment', async () => {
    const res = await mint(deck.presenterKey, { label: '  Anna’s phone ' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as CreateKeyResponse;
    expect(body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      presenterKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      label: 'Anna’s phone',
      links: { remote: `${server.url}/d/${deck.deck.id}/remote#key=${body.presenterKey}` },
    });
    expect(body.presenterKey).not.toBe(deck.presenterKey);
    expect((await server.putSlide(deck.deck.id, body.presenterKey, 1)).status).toBe(200);
    expect((await server.putSlide(deck.deck.id, deck.presenterKey, 0)).status).toBe(200);
  });

  it('gives a key minted without a body the default label', async () => {
    expect((await minted(deck.presenterKey)).label).toBe('Paired device');
  });

  it('lists live keys with labels and the caller marked, never a key or a hash', async () => {
    const second = await minted(deck.presenterKey, 'listing');
    const { keys } = await list(second.presenterKey);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(['createdAt', 'current', 'id', 'kind', 'label']);
      expect(Number.isNaN(Date.parse(key.createdAt))).toBe(false);
    }
    expect(keys.filter((key) => key.current)).toEqual([expect.objectContaining({ id: second.id, label: 'listing' })]);
    expect(keys[0]).toMatchObject({ label: 'creator', current: false });
    const text = JSON.stringify(keys);
    expect(text).not.toContain(deck.presenterKey);
    expect(text).not.toContain(second.presenterKey);
  });

  it('revokes a key at once: it can no longer change slides, list or mint', async () => {
    const doomed = await minted(deck.presenterKey, 'doomed');
    const res = await revoke(deck.presenterKey, doomed.id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    await expectError(await server.putSlide(deck.deck.id, doomed.presenterKey, 2), 401, 'invalid_key');
    await expectError(await fetch(keysUrl(), { headers: bearer(doomed.presenterKey) }), 401, 'invalid_key');
    await expectError(await mint(doomed.presenterKey), 401, 'invalid_key');
    expect((await list(deck.presenterKey)).keys.map((key) => key.id)).not.toContain(doomed.id);
    await expectError(await revoke(deck.presenterKey, doomed.id), 404, 'not_found');
  });

  it('lets a key revoke itself while another stays live, and refuses to revoke the last one (409 last_key)', async () => {
    const fresh = await server.createDeck(SAMPLE_DECK);
    const url = `${server.url}/api/decks/${fresh.deck.id}/keys`;
    const creatorId = async (key: string) => {
      const res = await fetch(url, { headers: bearer(key) });
      return ((await res.json()) as KeyListResponse).keys.find((k) => k.current)?.id ?? '';
    };
    const res = await mint(fresh.presenterKey, { label: 'co-presenter' }, fresh.deck.id);
    const copresenter = (await res.json()) as CreateKeyResponse;
    const first = await creatorId(fresh.presenterKey);
    expect((await revoke(fresh.presenterKey, first, fresh.deck.id)).status).toBe(204);
    await expectError(await server.putSlide(fresh.deck.id, fresh.presenterKey, 1), 401, 'invalid_key');
    await expectError(await revoke(copresenter.presenterKey, copresenter.id, fresh.deck.id), 409, 'last_key');
    expect((await server.putSlide(fresh.deck.id, copresenter.presenterKey, 1)).status).toBe(200);
  });

  it('never leaves a deck without a key when its last two keys are revoked at once', async () => {
    const fresh = await server.createDeck(SAMPLE_DECK);
    const res = await mint(fresh.presenterKey, undefined, fresh.deck.id);
    const second = (await res.json()) as CreateKeyResponse;
    const keys = (await (
      await fetch(`${server.url}/api/decks/${fresh.deck.id}/keys`, { headers: bearer(second.presenterKey) })
    ).json()) as KeyListResponse;
    const [a, b] = keys.keys;
    const answers = await Promise.all([
      revoke(fresh.presenterKey, a?.id ?? '', fresh.deck.id),
      revoke(second.presenterKey, b?.id ?? '', fresh.deck.id),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    // Either one revocation wins and the other meets the last-key rule, or the loser's own key
    // was revoked before it was checked: never both revoked.
    expect([
      [204, 409],
      [204, 401],
    ]).toContainEqual(statuses);
    const live = await Promise.all([
      server.putSlide(fresh.deck.id, fresh.presenterKey, 1),
      server.putSlide(fresh.deck.id, second.presenterKey, 2),
    ]);
    expect(live.filter((answer) => answer.status === 200)).toHaveLength(1);
  });

  it('refuses to mint past the per-deck cap with 409 too_many_keys', async () => {
    const fresh = await server.createDeck(SAMPLE_DECK);
    const answers: number[] = [];
    for (let i = 0; i < MAX_KEYS; i += 1)
      answers.push((await mint(fresh.presenterKey, undefined, fresh.deck.id)).status);
    expect(answers).toEqual([201, 201, 201, 201, 409]);
    await expectError(await mint(fresh.presenterKey, undefined, fresh.deck.id), 409, 'too_many_keys');
  });

  it('answers 401 without a key, with a wrong key and with another deck’s key; 404 for an unknown deck', async () => {
    await expectError(await fetch(keysUrl(), { method: 'POST' }), 401, 'missing_key');
    await expectError(await fetch(keysUrl()), 401, 'missing_key');
    await expectError(await fetch(`${keysUrl()}/1`, { method: 'DELETE' }), 401, 'missing_key');
    await expectError(await mint('x'.repeat(43)), 401, 'invalid_key');
    await expectError(await mint(other.presenterKey), 401, 'invalid_key');
    await expectError(await fetch(keysUrl(), { headers: bearer(other.presenterKey) }), 401, 'invalid_key');
    await expectError(await mint(deck.presenterKey, undefined, 'nosuchdeck'), 404, 'not_found');
  });

  it('answers 404 for key ids that are malformed, unknown or another deck’s', async () => {
    const othersKeys = (await (
      await fetch(keysUrl(other.deck.id), { headers: bearer(other.presenterKey) })
    ).json()) as KeyListResponse;
    const foreign = othersKeys.keys[0]?.id ?? '';
    for (const keyId of ['0', '-1', 'abc', '01', '9'.repeat(30), '999999999999', foreign]) {
      await expectError(await revoke(deck.presenterKey, encodeURIComponent(keyId)), 404, 'not_found');
    }
    expect((await fetch(keysUrl(other.deck.id), { headers: bearer(other.presenterKey) })).status).toBe(200);
  });

  it('validates the body: 400 for a bad label or unknown field, 415 for a non-JSON body', async () => {
    await expectError(await mint(deck.presenterKey, { label: 'x'.repeat(101) }), 400, 'invalid_body');
    await expectError(await mint(deck.presenterKey, { label: '   ' }), 400, 'invalid_body');
    await expectError(await mint(deck.presenterKey, { label: 'a\u0000b' }), 400, 'invalid_body');
    await expectError(await mint(deck.presenterKey, { label: 7 }), 400, 'invalid_body');
    await expectError(await mint(deck.presenterKey, { label: 'ok', admin: true }), 400, 'invalid_body');
    await expectError(await mint(deck.presenterKey, ['label']), 400, 'invalid_body');
    const text = await fetch(keysUrl(), {
      method: 'POST',
      headers: { ...bearer(deck.presenterKey), 'Content-Type': 'text/plain' },
      body: 'label',
    });
    await expectError(text, 415, 'unsupported_media_type');
  });
});
