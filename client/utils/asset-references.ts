import type { NamedFile } from './deck-bundle.js';

/** Anything in Markdown that looks like a relative path to an image or a Markdown file. */
const REFERENCE = /[^\s"'()<>[\]`*=,]+\.(?:png|jpe?g|gif|webp|avif|svg|md|markdown)(?=[\s"'()<>?#,]|$)/gi;

function decoded(reference: string): string {
  try {
    return decodeURIComponent(reference);
  } catch {
    return reference;
  }
}

/** The relative paths a Markdown deck mentions (`images/chart.png`, without `./`), each once. */
export function referencedPaths(markdown: string): string[] {
  const paths = new Set<string>();
  for (const [match] of markdown.matchAll(REFERENCE)) {
    if (/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(match)) continue;
    paths.add(decoded(match).replace(/^(\.\/)+/, ''));
  }
  return [...paths];
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1).toLowerCase();

/**
 * Names loose files (a bare name, as a file chooser gives them) after the path the deck
 * uses for them: `chart.png` becomes `images/chart.png` when the Markdown shows
 * `images/chart.png` and no uploaded file has that path yet. Other files keep their names.
 */
export function nameReferencedFiles(markdown: string, files: readonly NamedFile[]): NamedFile[] {
  const names = new Set(files.map(({ name }) => name.toLowerCase()));
  const byBase = new Map<string, string>();
  for (const path of referencedPaths(markdown)) {
    if (!names.has(path.toLowerCase()) && !byBase.has(baseName(path))) byBase.set(baseName(path), path);
  }
  return files.map((entry) => {
    if (entry.name.includes('/')) return entry;
    const path = byBase.get(entry.name.toLowerCase());
    return path ? { ...entry, name: path } : entry;
  });
}
