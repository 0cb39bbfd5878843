import type { DeckWarning } from '../../shared/protocol.js';
import { normalizeAssetPath } from './asset-path.js';
import { prepareAsset, type PreparedAsset } from './prepare-asset.js';

/** A file that came with a deck: its name as given (a path relative to the deck) and its bytes. */
export interface DeckFile {
  name: string;
  bytes: Buffer;
}

/**
 * Checks and prepares every file of a deck, one after another (so at most one image is
 * being decoded per upload). Unsafe paths (absolute, `..`), unknown types and unreadable
 * images are left out with a warning; of two files with the same path the last one wins.
 */
export async function prepareAssets(
  files: readonly DeckFile[],
): Promise<{ assets: PreparedAsset[]; warnings: DeckWarning[] }> {
  const byPath = new Map<string, PreparedAsset>();
  const warnings: DeckWarning[] = [];
  for (const file of files) {
    const path = normalizeAssetPath(file.name);
    if (path === null) {
      const message = `"${file.name}" was left out: a file's name must be a path inside the deck's folder (no "..", not absolute).`;
      warnings.push({ code: 'asset_path_refused', message });
      continue;
    }
    const result = await prepareAsset(path, file.bytes);
    warnings.push(...result.warnings);
    if (result.asset) byPath.set(path, result.asset);
  }
  return { assets: [...byPath.values()], warnings };
}
