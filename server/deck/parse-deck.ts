import type { DeckContent } from '../store/deck-store.js';
import { splitMarkdown } from './split-markdown.js';
import { firstHeading, renderSlide } from './render-slide.js';
import { countSteps } from './slide-steps.js';

/** Longest title kept, in characters. */
export const MAX_TITLE_LENGTH = 200;

/** Most slides in one deck. */
export const MAX_SLIDES = 500;

/**
 * Parses a Markdown deck into rendered, sanitized slides and plain-text notes.
 * The title is `title` when given, else the first `# ` heading, else "Untitled deck". A
 * slide's steps are its highest `data-step` (0 for plain Markdown).
 * Returns null when there is no slide with content.
 */
export function parseDeck(source: string, title?: string): DeckContent | null {
  const parts = splitMarkdown(source).slice(0, MAX_SLIDES);
  if (parts.length === 0) return null;
  const heading = parts.map((part) => firstHeading(part.body)).find((text) => text !== null);
  const chosen = (title?.trim() || heading || 'Untitled deck').slice(0, MAX_TITLE_LENGTH);
  return {
    title: chosen,
    slides: parts.map((part) => {
      const html = renderSlide(part.body);
      return { html, steps: countSteps(html) };
    }),
    notes: parts.map((part) => part.notes),
  };
}
