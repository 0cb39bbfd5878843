import type { DeckWarning, Dialects, SlideSource } from './deck-types.js';
import { lookupAsset, normalizeAssetPath } from './asset-paths.js';
import { FenceTracker, linesOutsideCode } from './fences.js';
import { readFrontMatter } from './front-matter.js';
import { splitDeck } from './split-deck.js';
import { detectDialects } from './dialect.js';

/** Deepest chain of Slidev `src:` imports followed. */
const MAX_IMPORT_DEPTH = 5;

const HEADING = /^(#{1,6})[ \t]+\S/;

/** Replaces each slide whose matter has Slidev's `src: other.md` by that file's slides (a warning when missing). */
export function expandImports(
  slides: SlideSource[],
  files: Map<string, string>,
  warnings: DeckWarning[],
  depth = 0,
  baseDir = '',
): SlideSource[] {
  return slides.flatMap((slide) => {
    const src = slide.matter.src;
    if (typeof src !== 'string') return [slide];
    const matter = { ...slide.matter };
    delete matter.src;
    const text = lookupAsset(files, src, baseDir);
    const path = normalizeAssetPath(src, baseDir) ?? src;
    if (text === undefined || depth >= MAX_IMPORT_DEPTH) {
      warnings.push({
        code: 'missing_import',
        message: `The deck imports "${src}", which was not provided, so its slides are missing.`,
      });
      return [];
    }
    const lines = text.split('\n');
    const head = readFrontMatter(lines);
    const dialects = { ...detectDialects(head.data, head.rest), slidev: true };
    const inner = splitDeck(head.rest, dialects, { ...head.data, ...matter });
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    return expandImports(
      inner.map((slide) => ({ ...slide, baseDir: dir })),
      files,
      warnings,
      depth + 1,
      dir,
    );
  });
}

/** The highest heading level followed directly by content (pandoc's slide level), or null without headings. */
function slideLevel(lines: string[]): number | null {
  let level: number | null = null;
  const text = linesOutsideCode(lines).filter((line) => line.trim() !== '');
  text.forEach((line, i) => {
    const match = HEADING.exec(line);
    const next = text[i + 1];
    if (match?.[1] && next !== undefined && !HEADING.test(next)) {
      level = Math.min(level ?? 6, match[1].length);
    }
  });
  return level;
}

/**
 * Inserts a `---` before every heading that starts a slide, for decks that split at headings:
 * Marp's `headingDivider: n` (levels 1..n), and pandoc's slide level in a pandoc deck or in a
 * deck with no separator at all but several such headings (how pandoc decks are written).
 */
export function insertHeadingBreaks(lines: string[], dialects: Dialects, head: Record<string, unknown>): string[] {
  const divider = head.headingDivider;
  let level: number | null = typeof divider === 'number' && divider >= 1 && divider <= 6 ? divider : null;
  if (level === null && !dialects.marp && !dialects.slidev) {
    const pandocLevel = slideLevel(lines);
    const outside = linesOutsideCode(lines);
    const separators = outside.some((line) => /^---[ \t]*$/.test(line));
    const starts = outside.filter((line) => (HEADING.exec(line)?.[1]?.length ?? 7) <= (pandocLevel ?? 0));
    if (dialects.pandoc || (!separators && starts.length >= 2)) level = pandocLevel;
  }
  if (level === null) return lines;
  const fences = new FenceTracker();
  const result: string[] = [];
  let previous: string | undefined;
  for (const line of lines) {
    const code = fences.inside(line);
    const depth = code ? 7 : (HEADING.exec(line)?.[1]?.length ?? 7);
    if (depth <= level && previous !== undefined && !/^---[ \t]*$/.test(previous)) result.push('', '---', '');
    result.push(line);
    if (line.trim() !== '') previous = line;
  }
  return result;
}
