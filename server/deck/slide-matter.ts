import { parseMapping } from './front-matter.js';

/** Per-slide keys Slidev gives meaning to; a `---` block holding one of them is slide matter in any deck. */
const SLIDEV_SLIDE_KEYS = new Set([
  'layout',
  'transition',
  'src',
  'clicks',
  'background',
  'image',
  'hide',
  'disabled',
  'level',
  'zoom',
  'routeAlias',
  'dragPos',
  'hideInToc',
  'preload',
  'class',
  'title',
]);

const MATTER_LINE = /^([A-Za-z_][\w-]*):(\s|$)|^\s+\S|^\s*#|^\s*$|^\s*- /;

/**
 * Reads a Slidev per-slide front matter block (the lines between two `---`): a YAML mapping written
 * as `key: value` lines. Accepted when the deck is Slidev or a key is one Slidev defines; else null.
 */
export function readSlideMatter(block: string[], slidev: boolean): Record<string, unknown> | null {
  if (block.length === 0 || block.length > 60 || !block.some((line) => /^[A-Za-z_][\w-]*:/.test(line))) return null;
  const first = block.find((line) => line.trim() !== '') ?? '';
  if (!/^[A-Za-z_][\w-]*:/.test(first) || !block.every((line) => MATTER_LINE.test(line))) return null;
  const data = parseMapping(block.join('\n'));
  if (!data) return null;
  return slidev || Object.keys(data).some((key) => SLIDEV_SLIDE_KEYS.has(key)) ? data : null;
}

/** remark's slide properties, written as `name: value` lines at the top of a slide. */
const REMARK_PROPERTIES =
  /^(class|name|layout|template|background-image|background-size|background-position|count|exclude|seq):[ \t]*(.*)$/;

/** Moves remark's leading property lines out of a slide body into its matter. */
export function takeRemarkProperties(body: string[], matter: Record<string, unknown>): string[] {
  let i = 0;
  while (i < body.length && body[i]?.trim() === '') i += 1;
  for (; i < body.length; i += 1) {
    const match = REMARK_PROPERTIES.exec(body[i] ?? '');
    if (!match?.[1]) break;
    matter[match[1]] = (match[2] ?? '').trim();
  }
  return body.slice(i);
}
