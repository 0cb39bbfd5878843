import type { Context } from 'koa';
import { sniffAssetType } from '../../assets/asset-type.js';
import { renderDeckWithAssets, type DeckWithAssets } from '../../assets/deck-with-assets.js';
import type { DeckFile } from '../../assets/prepare-assets.js';
import { renderPdfWithAssets } from '../../assets/pdf-with-assets.js';
import { HttpError } from '../http-error.js';
import { readMultipart } from '../read-multipart.js';
import { MAX_DECK_BYTES as CREATE_DECK_LIMIT } from '../../../shared/deck-rules.js';

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

/**
 * A PDF deck's speaker notes: the uploaded `<name>.notes.md` beside `<name>.pdf`, else the
 * only `*.notes.md` uploaded with it; undefined when there is none.
 */
function companionNotes(deckName: string, files: readonly DeckFile[]): string | undefined {
  const base =
    deckName
      .replace(/\\/g, '/')
      .split('/')
      .pop()
      ?.replace(/\.pdf$/i, '')
      .toLowerCase() ?? '';
  const candidates = files.filter((file) => /\.notes\.(md|markdown)$/i.test(file.name));
  const named = candidates.find((file) => file.name.toLowerCase().replace(/\.notes\.(md|markdown)$/, '') === base);
  const chosen = named ?? (candidates.length === 1 ? candidates[0] : undefined);
  return chosen?.bytes.toString('utf8');
}

/** A deck read from a request, not rendered yet: what it weighs, and how to render it. */
export interface DeckSource {
  /** Bytes uploaded: the deck and its files. */
  bytes: number;
  render(): Promise<DeckWithAssets>;
}

/** Reads `POST /api/decks` with `multipart/form-data`: a `deck` part (Markdown or PDF), `asset` parts, an optional `title`. */
export async function readDeckUpload(ctx: Context): Promise<DeckSource> {
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
  const deckFile = upload.deck;
  const files = relativeToDeck(deckFile.name, upload.assets);
  const bytes = files.reduce((sum, file) => sum + file.bytes.length, deckFile.bytes.length);
  if (sniffed?.kind === 'pdf') {
    const notes = companionNotes(deckFile.name, files);
    return { bytes, render: () => renderPdfWithAssets(deckFile.bytes, title, notes) };
  }
  const markdown = markdownOf(deckFile);
  return { bytes, render: () => renderDeckWithAssets(markdown, title, files) };
}
