import { splitDeck } from './split-deck.js';

/** One slide's Markdown source and its speaker notes, before rendering. */
export interface SlideSource {
  body: string;
  notes: string;
}

const PLAIN = { marp: false, slidev: false, reveal: false, remark: false, pandoc: false };

/**
 * Splits a Markdown deck with no dialect detection (see `splitDeck` for the rules): `---` separates
 * slides, `Note:` starts the notes. Slides with no content are dropped.
 */
export function splitMarkdown(markdown: string): SlideSource[] {
  return splitDeck(markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/), PLAIN, {})
    .filter((slide) => slide.body !== '')
    .map((slide) => ({ body: slide.body, notes: slide.notes.join('\n') }));
}
