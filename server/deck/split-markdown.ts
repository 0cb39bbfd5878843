/** One slide's Markdown source and its speaker notes, before rendering. */
export interface SlideSource {
  body: string;
  notes: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SEPARATOR = /^---[ \t]*$/;
const NOTES = /^notes?:[ \t]*$/i;

/**
 * Splits a Markdown deck: a line holding only `---` separates slides, a line holding only
 * `Note:` starts the speaker notes of a slide. Lines inside fenced code blocks never split.
 * Slides with no content are dropped.
 */
export function splitMarkdown(markdown: string): SlideSource[] {
  const slides: SlideSource[] = [];
  let body: string[] = [];
  let notes: string[] | null = null;
  let fence: string | null = null;

  const finish = () => {
    const slide = { body: body.join('\n').trim(), notes: (notes ?? []).join('\n').trim() };
    if (slide.body !== '') slides.push(slide);
    body = [];
    notes = null;
  };

  for (const line of markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === null && marker !== undefined) fence = marker;
    else if (fence !== null && marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) {
      fence = null;
    } else if (fence === null && SEPARATOR.test(line)) {
      finish();
      continue;
    } else if (fence === null && notes === null && NOTES.test(line.trim())) {
      notes = [];
      continue;
    }
    (notes ?? body).push(line);
  }
  finish();
  return slides;
}
