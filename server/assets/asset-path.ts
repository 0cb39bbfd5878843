/** Longest relative path kept for an asset, in characters. */
export const MAX_ASSET_PATH_LENGTH = 500;

/**
 * A file's path relative to the deck in canonical form (`images/chart.png`): `/` separators,
 * no `.` segments, no leading `./`. Null for absolute paths, drive letters, `..` escapes,
 * control characters, empty names and names longer than MAX_ASSET_PATH_LENGTH.
 */
export function normalizeAssetPath(name: string): string | null {
  const path = name.replace(/\\/g, '/');
  if (path.length === 0 || path.length > MAX_ASSET_PATH_LENGTH) return null;
  if (path.startsWith('/') || /^[a-z]:/i.test(path) || /[\p{Cc}]/u.test(path)) return null;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return null;
    segments.push(segment);
  }
  return segments.length > 0 ? segments.join('/') : null;
}

/**
 * The asset path an image reference in a deck points at (`./images/a%20b.png?x#y` ->
 * `images/a b.png`), or null for URLs with a scheme, protocol-relative and absolute ones.
 */
export function referencedAssetPath(reference: string): string | null {
  if (!isRelativeReference(reference)) return null;
  const withoutQuery = reference.trim().replace(/[?#].*$/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutQuery);
  } catch {
    decoded = withoutQuery;
  }
  return normalizeAssetPath(decoded);
}

/** True for a reference relative to the deck (`images/a.png`, `../a.png`): no scheme, not absolute, not `#x`. */
export function isRelativeReference(reference: string): boolean {
  const trimmed = reference.trim();
  return !(
    /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ||
    trimmed.startsWith('/') ||
    trimmed.startsWith('#') ||
    trimmed === ''
  );
}
