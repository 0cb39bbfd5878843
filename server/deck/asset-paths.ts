/** True for references Podium leaves alone: absolute URLs, data: and other schemes, in-page anchors. */
export function isExternalReference(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//') || ref.startsWith('#');
}

/**
 * Normalises a relative reference to the form asset and file maps are keyed by: query and hash
 * dropped, `%20` decoded, `./` and `..` resolved against `baseDir` (default the deck's folder).
 * Null when it climbs above the deck's folder.
 */
export function normalizeAssetPath(ref: string, baseDir = ''): string | null {
  let path = ref.trim().replace(/[?#].*$/, '');
  try {
    path = decodeURI(path);
  } catch {
    // Keep the reference as written when it is not valid percent-encoding.
  }
  const segments: string[] = [];
  const from = path.startsWith('/') ? '' : baseDir;
  for (const part of `${from}/${path}`.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') segments.push(part);
    else if (segments.pop() === undefined) return null;
  }
  return segments.length > 0 ? segments.join('/') : null;
}

/** Normalises every key of an asset or file map, so lookups match however the caller wrote them. */
export function normalizeKeys(map: Record<string, string> | undefined): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(map ?? {})) {
    const normal = normalizeAssetPath(key);
    if (normal !== null && typeof value === 'string') result.set(normal, value);
  }
  return result;
}

/** Looks a reference up in a normalised map; a leading `/` also tries Slidev's `public/` folder. */
export function lookupAsset(map: Map<string, string>, ref: string, baseDir = ''): string | undefined {
  const normal = normalizeAssetPath(ref, baseDir);
  if (normal === null) return undefined;
  return map.get(normal) ?? (ref.startsWith('/') ? map.get(`public/${normal}`) : undefined);
}
