import { normalizeShortText } from '../../shared/normalize-text.js';
import type { DeckWarning } from '../../shared/protocol.js';
import { renderDeckInWorker } from '../deck/deck-renderer.js';
import type { DeckContent } from '../store/deck-store.js';
import type { DeckAssetLink, StoredAsset } from '../store/asset-store.js';
import { applyAssetUrls, assetSrcsetMap, assetUrlMap } from './asset-urls.js';
import { normalizeAssetPath } from './asset-path.js';
import { prepareAssets, type DeckFile } from './prepare-assets.js';
import type { PreparedAsset } from './prepare-asset.js';

/** A deck rendered with its files: the content, the files its slides use, and what the presenter should know. */
export interface DeckWithAssets {
  /** Null when the Markdown has no slides. */
  content: DeckContent | null;
  /** The prepared files some slide points at (files no slide uses are not kept). */
  assets: PreparedAsset[];
  warnings: DeckWarning[];
}

/** Markdown files that come with a deck (Slidev `src:` imports, a PDF's `talk.notes.md`): read as text, not assets. */
export const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** Splits a deck's files into Markdown texts by path (for imports) and the files to prepare as assets. */
export function splitDeckFiles(files: readonly DeckFile[]): { texts: Record<string, string>; others: DeckFile[] } {
  const texts: Record<string, string> = {};
  const others: DeckFile[] = [];
  for (const file of files) {
    const path = MARKDOWN_FILE.test(file.name) ? normalizeAssetPath(file.name) : null;
    if (path === null) others.push(file);
    else texts[path] = file.bytes.toString('utf8');
  }
  return { texts, others };
}

/**
 * Renders a Markdown deck (in a worker thread, see renderDeckInWorker) whose relative image
 * references point at `files` (paths relative to the deck): each file is checked and
 * prepared (see prepareAssets), the slides point at Podium's URLs (with a srcset where a
 * lighter copy exists), other Markdown files serve Slidev `src:` imports, and everything
 * missing or dropped becomes a warning.
 */
export async function renderDeckWithAssets(
  markdown: string,
  title: string | undefined,
  files: readonly DeckFile[],
): Promise<DeckWithAssets> {
  const { texts, others } = splitDeckFiles(files);
  const prepared = await prepareAssets(others);
  const assets = assetUrlMap(prepared.assets);
  const rendered = await renderDeckInWorker({ markdown, title, assets, files: texts });
  if (!rendered) return { content: null, assets: [], warnings: prepared.warnings };
  const slides = rendered.slides.map((slide) => ({ html: slide.html, steps: slide.steps }));
  const linked = applyAssetUrls(slides, assets, assetSrcsetMap(prepared.assets));
  const content: DeckContent = {
    // Given or from a heading, a title is one line without control or bidi-override characters.
    title: normalizeShortText(rendered.title) || 'Untitled deck',
    slides: linked.slides,
    notes: rendered.slides.map((slide) => slide.notes),
    browse: rendered.settings.browse ?? 'free',
  };
  if (rendered.settings.durationMinutes !== undefined) content.durationMinutes = rendered.settings.durationMinutes;
  const html = content.slides.map((slide) => slide.html).join('\n');
  const used = prepared.assets.filter((asset) => assets[asset.path] !== undefined && html.includes(asset.id));
  // The renderer already named each missing image with its slide; the URL pass adds only what it alone sees.
  const extra = linked.warnings.filter((warning) => warning.code !== 'asset_missing');
  return { content, assets: used, warnings: [...prepared.warnings, ...rendered.warnings, ...extra] };
}

/** The rows to store for `assets`: each file, and its lighter copy when it has one. */
export function assetRows(assets: readonly PreparedAsset[]): Omit<StoredAsset, 'size'>[] {
  return assets
    .flatMap((asset) => [asset, ...(asset.smaller ? [asset.smaller] : [])])
    .map((asset) => ({
      id: asset.id,
      type: asset.type.mime,
      bytes: asset.bytes,
    }));
}

/** The deck's links to `assets` by path; a lighter copy is linked as `<path>#<width>w`. */
export function assetLinks(assets: readonly PreparedAsset[]): DeckAssetLink[] {
  return assets.flatMap((asset) => [
    { path: asset.path, id: asset.id },
    ...(asset.smaller ? [{ path: `${asset.path}#${asset.smaller.width ?? 0}w`, id: asset.smaller.id }] : []),
  ]);
}
