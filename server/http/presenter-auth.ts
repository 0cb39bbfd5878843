import type { Context } from 'koa';
import type { DeckStore } from '../store/deck-store.js';
import { deckNotFound, HttpError } from './http-error.js';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9_-]{1,256})[ \t]*$/i;

/** Throws 404 for an unknown deck, 401 unless the request carries a live presenter key of it. */
export async function requirePresenter(ctx: Context, store: DeckStore, deckId: string): Promise<void> {
  const header = ctx.get('Authorization');
  const key = BEARER.exec(header)?.[1] ?? '';
  const verdict = await store.checkPresenterKey(deckId, key);
  if (verdict === 'no_deck') throw deckNotFound();
  if (header === '') {
    throw new HttpError(401, 'missing_key', 'This needs the presenter key: send Authorization: Bearer <key>.', {
      'WWW-Authenticate': 'Bearer realm="podium"',
    });
  }
  if (verdict !== 'ok') {
    throw new HttpError(401, 'invalid_key', 'That presenter key is not valid for this deck.', {
      'WWW-Authenticate': 'Bearer realm="podium", error="invalid_token"',
    });
  }
}
