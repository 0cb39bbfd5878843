import type { Comment, Element } from 'domhandler';

/** Marp/Marpit directives (global and local, `_` for this slide only) and Marp's `fit` keyword. */
const MARP_DIRECTIVES = new Set([
  'theme',
  'style',
  'headingDivider',
  'size',
  'math',
  'title',
  'author',
  'description',
  'image',
  'keywords',
  'url',
  'marp',
  'lang',
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
  'transition',
  'inlineSVG',
]);

/** What a comment is: a reveal.js attribute directive, another tool's directive, or a speaker note. */
export type CommentKind =
  | { kind: 'slide'; attributes: Record<string, string> }
  | { kind: 'element'; attributes: Record<string, string> }
  | { kind: 'directive'; attributes: Record<string, string> }
  | { kind: 'note'; text: string };

/** Reads `name="value"` / `name='value'` / `name=value` pairs, as reveal.js's attribute comments write them. */
export function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    if (match[1]) attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

/** Classifies one HTML comment's text. */
export function classifyComment(data: string): CommentKind {
  const text = data.trim();
  const reveal = /^\.(slide|element)\s*:([\s\S]*)$/.exec(text);
  if (reveal?.[1] === 'slide') return { kind: 'slide', attributes: parseAttributes(reveal[2] ?? '') };
  if (reveal?.[1] === 'element') return { kind: 'element', attributes: parseAttributes(reveal[2] ?? '') };
  if (text === 'fit' || /^(prettier-|markdownlint|eslint|textlint|cspell|#region|#endregion)/.test(text)) {
    return { kind: 'directive', attributes: {} };
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const directive: Record<string, string> = {};
  const isDirective =
    lines.length > 0 &&
    lines.every((line) => {
      const match = /^\s*_?([A-Za-z]+)\s*:\s*(.*)$/.exec(line);
      if (!match?.[1] || !MARP_DIRECTIVES.has(match[1])) return false;
      directive[match[1]] = (match[2] ?? '').trim();
      return true;
    });
  return isDirective ? { kind: 'directive', attributes: directive } : { kind: 'note', text };
}

/** The element a reveal.js `.element:` comment applies to: the previous element sibling (not `<br>`), else the parent. */
export function elementTarget(comment: Comment): Element | null {
  for (let node = comment.prev; node; node = node.prev) {
    if (node.type === 'tag' && (node as Element).name !== 'br') return node as Element;
  }
  const parent = comment.parent;
  return parent && parent.type === 'tag' ? (parent as Element) : null;
}

/** The URL inside a CSS `url(...)`, or the text itself when it is no `url()`. */
export function cssUrl(value: string): string {
  const match = /url\(\s*(['"]?)(.*?)\1\s*\)/.exec(value);
  return (match ? match[2] : value)?.trim() ?? '';
}
