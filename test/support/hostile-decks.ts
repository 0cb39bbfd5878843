import { randomBytes } from 'node:crypto';

/** Decks a hostile client sends: cheap to upload, costly to render. */

/** About `kib` KiB of Markdown in slides of CSS code (highlighting is the costly part). Default 1000: a 1 MiB deck. */
export function codeDeck(kib = 1000): string {
  const slide = (i: number) => `## Slide ${i}\n\n\`\`\`css\n${'.a { color: red; margin: 0 auto; }\n'.repeat(70)}\`\`\``;
  const slides: string[] = [];
  let size = 0;
  for (let i = 0; size < kib * 1024; i += 1) {
    const text = slide(i);
    slides.push(text);
    size += text.length + 9;
  }
  return slides.join('\n\n---\n\n').slice(0, kib * 1024);
}

/** `kib` KiB of random notes on one slide: cheap to render, heavy to store (they do not compress). */
export function notesDeck(kib: number, tag = ''): string {
  return `# Notes ${tag}\n\nOne slide\n\nNote:\n${randomBytes(Math.ceil((kib * 1024 * 3) / 4)).toString('base64')}`;
}
