import type { DeckSourceInput, DeckWarning, RenderedDeck, RenderedSlide, SlideSource } from './deck-types.js';
import { normalizeKeys } from './asset-paths.js';
import { readSettings } from './deck-settings.js';
import { detectDialects } from './dialect.js';
import { expandImports, insertHeadingBreaks } from './expand-slides.js';
import { readFrontMatter, stringSetting } from './front-matter.js';
import { firstHeading, renderSlideSource } from './render-slide.js';
import { splitDeck } from './split-deck.js';

/** Longest title kept, in characters. */
export const MAX_TITLE_LENGTH = 200;

/** Most slides in one deck; the rest are dropped with a warning. */
export const MAX_SLIDES = 500;

/** pandoc's `% title` / `% author` / `% date` block at the very top, as [title, ...rest] and the lines after it. */
function pandocTitleBlock(lines: string[]): { block: string[]; rest: string[] } {
  let i = 0;
  while (i < lines.length && lines[i]?.trim() === '') i += 1;
  const block: string[] = [];
  while (i < lines.length && /^%\s?/.test(lines[i] ?? '')) block.push((lines[i++] ?? '').replace(/^%\s?/, '').trim());
  return block.length > 0 ? { block, rest: lines.slice(i) } : { block: [], rest: lines };
}

function keepSlide(source: SlideSource, warnings: DeckWarning[]): boolean {
  if (source.matter.exclude === true || source.matter.exclude === 'true') return false;
  if (source.matter.hide === true || source.matter.disabled === true) return false;
  if (source.matter.layout === 'true' || source.matter.layout === true) {
    warnings.push({
      code: 'unknown_directive',
      message: 'A remark layout slide (content repeated on later slides) was not applied.',
    });
    return false;
  }
  const visible = source.body.replace(/<!--[\s\S]*?-->/g, '').trim();
  return visible !== '' || ['background', 'image', 'background-image'].some((key) => source.matter[key]);
}

/**
 * Renders a Markdown deck written for Podium, reveal.js (and reveal-md), Slidev, Marp, remark or
 * pandoc into sanitized slides with build steps and notes, plus warnings for whatever could not be
 * carried. Pure: plain data in and out, so it runs in a worker. The title is `input.title`, else
 * front matter `title`, else pandoc's `%` line, else the first heading, else "Untitled deck".
 * Returns null when no slide has content.
 */
export function renderDeck(input: DeckSourceInput): RenderedDeck | null {
  const text = input.markdown
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\uE000-\uE002]/g, '');
  const head = readFrontMatter(text.split('\n'));
  const pandoc = pandocTitleBlock(head.rest);
  const dialects = detectDialects(head.data, pandoc.rest);
  const warnings: DeckWarning[] = [];
  const files = normalizeKeys(input.files);
  const assets = normalizeKeys(input.assets);

  const lines = insertHeadingBreaks(pandoc.rest, dialects, head.data);
  let sources = expandImports(splitDeck(lines, dialects, dialects.slidev ? { ...head.data } : {}), files, warnings);
  const declaredTitle = stringSetting(head.data, 'title') ?? pandoc.block[0];
  if (dialects.pandoc && declaredTitle) {
    const byline = [
      stringSetting(head.data, 'subtitle'),
      ...pandoc.block.slice(1),
      stringSetting(head.data, 'author'),
      stringSetting(head.data, 'date'),
    ];
    const body = [`# ${declaredTitle}`, ...byline.filter((line): line is string => !!line)].join('\n\n');
    sources.unshift({ body, notes: [], matter: {} });
  }
  sources = sources.filter((source) => keepSlide(source, warnings));
  if (sources.length > MAX_SLIDES) {
    warnings.push({
      code: 'too_many_slides',
      message: `The deck has ${sources.length} slides; only the first ${MAX_SLIDES} are kept.`,
    });
    sources = sources.slice(0, MAX_SLIDES);
  }
  if (sources.length === 0) return null;

  const slides: RenderedSlide[] = sources.map((source, i) => renderSlideSource(source, i, dialects, assets, warnings));
  const heading = sources.map((source) => firstHeading(source.body)).find((found) => found !== null);
  const title = (input.title?.trim() || declaredTitle || heading || 'Untitled deck').slice(0, MAX_TITLE_LENGTH);
  return { title, slides, warnings, settings: readSettings(head.data) };
}
