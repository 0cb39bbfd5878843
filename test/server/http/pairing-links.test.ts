import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeKeyResponse, KeyListResponse } from '../../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const newDeviceKey = () => randomBytes(32).toString('base64url');

describe.each(DRIVERS)('single-use pairing links on %s', (driver) => {
  let server: TestServer;

  const exchange = (deckId: string, linkKey: string | null, deviceKey: unknown, userAgent = ANDROID_CHROME) =>
    fetch(`${server.url}/api/decks/${deckId}/keys/exchange`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': userAgent,
        ...(linkKey === null ? {} : { Authorization: `Bearer ${linkKey}` }),
      },
      body: JSON.stringify({ deviceKey }),
    });
  const list = async (deckId: string, key: string) => {
    const res = await fetch(`${server.url}/api/decks/${deckId}/keys`, { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as KeyListResponse).keys;
  };
  const mintLink = async (deckId: string, key: string, label?: string) => {
    const res = await fetch(`${server.url}/api/decks/${deckId}/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(label ? { label } : {}),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string; presenterKey: string }).presenterKey;
  };

  beforeAll(async () => {
    server = await startTestServer({ driver, limits: { ...NO_RATE_LIMITS } });
  });
  afterAll(() => server.stop());

  it('exchanges a link for a device key labelled by its browser, and retires the link', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const deviceKey = newDeviceKey();
    const res = await exchange(created.deck.id, created.presenterKey, deviceKey);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as ExchangeKeyResponse;
    expect(body).toEqual({ id: expect.stringMatching(/^\d+$/), label: 'Chrome on Android' });

    expect((await server.putSlide(created.deck.id, deviceKey, 1)).status).toBe(200);
    await expectError(await server.putSlide(created.deck.id, created.presenterKey, 2), 401, 'invalid_key');
    const keys = await list(created.deck.id, deviceKey);
    expect(keys).toEqual([
      { id: body.id, label: 'Chrome on Android', kind: 'device', createdAt: expect.any(String), current: true },
    ]);
    expect(JSON.stringify(keys)).not.toContain(deviceKey);
  });

  it('refuses a second use with 410 pairing_link_used, naming the device and how to pair another', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const first = newDeviceKey();
    expect((await exchange(created.deck.id, created.presenterKey, first)).status).toBe(201);
    const again = await exchange(created.deck.id, created.presenterKey, newDeviceKey(), IPHONE_SAFARI);
    const error = await expectError(again, 410, 'pairing_link_used');
    expect(error.error.message).toContain('already used to pair “Chrome on Android”');
    expect(error.error.message).toContain('Pair another device');
    expect((await list(created.deck.id, first)).map((key) => key.label)).toEqual(['Chrome on Android']);
  });

  it('accepts the same device key again after a lost answer, and nothing else', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const deviceKey = newDeviceKey();
    const first = (await (
      await exchange(created.deck.id, created.presenterKey, deviceKey)
    ).json()) as ExchangeKeyResponse;
    const retried = await exchange(created.deck.id, created.presenterKey, deviceKey);
    expect(retried.status).toBe(201);
    expect(await retried.json()).toEqual(first);
    expect(await list(created.deck.id, deviceKey)).toHaveLength(1);
  });

  it('lets exactly one of two phones racing with one link win', async () => {
    for (let round = 0; round < 5; round++) {
      const created = await server.createDeck(SAMPLE_DECK);
      const keys = [newDeviceKey(), newDeviceKey()];
      const answers = await Promise.all(keys.map((key) => exchange(created.deck.id, created.presenterKey, key)));
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses).toEqual([201, 410]);
      const winner = keys[answers.findIndex((res) => res.status === 201)] ?? '';
      const loser = keys[answers.findIndex((res) => res.status === 410)] ?? '';
      expect((await server.putSlide(created.deck.id, winner, 1)).status).toBe(200);
      await expectError(await server.putSlide(created.deck.id, loser, 2), 401, 'invalid_key');
      expect(await list(created.deck.id, winner)).toHaveLength(1);
    }
  });

  it('names the device after the label the presenter gave its code', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const link = await mintLink(created.deck.id, created.presenterKey, 'Anna’s phone');
    const pending = await list(created.deck.id, created.presenterKey);
    expect(pending.map((key) => [key.label, key.kind])).toEqual([
      ['creator', 'link'],
      ['Anna’s phone', 'link'],
    ]);
    const res = await exchange(created.deck.id, link, newDeviceKey(), IPHONE_SAFARI);
    expect(((await res.json()) as ExchangeKeyResponse).label).toBe('Anna’s phone (Safari on iPhone)');
  });

  it('refuses device keys, revoked links, wrong keys, bad bodies and unknown decks clearly', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const deck = created.deck.id;
    const deviceKey = newDeviceKey();
    expect((await exchange(deck, created.presenterKey, deviceKey)).status).toBe(201);
    await expectError(await exchange(deck, deviceKey, newDeviceKey()), 409, 'not_a_pairing_link');

    const link = await mintLink(deck, deviceKey);
    const linkId = (await list(deck, deviceKey)).find((key) => key.kind === 'link')?.id ?? '';
    const revoked = await fetch(`${server.url}/api/decks/${deck}/keys/${linkId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${deviceKey}` },
    });
    expect(revoked.status).toBe(204);
    await expectError(await exchange(deck, link, newDeviceKey()), 401, 'invalid_key');
    await expectError(await exchange(deck, newDeviceKey(), newDeviceKey()), 401, 'invalid_key');
    await expectError(await exchange(deck, null, newDeviceKey()), 401, 'missing_key');
    await expectError(await exchange(deck, await mintLink(deck, deviceKey), 'short'), 400, 'invalid_body');
    await expectError(await exchange(deck, await mintLink(deck, deviceKey), deviceKey), 409, 'device_key_taken');
    await expectError(await exchange('nosuchdeck', created.presenterKey, newDeviceKey()), 404, 'not_found');
  });
});
