import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import type { DeckWarning } from '../../shared/protocol.js';
import { parseDeck } from '../deck/parse-deck.js';
import { MULTIPART_LIMITS } from '../http/read-multipart.js';
import { referencedAssetPaths } from './asset-urls.js';
import type { DeckFile } from './prepare-assets.js';

/**
 * The files next to a Markdown deck that its slides' images reference (`images/a.png`
 * beside `talk.md`), read with the limits of an upload (MULTIPART_LIMITS: 200 files, 20 MiB
 * each, 50 MiB in all). Files outside the deck's folder (also through symlinks) and files
 * over a limit are left out with a warning; files that do not exist are left for the
 * renderer to report as missing.
 */
export async function readFolderAssets(
  deckPath: string,
  markdown: string,
): Promise<{ files: DeckFile[]; warnings: DeckWarning[] }> {
  const slides = parseDeck(markdown)?.slides ?? [];
  const folder = await realpath(dirname(deckPath));
  const files: DeckFile[] = [];
  const warnings: DeckWarning[] = [];
  let total = 0;
  for (const path of referencedAssetPaths(slides)) {
    if (files.length >= MULTIPART_LIMITS.assets) {
      warnings.push({ code: 'asset_too_many', message: `Only the first ${files.length} images were taken.` });
      break;
    }
    let real: string;
    try {
      real = await realpath(join(folder, path));
    } catch {
      continue;
    }
    if (!real.startsWith(folder + sep)) {
      warnings.push({
        code: 'asset_path_refused',
        message: `"${path}" was left out: it lies outside the deck's folder.`,
      });
      continue;
    }
    const size = (await stat(real)).size;
    if (size > MULTIPART_LIMITS.assetBytes || total + size > MULTIPART_LIMITS.totalBytes) {
      const message = `"${path}" was left out: it is too large (at most 20 MiB a file, 50 MiB in all).`;
      warnings.push({ code: 'asset_too_large', message });
      continue;
    }
    total += size;
    files.push({ name: path, bytes: await readFile(real) });
  }
  return { files, warnings };
}
