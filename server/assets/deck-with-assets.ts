import type { DeckWarning } from '../../shared/protocol.js';
import { parseDeck } from '../deck/parse-deck.js';
import type { DeckContent } from '../store/deck-store.js';
import { applyAssetUrls, assetUrlMap } from './asset-urls.js';
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
  const linked = applyAssetUrls(parsed.slides, assets);
  const content: DeckContent = { ...parsed, slides: linked.slides };
  const html = content.slides.map((slide) => slide.html).join('\n');
  const used = prepared.assets.filter((asset) => assets[asset.path] !== undefined && html.includes(asset.id));
  return { content, assets: used, warnings: [...prepared.warnings, ...linked.warnings] };
}
