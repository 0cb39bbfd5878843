/** A file type Podium serves, as recognized from its bytes. */
export interface AssetType {
  /** The Content-Type it is served with. */
  mime: string;
  /** The usual file extension, without the dot (used in URLs only, never trusted). */
  ext: string;
  /** How it is handled: re-encodable raster, animation-capable GIF, sanitized SVG, or a document. */
  kind: 'raster' | 'gif' | 'svg' | 'pdf';
}

const PNG: AssetType = { mime: 'image/png', ext: 'png', kind: 'raster' };
const JPEG: AssetType = { mime: 'image/jpeg', ext: 'jpg', kind: 'raster' };
const GIF: AssetType = { mime: 'image/gif', ext: 'gif', kind: 'gif' };
const WEBP: AssetType = { mime: 'image/webp', ext: 'webp', kind: 'raster' };
const AVIF: AssetType = { mime: 'image/avif', ext: 'avif', kind: 'raster' };
const SVG: AssetType = { mime: 'image/svg+xml', ext: 'svg', kind: 'svg' };
const PDF: AssetType = { mime: 'application/pdf', ext: 'pdf', kind: 'pdf' };

/** Every type by its Content-Type, to read stored rows back. */
export const ASSET_TYPES: ReadonlyMap<string, AssetType> = new Map(
  [PNG, JPEG, GIF, WEBP, AVIF, SVG, PDF].map((type) => [type.mime, type]),
);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.subarray(start, end)).toString('latin1');
}

/** An SVG document: optional BOM, XML declaration, comments or doctype, then an `<svg` root. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const prolog = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg[\s>]/i;
  return prolog.test(head);
}

/**
 * The type of `bytes` from its magic numbers (PNG, JPEG, GIF, WebP, AVIF, PDF) or, for SVG,
 * from its text; never from a file name or a claimed type. Null when Podium does not serve it.
 */
export function sniffAssetType(bytes: Uint8Array): AssetType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return GIF;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return WEBP;
  if (ascii(bytes, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(bytes, 8, 12))) return AVIF;
  if (ascii(bytes, 0, 5) === '%PDF-') return PDF;
  if (looksLikeSvg(bytes)) return SVG;
  return null;
}
