import type { Database, Queryable } from './database.js';
import { guardConnection } from './database.js';
import type { CachedKey, KeyCache } from './key-cache.js';
import { exchangeLinkKey, type ExchangeResult } from './key-exchange.js';
import { generatePresenterKey, hashPresenterKey, indexOfHash } from './presenter-key.js';

/** One live presenter key as its holders may see it: never the key, never its hash. */
export interface PresenterKeyRecord {
  id: string;
  label: string;
  createdAt: string;
  /** `link`: a pairing link not opened yet; `device`: a paired device's own key. */
  kind: 'link' | 'device';
}

/** Outcome of checking a key: which live key matched, or why none did. */
export type KeyCheck = { kind: 'ok'; keyId: string } | { kind: 'invalid' } | { kind: 'no_deck' };

/** Outcome of minting a key; `too_many_keys` when the deck already has `maxLive` live keys. */
export type MintResult = { kind: 'minted'; id: string; key: string; label: string } | { kind: 'too_many_keys' };

/** Outcome of revoking a key; the last live key of a deck is never revoked. */
export type RevokeResult = 'revoked' | 'not_found' | 'last_key';

interface KeyRow {
  id: string;
  label: string;
  created_at: Date | string;
  kind: 'link' | 'device';
}

/**
 * The one INSERT of a presenter key: a fresh random key for `deckId` (only its hash is stored),
 * unless the deck already has `maxLive` live keys (default: no cap).
 */
export async function insertKey(
  conn: Queryable,
  deckId: string,
  label: string,
  maxLive = Number.MAX_SAFE_INTEGER,
): Promise<MintResult> {
  const key = generatePresenterKey();
  const rows = await conn.query<{ id: string }>(
    `INSERT INTO presenter_keys (deck_id, key_hash, label)
     SELECT $1, $2, $3
     WHERE (SELECT count(*) FROM presenter_keys WHERE deck_id = $1 AND revoked_at IS NULL) < $4
     RETURNING id::text AS id`,
    [deckId, hashPresenterKey(key), label, maxLive],
  );
  const id = rows[0]?.id;
  return id ? { kind: 'minted', id, key, label } : { kind: 'too_many_keys' };
}

/** Presenter keys of decks: check, mint, list and revoke. Keys exist only as SHA-256 hashes here. */
export class PresenterKeyStore {
  constructor(private readonly db: Database) {}

  private cache: KeyCache | null = null;

  /** Serves `check` from `cache` while it is fresh (see KeyCache); without one every check queries. */
  useCache(cache: KeyCache): void {
    this.cache = cache;
  }

  /** Forgets the cached keys of `deckId` (a key of it changed, maybe in another process). */
  forget(deckId: string): void {
    this.cache?.invalidate(deckId);
  }

  /** Forgets every cached key (change notifications may have been missed). */
  forgetAll(): void {
    this.cache?.clear();
  }

  /** Checks `key` against every live key of deck `deckId` in constant time: from the cache, or in one query. */
  async check(deckId: string, key: string): Promise<KeyCheck> {
    const cached = this.cache?.get(deckId);
    if (cached) return matchKey(key, cached);
    const token = this.cache?.token(deckId);
    const rows = await guardConnection(() =>
      this.db.query<{ id: string | null; key_hash: Buffer | Uint8Array | null }>(
        `SELECT k.id::text AS id, k.key_hash FROM decks d
         LEFT JOIN presenter_keys k ON k.deck_id = d.id AND k.revoked_at IS NULL
         WHERE d.id = $1`,
        [deckId],
      ),
    );
    if (rows.length === 0) return { kind: 'no_deck' };
    const live = rows.flatMap((row) =>
      row.id !== null && row.key_hash !== null ? [{ id: row.id, hash: Buffer.from(row.key_hash) }] : [],
    );
    if (token !== undefined) this.cache?.set(deckId, live, token);
    return matchKey(key, live);
  }

  /** Mints a key for an existing deck, unless it already has `maxLive` live keys (default: no cap). */
  async mint(deckId: string, label: string, maxLive?: number): Promise<MintResult> {
    const minted = await guardConnection(() => insertKey(this.db, deckId, label, maxLive));
    if (minted.kind === 'minted') this.forget(deckId);
    return minted;
  }

  /** The live keys of deck `deckId`, oldest first. */
  async list(deckId: string): Promise<PresenterKeyRecord[]> {
    const rows = await guardConnection(() =>
      this.db.query<KeyRow>(
        `SELECT id::text AS id, label, created_at, kind FROM presenter_keys
         WHERE deck_id = $1 AND revoked_at IS NULL ORDER BY id`,
        [deckId],
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      label: row.label,
      createdAt: new Date(row.created_at).toISOString(),
      kind: row.kind,
    }));
  }

  /**
   * Exchanges pairing link key `linkKey` for the device key `deviceKey`, labelled
   * `labelFor(linkLabel)`, and retires the link, atomically (see exchangeLinkKey).
   */
  async exchange(
    deckId: string,
    linkKey: string,
    deviceKey: string,
    labelFor: (linkLabel: string) => string,
  ): Promise<ExchangeResult> {
    return guardConnection(() =>
      this.db.transaction((tx) => exchangeLinkKey(tx, deckId, linkKey, deviceKey, labelFor)),
    ).finally(() => this.forget(deckId));
  }

  /**
   * Revokes key `keyId` of deck `deckId` at once. Refuses (`last_key`) when it is the deck's
   * only live key, so a deck is never left without a presenter. The live keys are locked first,
   * so two revocations at once cannot both pass the check.
   */
  async revoke(deckId: string, keyId: string): Promise<RevokeResult> {
    return guardConnection(() =>
      this.db.transaction(async (tx) => {
        const live = await tx.query<{ id: string }>(
          'SELECT id::text AS id FROM presenter_keys WHERE deck_id = $1 AND revoked_at IS NULL FOR UPDATE',
          [deckId],
        );
        if (!live.some((row) => row.id === keyId)) return 'not_found';
        if (live.length <= 1) return 'last_key';
        await tx.query('UPDATE presenter_keys SET revoked_at = now() WHERE deck_id = $1 AND id = $2::bigint', [
          deckId,
          keyId,
        ]);
        return 'revoked' as const;
      }),
    ).finally(() => this.forget(deckId));
  }
}

function matchKey(key: string, live: readonly CachedKey[]): KeyCheck {
  const keyId =
    live[
      indexOfHash(
        key,
        live.map((entry) => entry.hash),
      )
    ]?.id;
  return keyId ? { kind: 'ok', keyId } : { kind: 'invalid' };
}
