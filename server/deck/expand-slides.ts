import type { DeckWarning, Dialects, SlideSource } from './deck-types.js';
import { lookupAsset, normalizeAssetPath } from './asset-paths.js';
import { linesOutsideCode } from './fences.js';
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
    return expandImports(inner, files, warnings, depth + 1, dir);
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

/** Splits one slide before every heading of level `maxLevel` or higher (pandoc's slides, Marp's headingDivider). */
function splitAtHeadings(slide: SlideSource, maxLevel: number): SlideSource[] {
  const parts: string[][] = [[]];
  const outside = new Set(linesOutsideCode(slide.body.split('\n')).map((line) => line));
  for (const line of slide.body.split('\n')) {
    const match = HEADING.exec(line);
    const current = parts[parts.length - 1] ?? [];
    if (match?.[1] && match[1].length <= maxLevel && outside.has(line) && current.join('').trim() !== '') {
      parts.push([line]);
    } else {
      current.push(line);
    }
  }
  return parts.map((lines, i) => ({
    body: lines.join('\n').trim(),
    notes: i === parts.length - 1 ? slide.notes : [],
    matter: i === 0 ? slide.matter : {},
  }));
}

/**
 * Applies heading-based splitting: Marp's `headingDivider` when set, pandoc's slide level in a
 * pandoc deck or in a deck without any separator but several headings (how pandoc decks are written).
 */
export function splitByHeadings(
  slides: SlideSource[],
  dialects: Dialects,
  head: Record<string, unknown>,
): SlideSource[] {
  const divider = head.headingDivider;
  if (typeof divider === 'number' && divider >= 1 && divider <= 6) {
    return slides.flatMap((slide) => splitAtHeadings(slide, divider));
  }
  const all = slides.flatMap((slide) => slide.body.split('\n'));
  const level = slideLevel(all);
  if (level === null || dialects.marp || dialects.slidev) return slides;
  const headings = linesOutsideCode(all).filter((line) => (HEADING.exec(line)?.[1]?.length ?? 7) <= level);
  if (dialects.pandoc || (slides.length === 1 && headings.length >= 2)) {
    return slides.flatMap((slide) => splitAtHeadings(slide, level));
  }
  return slides;
}
