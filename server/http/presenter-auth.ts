import type { Context } from 'koa';
import type { DeckStore } from '../store/deck-store.js';
import { deckNotFound, HttpError } from './http-error.js';
import { bearerHeader, presenterKeyToken } from './schemas.js';

/** The Bearer token of an `Authorization` header; '' when it is absent or not `Bearer <token>`. */
export function bearerOf(header: string): string {
  const parsed = bearerHeader.safeParse(header);
  return parsed.success ? parsed.data : '';
}

/** The Bearer token of the request; '' when the header is absent or not `Bearer <token>`. */
export function bearerToken(ctx: Context): string {
  return bearerOf(ctx.get('Authorization'));
}

/**
 * Throws 404 for an unknown deck, 401 unless `header` (an `Authorization` value, '' when
 * absent) carries a live presenter key of it. Returns the id of the key that matched.
 */
export async function checkPresenterHeader(store: DeckStore, deckId: string, header: string): Promise<string> {
  const token = bearerOf(header);
  // A token that could never be a key is not worth a hash; it still costs the same query.
  const key = presenterKeyToken.safeParse(token).success ? token : '';
  const verdict = await store.keys.check(deckId, key);
  if (verdict.kind === 'no_deck') throw deckNotFound();
  if (header === '') {
    throw new HttpError(401, 'missing_key', 'This needs the presenter key: send Authorization: Bearer <key>.', {
      'WWW-Authenticate': 'Bearer realm="podium"',
    });
  }
  if (verdict.kind !== 'ok') {
    throw new HttpError(401, 'invalid_key', 'That presenter key is not valid for this deck.', {
      'WWW-Authenticate': 'Bearer realm="podium", error="invalid_token"',
    });
  }
  return verdict.keyId;
}

/**
 * Throws 404 for an unknown deck, 401 unless the request carries a live presenter key of it.
 * Returns the id of the key that matched.
 */
export function requirePresenter(ctx: Context, store: DeckStore, deckId: string): Promise<string> {
  return checkPresenterHeader(store, deckId, ctx.get('Authorization'));
}
