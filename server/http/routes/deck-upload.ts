import type { Context } from 'koa';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { sniffAssetType } from '../../assets/asset-type.js';
import { assetLinks, assetRows, renderDeckWithAssets, type DeckWithAssets } from '../../assets/deck-with-assets.js';
import type { DeckFile } from '../../assets/prepare-assets.js';
import type { DeckContent } from '../../store/deck-store.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../http-error.js';
import { linkBase } from '../link-base.js';
import { readMultipart } from '../read-multipart.js';
import { MAX_DECK_BYTES as CREATE_DECK_LIMIT } from '../../../shared/deck-rules.js';
import { deckLinks } from '../deck-links.js';

/**
 * PLACEHOLDER for PDF decks, replaced when the PDF renderer lands (one slide per page, its
 * text for screen readers). Until then a PDF deck is answered 415 with a clear message.
 */
export async function renderPdfDeck(_pdf: Buffer, _title: string | undefined): Promise<DeckContent> {
  throw new HttpError(
    415,
    'unsupported_media_type',
    'PDF decks are not supported yet: upload the Markdown source of the talk as the "deck" part.',
  );
}

/** The deck part as Markdown text: UTF-8, at most CREATE_DECK_LIMIT bytes. */
function markdownOf(deck: DeckFile): string {
  if (deck.bytes.length > CREATE_DECK_LIMIT) {
    throw new HttpError(413, 'payload_too_large', 'The Markdown of the deck is larger than the 1 MiB a deck may have.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(deck.bytes);
  } catch {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'The "deck" part must be a Markdown file (UTF-8 text) or a PDF.',
    );
  }
}

/** Asset names relative to the deck: a folder upload names them `talk/images/a.png` beside `talk/talk.md`. */
function relativeToDeck(deckName: string, assets: readonly DeckFile[]): DeckFile[] {
  const slash = deckName.replace(/\\/g, '/').lastIndexOf('/');
  if (slash < 0) return [...assets];
  const folder = deckName.replace(/\\/g, '/').slice(0, slash + 1);
  return assets.map((file) => {
    const name = file.name.replace(/\\/g, '/');
    return name.startsWith(folder) ? { ...file, name: name.slice(folder.length) } : file;
  });
}

/** `POST /api/decks` with `multipart/form-data`: a `deck` part (Markdown or PDF), `asset` parts, an optional `title`. */
export async function createDeckFromUpload(ctx: Context, deps: AppDeps): Promise<void> {
  const { store } = deps;
  const upload = await readMultipart(ctx);
  if (!upload.deck) {
    throw new HttpError(400, 'bad_request', 'The upload has no "deck" part: send the Markdown file as "deck".');
  }
  const title = upload.title?.trim() ? upload.title : undefined;
  const sniffed = sniffAssetType(upload.deck.bytes);
  if (sniffed && sniffed.kind !== 'pdf') {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'The "deck" part must be a Markdown file or a PDF, not an image.',
    );
  }
  const rendered: DeckWithAssets =
    sniffed?.kind === 'pdf'
      ? { content: await renderPdfDeck(upload.deck.bytes, title), assets: [], warnings: [] }
      : await renderDeckWithAssets(markdownOf(upload.deck), title, relativeToDeck(upload.deck.name, upload.assets));
  if (!rendered.content) {
    throw new HttpError(
      422,
      'no_slides',
      'The Markdown has no slides: write some content (separate slides with a line of ---).',
    );
  }
  // Check the Host before writing anything, so a refused request leaves nothing behind.
  const base = linkBase(ctx, deps.config);
  await store.assets.saveAssets(assetRows(rendered.assets));
  const { deck, presenterKey } = await store.createDeck(rendered.content);
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
