import type { Dialects, SlideSource } from './deck-types.js';
import { FenceTracker } from './fences.js';
import { readSlideMatter, takeRemarkProperties } from './slide-matter.js';

/** Marks a pause line (pandoc `. . .`, remark `--`) in a slide body; the renderer turns it into a step. */
export const PAUSE_MARK = '\uE002';

const SEPARATOR = /^---[ \t]*$/;
const VERTICAL_REVEAL_MD = /^----[ \t]*$/;
const THEMATIC = /^ {0,3}((\*[ \t]*){3,}|(_[ \t]*){3,})$/;
const DOUBLE_DASH = /^--[ \t]*$/;
const PANDOC_PAUSE = /^\. \. \.[ \t]*$/;
const NOTES = /^[ \t]*notes?:[ \t]?(.*)$/i;
const REMARK_NOTES = /^\?\?\?[ \t]*$/;
const PANDOC_NOTES = /^:::+[ \t]*\{?\.?notes\}?[ \t]*$/;
const DIV_CLOSE = /^:::+[ \t]*$/;
const DIV_OPEN = /^:::+[ \t]*(\{[^}]*\}|[\w-]+)/;

/** Marks a pandoc `::: incremental` div; its list items become builds. */
export const INCREMENTAL_ATTRIBUTE = 'data-podium-incremental';

/**
 * Splits a deck's lines (front matter already removed) into slide sources.
 * Separators: `---`; reveal.js's vertical `--` when it stands between blank lines (in a deck
 * that is not remark's), reveal-md's `----` (not in Marp or Slidev decks), and `***`/`___` in
 * Marp and pandoc decks. A `--` in a remark deck, or not between blank lines, and pandoc's
 * `. . .` are pauses. Notes run from `Note:`/`Notes:` (text may follow), `???` or `::: notes`
 * up to the next separator (`:::` closes pandoc's). Slidev's `---`/`key: value`/`---` blocks
 * become the next slide's matter. Nothing inside fenced code is interpreted.
 */
export function splitDeck(lines: string[], dialects: Dialects, firstMatter: Record<string, unknown>): SlideSource[] {
  const slides: SlideSource[] = [];
  const fences = new FenceTracker();
  let body: string[] = [];
  let notes: string[] = [];
  let matter: Record<string, unknown> = firstMatter;
  let mode: 'body' | 'notes' | 'div-notes' = 'body';
  let divs = 0;

  const finish = () => {
    const rest = dialects.remark ? takeRemarkProperties(body, matter) : body;
    slides.push({
      body: rest.join('\n').trim(),
      notes: notes.join('\n').trim() ? [notes.join('\n').trim()] : [],
      matter,
    });
    body = [];
    notes = [];
    matter = {};
    mode = 'body';
    divs = 0;
  };
  const push = (line: string) => (mode === 'body' ? body : notes).push(line);

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (fences.inside(line)) {
      push(line);
      continue;
    }
    if (mode === 'div-notes') {
      if (DIV_CLOSE.test(line)) mode = 'body';
      else notes.push(line);
      continue;
    }
    const blankAround = (lines[i - 1] ?? '').trim() === '' && (lines[i + 1] ?? '').trim() === '';
    if (SEPARATOR.test(line)) {
      finish();
      let end = i + 1;
      while (end < lines.length && end <= i + 61 && !SEPARATOR.test(lines[end] ?? '')) end += 1;
      const found =
        end < lines.length && end <= i + 61 ? readSlideMatter(lines.slice(i + 1, end), dialects.slidev) : null;
      if (found) {
        matter = found;
        i = end;
      }
    } else if (
      (VERTICAL_REVEAL_MD.test(line) && !dialects.marp && !dialects.slidev) ||
      (THEMATIC.test(line) && (dialects.marp || dialects.pandoc)) ||
      (DOUBLE_DASH.test(line) && !dialects.remark && blankAround)
    ) {
      finish();
    } else if (DOUBLE_DASH.test(line) || PANDOC_PAUSE.test(line)) {
      mode = 'body';
      body.push('', PAUSE_MARK, '');
    } else if (mode === 'body' && REMARK_NOTES.test(line)) {
      mode = 'notes';
    } else if (mode === 'body' && PANDOC_NOTES.test(line)) {
      mode = 'div-notes';
    } else if (mode === 'body' && dialects.pandoc && DIV_OPEN.test(line)) {
      // pandoc's fenced divs: `incremental` lists build item by item; other divs (columns...) just group.
      const incremental = /incremental/.test(line) && !/nonincremental/.test(line);
      divs += 1;
      body.push('', incremental ? `<div ${INCREMENTAL_ATTRIBUTE}="">` : '<div>', '');
    } else if (mode === 'body' && dialects.pandoc && divs > 0 && DIV_CLOSE.test(line)) {
      divs -= 1;
      body.push('', '</div>', '');
    } else if (mode === 'body' && NOTES.test(line)) {
      mode = 'notes';
      const first = NOTES.exec(line)?.[1]?.trim();
      if (first) notes.push(first);
    } else {
      push(line);
    }
  }
  finish();
  return slides;
}
