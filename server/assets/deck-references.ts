import { isExternalReference } from '../deck/asset-paths.js';

/** Where decks name files: Markdown images, HTML attributes, front matter keys, CSS url(). */
const REFERENCE_PATTERNS: readonly RegExp[] = [
  /!\[[^\]]*\]\(\s*<([^>]+)>/g,
  /!\[[^\]]*\]\(\s*([^\s)<>]+)/g,
  /\b(?:src|data-background-image|data-background)\s*=\s*["']([^"']+)["']/gi,
  /^\s*(?:background|image|src):\s*['"]?([^'"\s#]+)['"]?\s*$/gim,
  /url\(\s*['"]?([^'")]+)['"]?\s*\)/gi,
];

/**
 * Every relative file a Markdown deck may reference (images, backgrounds, Slidev `src:`
 * imports), as written, each once. A cheap over-approximation for reading a deck's folder:
 * a candidate no slide uses is simply not kept (see renderDeckWithAssets).
 */
export function deckReferences(markdown: string): string[] {
  const found = new Set<string>();
  for (const pattern of REFERENCE_PATTERNS) {
    for (const match of markdown.matchAll(pattern)) {
      const ref = match[1]?.trim();
      if (!ref || isExternalReference(ref)) continue;
      found.add(ref.replace(/^\/+/, ''));
      // Slidev serves `/x.png` from its public/ folder.
      if (ref.startsWith('/')) found.add(`public/${ref.replace(/^\/+/, '')}`);
    }
  }
  return [...found];
}
