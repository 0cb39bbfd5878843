import { parseFragment } from 'parse5';

/** Elements that can run script, load active content, restyle the page or submit data. */
const DANGEROUS_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'base',
  'link',
  'meta',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'keygen',
  'isindex',
  'svg',
  'math',
  'template',
  'noscript',
  'xmp',
  'title',
  'body',
  'html',
  'head',
  'bgsound',
  'marquee',
  'video',
  'audio',
  'source',
  'foreignobject',
  'animate',
  'set',
  'portal',
  'noembed',
  'noframes',
  'plaintext',
]);

/** Attributes whose value is a URL a browser may fetch or navigate to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'background',
  'dynsrc',
  'lowsrc',
  'data',
  'poster',
  'cite',
  'xlink:href',
  'srcdoc',
]);

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: Node[];
  content?: Node;
}

/** The scheme a browser would see in `url` (it drops ASCII whitespace and controls first), or null for relative URLs. */
export function schemeOf(url: string): string | null {
  const normalized = [...url]
    .filter((char) => char.charCodeAt(0) > 0x20)
    .join('')
    .toLowerCase();
  return /^[a-z][a-z0-9+.-]*:/.exec(normalized)?.[0] ?? null;
}

/**
 * Parses `html` as a browser would (parse5 implements the HTML standard) and lists what
 * could execute or escape: dangerous elements, `on*` handlers, `style`, `srcset`, and URL
 * attributes with a scheme other than http, https or mailto. Empty means clean.
 */
export function findDangers(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    const name = node.nodeName.toLowerCase();
    if (DANGEROUS_ELEMENTS.has(name)) found.push(`<${name}>`);
    for (const attr of node.attrs ?? []) {
      const attrName = (attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name).toLowerCase();
      if (attrName.startsWith('on')) found.push(`${name}[${attrName}]`);
      if (attrName === 'style' || attrName === 'srcset') found.push(`${name}[${attrName}]`);
      const scheme = URL_ATTRIBUTES.has(attrName) ? schemeOf(attr.value) : null;
      if (scheme && !SAFE_SCHEMES.has(scheme)) found.push(`${name}[${attrName}=${scheme}]`);
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parseFragment(html) as unknown as Node);
  return found;
}

/** The text a browser would show for `html` (tags dropped, entities decoded). */
export function textOf(html: string): string {
  const parts: string[] = [];
  const visit = (node: Node & { value?: string }) => {
    if (node.nodeName === '#text' && node.value) parts.push(node.value);
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(parseFragment(html) as unknown as Node);
  return parts.join('');
}
