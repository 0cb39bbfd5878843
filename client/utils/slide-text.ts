/** The first heading's text in slide HTML, for announcements and titles; '' when none. */
export function slideHeading(slideHtml: string): string {
  // A <template> parses without running scripts or loading images.
  const template = document.createElement('template');
  template.innerHTML = slideHtml;
  const heading = template.content.querySelector('h1, h2, h3, h4, h5, h6');
  return (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * "Slide 3 of 12: Heading" (1-based), for screen readers; with `builds` of a slide that has
 * steps, "Slide 3 of 12, step 2 of 4: Heading". Default: no step named.
 */
export function slideAnnouncement(
  index: number,
  count: number,
  slideHtml: string,
  builds?: { step: number; steps: number },
): string {
  const heading = slideHeading(slideHtml);
  const step = builds && builds.steps > 0 ? `, step ${builds.step} of ${builds.steps}` : '';
  return `Slide ${index + 1} of ${count}${step}${heading ? `: ${heading}` : ''}`;
}

/** Clamps an index into a deck of `count` slides (0 for an empty deck). */
export function clampIndex(index: number, count: number): number {
  return Math.min(Math.max(index, 0), Math.max(count - 1, 0));
}

/**
 * Speaker notes (plain text, as written in the Markdown) as blocks to show: paragraphs
 * are split at blank lines, hard-wrapped lines are joined, list items keep their own line.
 */
export function noteBlocks(notes: string): string[] {
  const blocks: string[] = [];
  for (const paragraph of notes.trim().split(/\n\s*\n/)) {
    let current = '';
    for (const line of paragraph.split('\n').map((text) => text.trim())) {
      if (!line) continue;
      if (current && /^([-*+]|\d+[.)])\s/.test(line)) {
        blocks.push(current);
        current = line;
      } else current = current ? `${current} ${line}` : line;
    }
    if (current) blocks.push(current);
  }
  return blocks;
}
