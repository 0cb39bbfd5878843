import type { DeckWarning, Slide } from '../../shared/protocol.js';
import { isRelativeReference, referencedAssetPath } from './asset-path.js';
import type { PreparedAsset } from './prepare-asset.js';

/** Where Podium serves an asset: `/api/assets/<sha256>.<ext>` (the extension is for people; the bytes decide the type). */
export function assetUrl(asset: Pick<PreparedAsset, 'id' | 'type'>): string {
  return `/api/assets/${asset.id}.${asset.type.ext}`;
}

/**
 * The deck's files by their path relative to the deck (`images/chart.png`) -> the URL
 * Podium serves them at: the `assets` map the deck parser takes.
 */
export function assetUrlMap(assets: readonly Pick<PreparedAsset, 'path' | 'id' | 'type'>[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const asset of assets) map[asset.path] = assetUrl(asset);
  return map;
}

/** The URL for a reference in a slide, by exact path, else by path in any case (decks written on Windows or macOS). */
export function lookupAsset(assets: Record<string, string>, path: string): string | undefined {
  if (Object.hasOwn(assets, path)) return assets[path];
  const lower = path.toLowerCase();
  const key = Object.keys(assets).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : assets[key];
}

/**
 * Asset URL -> `srcset` for images stored in two widths (`/api/assets/<small>.webp 1280w,
 * /api/assets/<big>.webp 1920w`), so a phone downloads the lighter one.
 */
export function assetSrcsetMap(
  assets: readonly Pick<PreparedAsset, 'id' | 'type' | 'width' | 'smaller'>[],
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const asset of assets) {
    if (!asset.smaller?.width || !asset.width) continue;
    map[assetUrl(asset)] = `${assetUrl(asset.smaller)} ${asset.smaller.width}w, ${assetUrl(asset)} ${asset.width}w`;
  }
  return map;
}

const IMG_SRC = /(<img\b[^>]*?\ssrc=")([^"]*)(")/gi;

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Points every relative `<img src>` of the rendered slides at Podium's URL for that file
 * (`assets` as assetUrlMap builds it) and gives images stored in two widths their `srcset`
 * (`srcsets` as assetSrcsetMap builds it; also for a `src` already pointing at Podium). A
 * reference to a file that was not given stays as written and becomes an `asset_missing`
 * warning naming the slide (1-based in the message); one outside the deck's folder, an
 * `asset_path_refused` warning.
 */
export function applyAssetUrls(
  slides: readonly Slide[],
  assets: Record<string, string>,
  srcsets: Record<string, string> = {},
): { slides: Slide[]; warnings: DeckWarning[] } {
  const warnings: DeckWarning[] = [];
  const withSrcset = (before: string, url: string, after: string) => {
    const srcset = Object.hasOwn(srcsets, url) && !/\ssrcset=/i.test(before) ? srcsets[url] : undefined;
    return srcset ? `${before}${url}${after} srcset="${srcset}" sizes="100vw"` : `${before}${url}${after}`;
  };
  const rewritten = slides.map((slide, index) => ({
    ...slide,
    html: slide.html.replace(IMG_SRC, (whole, before: string, src: string, after: string) => {
      const reference = decodeAttribute(src);
      if (reference.startsWith('/api/assets/')) return withSrcset(before, src, after);
      const path = referencedAssetPath(reference);
      if (path === null) {
        if (isRelativeReference(reference)) {
          const message = `Slide ${index + 1} shows "${reference}", which lies outside the deck's folder: the image is missing.`;
          warnings.push({ code: 'asset_path_refused', message, slide: index });
        }
        return whole;
      }
      const url = lookupAsset(assets, path);
      if (url !== undefined) return withSrcset(before, url, after);
      warnings.push({
        code: 'asset_missing',
        message: `Slide ${index + 1} shows "${path}", which was not uploaded with the deck: the image is missing.`,
        slide: index,
      });
      return whole;
    }),
  }));
  return { slides: rewritten, warnings };
}

/** The relative paths (canonical, see referencedAssetPath) the rendered slides' images point at, each once. */
export function referencedAssetPaths(slides: readonly Slide[]): string[] {
  const paths = new Set<string>();
  for (const slide of slides) {
    for (const match of slide.html.matchAll(IMG_SRC)) {
      const path = referencedAssetPath(decodeAttribute(match[2] ?? ''));
      if (path !== null) paths.add(path);
    }
  }
  return [...paths];
}
