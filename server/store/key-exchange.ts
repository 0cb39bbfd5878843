import type { Queryable } from './database.js';
import { hashPresenterKey, indexOfHash } from './presenter-key.js';

/**
 * Outcome of exchanging a pairing link's key for a device key:
 * - `paired`: the device key is live (now, or already by this same exchange retried);
 * - `used`: the link was exchanged before, for another device (`device` is that device's label,
 *   null once it was revoked);
 * - `device_key`: the key is a device's own key, not a pairing link's;
 * - `key_taken`: the proposed device key is already known (never reuse one);
 * - `invalid`: no such live link of this deck (wrong, or revoked); `no_deck`: no such deck.
 */
export type ExchangeResult =
  | { kind: 'paired'; id: string; label: string }
  | { kind: 'used'; usedAt: string; device: string | null }
  | { kind: 'device_key' }
  | { kind: 'key_taken' }
  | { kind: 'invalid' }
  | { kind: 'no_deck' };

interface LinkRow {
  id: string;
  kind: 'link' | 'device';
  label: string;
  revoked: boolean;
  used_at: Date | string | null;
  used_for: string | null;
}

/**
 * Exchanges the pairing link key `linkKey` of deck `deckId` for `deviceKey` in transaction `tx`:
 * inserts the device key (only its hash) labelled `labelFor(linkLabel)` and retires the link in the
 * same transaction. The link's row is locked first, so of two devices racing with one link exactly
 * one wins. Retrying with the same device key after a lost answer is `paired` again.
 */
export async function exchangeLinkKey(
  tx: Queryable,
  deckId: string,
  linkKey: string,
  deviceKey: string,
  labelFor: (linkLabel: string) => string,
): Promise<ExchangeResult> {
  const [link] = await tx.query<LinkRow>(
    `SELECT id::text AS id, kind, label, revoked_at IS NOT NULL AS revoked, used_at, used_for::text AS used_for
     FROM presenter_keys WHERE deck_id = $1 AND key_hash = $2 FOR UPDATE`,
    [deckId, hashPresenterKey(linkKey)],
  );
  if (!link) {
    const deck = await tx.query('SELECT 1 FROM decks WHERE id = $1', [deckId]);
    return deck.length === 0 ? { kind: 'no_deck' } : { kind: 'invalid' };
  }
  if (link.kind === 'device') return link.revoked ? { kind: 'invalid' } : { kind: 'device_key' };
  if (link.used_at !== null) return usedLink(tx, link, deviceKey);
  if (link.revoked) return { kind: 'invalid' };
  const label = labelFor(link.label);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO presenter_keys (deck_id, key_hash, label, kind) VALUES ($1, $2, $3, 'device')
     ON CONFLICT (key_hash) DO NOTHING RETURNING id::text AS id`,
    [deckId, hashPresenterKey(deviceKey), label],
  );
  const id = inserted[0]?.id;
  if (!id) return { kind: 'key_taken' };
  await tx.query(
    `UPDATE presenter_keys SET revoked_at = now(), used_at = now(), used_for = $2::bigint WHERE id = $1::bigint`,
    [link.id, id],
  );
  return { kind: 'paired', id, label };
}

/** A used link: `paired` when `deviceKey` is the live key it was exchanged for (a retry), else `used`. */
async function usedLink(tx: Queryable, link: LinkRow, deviceKey: string): Promise<ExchangeResult> {
  const [device] = link.used_for
    ? await tx.query<{ id: string; label: string; live: boolean; key_hash: Buffer | Uint8Array }>(
        `SELECT id::text AS id, label, revoked_at IS NULL AS live, key_hash FROM presenter_keys WHERE id = $1::bigint`,
        [link.used_for],
      )
    : [];
  if (device?.live && indexOfHash(deviceKey, [Buffer.from(device.key_hash)]) === 0) {
    return { kind: 'paired', id: device.id, label: device.label };
  }
  const usedAt = new Date(link.used_at ?? 0).toISOString();
  return { kind: 'used', usedAt, device: device?.live ? device.label : null };
}
