import { parseFragment, serialize } from 'parse5';
import { expect } from 'vitest';
import type { RenderedDeck } from '../../../server/deck/deck-types.js';
import { findDangers } from '../xss/html-inspection.js';

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

/** Every `style` value in `html` (KaTeX's own markup removed first). */
function styles(node: Node, found: string[] = []): string[] {
  for (const attr of node.attrs ?? []) if (attr.name === 'style') found.push(attr.value);
  for (const child of node.childNodes ?? []) styles(child, found);
  return found;
}

/** `html` as a browser parses it, with KaTeX's server-rendered spans (trusted output, svg included) taken out. */
function withoutMath(html: string): Node {
  const root = parseFragment(html) as unknown as Node;
  const prune = (node: Node) => {
    node.childNodes = (node.childNodes ?? []).filter(
      (child) => !(child.attrs ?? []).some((attr) => attr.name === 'class' && /\bkatex\b/.test(attr.value)),
    );
    node.childNodes.forEach(prune);
  };
  prune(root);
  return root;
}

/**
 * Asserts what an audience must never get from any slide: anything executable (the XSS
 * inspector, allowing only the safe inline style subset), a style that fetches or escapes
 * the slide, or the text of a comment or directive.
 */
export function expectSafeSlides(deck: RenderedDeck | null): void {
  for (const [index, slide] of (deck?.slides ?? []).entries()) {
    const root = withoutMath(slide.html);
    const html = serialize(root as never);
    const dangers = findDangers(html).filter((danger) => !danger.endsWith('[style]'));
    expect(dangers, `slide ${index + 1}: ${slide.html}`).toEqual([]);
    for (const style of styles(root)) expect(style).not.toMatch(/url\(|expression|position|javascript|behavior/i);
    expect(slide.html, `slide ${index + 1}`).not.toMatch(
      /<!--|-->|\.slide:|\.element:|_class|paginate|<!--fit|v-click/i,
    );
  }
}

/** The slides' HTML, steps and notes, short, for one readable assertion. */
export function outline(deck: RenderedDeck | null): { steps: number[]; notes: string[] } {
  return {
    steps: deck?.slides.map((slide) => slide.steps) ?? [],
    notes: deck?.slides.map((slide) => slide.notes) ?? [],
  };
}
