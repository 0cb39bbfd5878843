import type { PdfWarning } from './pdf-types.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SEPARATOR = /^---[ \t]*$/;
const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

function splitSections(markdown: string): string[] {
  const sections: string[][] = [[]];
  let fence: string | null = null;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === null && marker !== undefined) fence = marker;
    else if (fence !== null && marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) {
      fence = null;
    } else if (fence === null && SEPARATOR.test(line)) {
      sections.push([]);
      continue;
    }
    sections.at(-1)?.push(line);
  }
  return sections.map((lines) => lines.join('\n').trim());
}

/**
 * Speaker notes for a PDF deck from its companion `talk.notes.md`: one `---`-separated
 * section per slide, in order (a `---` inside fenced code does not separate; YAML front
 * matter with a `title:` or other `key: value` lines at the top is skipped). Always returns
 * `slideCount` notes ('' where there are none), with a warning when the counts differ.
 */
export function notesForPdf(markdown: string, slideCount: number): { notes: string[]; warnings: PdfWarning[] } {
  let source = markdown.replace(/^\uFEFF/, '');
  const frontMatter = FRONT_MATTER.exec(source)?.[0];
  if (frontMatter && /^[\w-]+:/m.test(frontMatter.replace(/^---.*$/gm, ''))) source = source.slice(frontMatter.length);
  const sections = splitSections(source);
  const warnings: PdfWarning[] = [];
  if (sections.length > slideCount) {
    const extra = sections.length - slideCount;
    warnings.push({
      code: 'notes_extra',
      message: `The notes file has ${sections.length} sections for ${slideCount} slides; the last ${extra} were not used.`,
    });
  } else if (sections.length < slideCount) {
    warnings.push({
      code: 'notes_missing',
      message: `The notes file has ${sections.length} sections for ${slideCount} slides; slides ${sections.length + 1} to ${slideCount} have no notes.`,
    });
  }
  const notes = Array.from({ length: slideCount }, (_, index) => sections[index] ?? '');
  return { notes, warnings };
}
