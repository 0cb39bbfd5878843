import type { Dialects } from './deck-types.js';
import { linesOutsideCode } from './fences.js';

/** Head-matter keys only Slidev gives meaning to (Marp shares `theme` and `class`, so those do not count). */
const SLIDEV_HEAD_KEYS = new Set([
  'layout',
  'transition',
  'highlighter',
  'drawings',
  'mdc',
  'info',
  'fonts',
  'colorSchema',
  'lineNumbers',
  'aspectRatio',
  'canvasWidth',
  'routerMode',
  'exportFilename',
  'addons',
  'download',
  'background',
  'hideInToc',
  'monaco',
  'selectable',
  'presenter',
  'themeConfig',
  'seoMeta',
  'clicks',
]);

const MARP_COMMENT = /<!--\s*_?(paginate|headingDivider|backgroundColor|backgroundImage|class|header|footer|theme)\s*:/;

/**
 * Guesses which tools a deck was written for, from its head matter and its lines outside code:
 * Marp from `marp: true`, its directives or `![bg`; Slidev from its head matter keys, `v-click` or
 * `src:`; reveal.js from `Note:` or `<!-- .slide:`/`.element:`; remark from `???` or slide properties
 * such as `class: center`; pandoc from a `%` title block, `. . .` pauses or `:::` divs.
 */
export function detectDialects(head: Record<string, unknown>, lines: string[]): Dialects {
  const text = linesOutsideCode(lines);
  const joined = text.join('\n');
  const marp = head.marp === true || MARP_COMMENT.test(joined) || /!\[bg\b/.test(joined);
  const slidev =
    !marp &&
    (Object.keys(head).some((key) => SLIDEV_HEAD_KEYS.has(key)) ||
      /<v-clicks?\b|\sv-click\b|\sv-after\b|<v-click>/.test(joined) ||
      /^src:\s*\S/m.test(joined));
  const reveal = /^\s*notes?:/im.test(joined) || /<!--\s*\.(slide|element):/.test(joined);
  const remark =
    text.some((line) => line.trim() === '???') ||
    /^(class|layout|count|background-image|template|exclude):[ \t]*\S.*\n?/m.test(
      text.filter((line, i) => i === 0 || text[i - 1]?.trim() === '---').join('\n'),
    ) ||
    /^\.[a-z][\w-]*\[/m.test(joined);
  const pandoc =
    /^% \S/.test(lines.find((line) => line.trim() !== '') ?? '') || /^(\. ){2}\.\s*$|^:::+\s*\S/m.test(joined);
  return { marp, slidev, reveal, remark: remark && !slidev && !marp, pandoc };
}
