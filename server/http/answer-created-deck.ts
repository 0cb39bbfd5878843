import type { Context } from 'koa';
import type { CreateDeckResponse } from '../../shared/protocol.js';
import { assetLinks, assetRows, type DeckWithAssets } from '../assets/deck-with-assets.js';
import type { AppDeps } from './app-deps.js';
import { deckLinks } from './deck-links.js';
import { HttpError } from './http-error.js';
import { linkBase } from './link-base.js';

/**
 * Stores a rendered deck (its files first, then the deck and its first key, then the links
 * between them) and answers 201 with the deck, its presenter key, both links and the import
 * warnings. 422 when it has no slides; the Host is checked before anything is written.
 */
export async function answerCreatedDeck(ctx: Context, deps: AppDeps, rendered: DeckWithAssets): Promise<void> {
  if (!rendered.content) {
    throw new HttpError(
      422,
      'no_slides',
      'The Markdown has no slides: write some content (separate slides with a line of ---).',
    );
  }
  const base = linkBase(ctx, deps.config);
  const { store } = deps;
  await store.assets.saveAssets(assetRows(rendered.assets));
  const { deck, presenterKey } = await store.createDeck({ ...rendered.content, warnings: rendered.warnings });
  await store.assets.linkDeckAssets(deck.id, assetLinks(rendered.assets));
  const response: CreateDeckResponse = {
    deck,
    presenterKey,
    links: deckLinks(base, deck.id, presenterKey),
    warnings: rendered.warnings,
  };
  ctx.status = 201;
  ctx.set('Location', `/api/decks/${deck.id}`);
  ctx.body = response;
}
