import type { CreateKeyResponse, ExchangeKeyResponse, PresenterKeyInfo } from '../../shared/protocol.js';
import { isRecord } from '../../shared/validate.js';
import { narrow, request } from './request.js';

function isCreateKeyResponse(value: unknown): value is CreateKeyResponse {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.presenterKey === 'string' &&
    typeof value.label === 'string' &&
    isRecord(value.links) &&
    typeof value.links.remote === 'string'
  );
}

function isKeyList(value: unknown): value is { keys: PresenterKeyInfo[] } {
  return (
    isRecord(value) &&
    Array.isArray(value.keys) &&
    value.keys.every(
      (key) =>
        isRecord(key) &&
        typeof key.id === 'string' &&
        typeof key.label === 'string' &&
        typeof key.createdAt === 'string' &&
        typeof key.current === 'boolean' &&
        (key.kind === 'link' || key.kind === 'device'),
    )
  );
}

const keysUrl = (deckId: string): string => `/api/decks/${encodeURIComponent(deckId)}/keys`;
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** `POST /api/decks/:id/keys`: a new presenter key for another device, shown once. */
export async function createPresenterKey(deckId: string, key: string, label?: string): Promise<CreateKeyResponse> {
  const body = await request(keysUrl(deckId), {
    method: 'POST',
    headers: { ...bearer(key), 'Content-Type': 'application/json' },
    body: JSON.stringify(label ? { label } : {}),
  });
  return narrow(body, isCreateKeyResponse);
}

/** `GET /api/decks/:id/keys`: the deck's live keys (never the keys themselves), this one marked `current`. */
export async function listPresenterKeys(deckId: string, key: string): Promise<PresenterKeyInfo[]> {
  return narrow(await request(keysUrl(deckId), { headers: bearer(key) }), isKeyList).keys;
}

/** `DELETE /api/decks/:id/keys/:keyId`: revokes a key at once; the last one is refused (409 `last_key`). */
export async function revokePresenterKey(deckId: string, key: string, keyId: string): Promise<void> {
  await request(`${keysUrl(deckId)}/${encodeURIComponent(keyId)}`, { method: 'DELETE', headers: bearer(key) });
}

function isExchangeKeyResponse(value: unknown): value is ExchangeKeyResponse {
  return isRecord(value) && typeof value.id === 'string' && typeof value.label === 'string';
}

/**
 * `POST /api/decks/:id/keys/exchange`: spends the pairing link's key `linkKey` and makes
 * `deviceKey` this device's own key. 410 `pairing_link_used` when the link was used before.
 */
export async function exchangePairingLink(
  deckId: string,
  linkKey: string,
  deviceKey: string,
): Promise<ExchangeKeyResponse> {
  const body = await request(`${keysUrl(deckId)}/exchange`, {
    method: 'POST',
    headers: { ...bearer(linkKey), 'Content-Type': 'application/json' },
    body: JSON.stringify({ deviceKey }),
  });
  return narrow(body, isExchangeKeyResponse);
}
