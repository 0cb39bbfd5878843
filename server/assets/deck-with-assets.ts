import type { DeckWarning } from '../../shared/protocol.js';
import { parseDeck } from '../deck/parse-deck.js';
import type { DeckContent } from '../store/deck-store.js';
import type { DeckAssetLink, StoredAsset } from '../store/asset-store.js';
import { applyAssetUrls, assetSrcsetMap, assetUrlMap } from './asset-urls.js';
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

/**
 * Renders a Markdown deck whose relative image references point at `files` (paths
 * relative to the deck): each file is checked and prepared (see prepareAssets), the slides
 * point at Podium's URLs, and references to files not given become warnings.
 */
export async function renderDeckWithAssets(
  markdown: string,
  title: string | undefined,
  files: readonly DeckFile[],
): Promise<DeckWithAssets> {
  const prepared = await prepareAssets(files);
  const assets = assetUrlMap(prepared.assets);
  const parsed = parseDeck(markdown, title);
  if (!parsed) return { content: null, assets: [], warnings: prepared.warnings };
  const linked = applyAssetUrls(parsed.slides, assets, assetSrcsetMap(prepared.assets));
  const content: DeckContent = { ...parsed, slides: linked.slides };
  const html = content.slides.map((slide) => slide.html).join('\n');
  const used = prepared.assets.filter((asset) => assets[asset.path] !== undefined && html.includes(asset.id));
  return { content, assets: used, warnings: [...prepared.warnings, ...linked.warnings] };
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
