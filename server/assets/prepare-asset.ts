import { createHash } from 'node:crypto';
import type { DeckWarning } from '../../shared/protocol.js';
import { ASSET_TYPES, sniffAssetType, type AssetType } from './asset-type.js';
import { sanitizeSvg } from './sanitize-svg.js';
import { fitForWeb } from './web-image.js';

/** An asset ready to store: its bytes as served, named by their sha256. */
export interface PreparedAsset {
  /** Path relative to the deck, canonical (`images/chart.png`). */
  path: string;
  /** Hex sha256 of `bytes`: the asset's id and its URL. */
  id: string;
  type: AssetType;
  bytes: Buffer;
  /** Pixel width, for images that were re-encoded. */
  width?: number;
  /** A lighter copy (same path) for screens that need fewer pixels; see PHONE_WIDTH. */
  smaller?: PreparedAsset;
}

/** A prepared asset, or the reason it was refused; either way with what the presenter should know. */
export type PrepareResult =
  { asset: PreparedAsset; warnings: DeckWarning[] } | { asset: null; warnings: DeckWarning[] };

function kib(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function named(path: string, type: AssetType, bytes: Buffer): PreparedAsset {
  return { path, id: createHash('sha256').update(bytes).digest('hex'), type, bytes };
}

/**
 * Checks one uploaded file by its bytes and makes it safe and light to serve: SVG is
 * sanitized, large photos are shrunk (see fitForWeb), GIFs and PDFs are kept as they are.
 * Files of any other type, and images that cannot be decoded, are refused with a warning.
 */
export async function prepareAsset(path: string, upload: Buffer): Promise<PrepareResult> {
  const type = sniffAssetType(upload);
  if (!type) {
    const message = `"${path}" was left out: it is not a PNG, JPEG, GIF, WebP, AVIF, SVG or PDF file.`;
    return { asset: null, warnings: [{ code: 'asset_unsupported', message }] };
  }
  if (type.kind === 'svg') {
    const clean = sanitizeSvg(upload);
    if (clean.length === 0) {
      return { asset: null, warnings: [{ code: 'asset_unreadable', message: `"${path}" is not a readable SVG.` }] };
    }
    return { asset: named(path, type, clean), warnings: [] };
  }
  if (type.kind !== 'raster') return { asset: named(path, type, upload), warnings: [] };
  try {
    const web = await fitForWeb(upload, type.mime);
    const served = ASSET_TYPES.get(web.mime) ?? type;
    if (!web.reencoded) return { asset: named(path, served, web.bytes), warnings: [] };
    const asset: PreparedAsset = { ...named(path, served, web.bytes), width: web.width };
    if (web.smaller) asset.smaller = { ...named(path, served, web.smaller.bytes), width: web.smaller.width };
    const message =
      `"${path}" was resized to ${web.width}x${web.height} for the web ` +
      `(${kib(upload.length)} became ${kib(web.bytes.length)}).`;
    return { asset, warnings: [{ code: 'asset_resized', message }] };
  } catch {
    const message = `"${path}" was left out: it looks like a ${type.ext.toUpperCase()} image but could not be read.`;
    return { asset: null, warnings: [{ code: 'asset_unreadable', message }] };
  }
}
