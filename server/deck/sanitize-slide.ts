import sanitizeHtml from 'sanitize-html';
import { POLL_ID_PATTERN } from './poll-fence.js';

/** A CSS value with no function that can fetch or run anything: no url(), expression(), var(), quotes or escapes. */
const SAFE_VALUE =
  /^(?!.*\b(url|expression|image-set|image|element|paint|attr|env|var|src)\s*\()[-#\w\s.,%/()+*!]{1,120}$/i;
const KEYWORD = (words: string) => [new RegExp(`^(${words})$`, 'i')];

/** Inline style that survives: layout, colours, sizes and type. No positioning, backgrounds images, transforms or animation. */
const STYLE_PROPERTIES: Record<string, RegExp[]> = Object.fromEntries([
  ...[
    'color',
    'background-color',
    'opacity',
    'font-size',
    'font-weight',
    'font-style',
    'text-align',
    'text-decoration',
    'text-transform',
    'line-height',
    'letter-spacing',
    'vertical-align',
    'width',
    'height',
    'max-width',
    'max-height',
    'min-width',
    'min-height',
    'margin',
    'margin-top',
    'margin-right',
    'margin-bottom',
    'margin-left',
    'padding',
    'padding-top',
    'padding-right',
    'padding-bottom',
    'padding-left',
    'flex',
    'flex-direction',
    'flex-wrap',
    'flex-grow',
    'flex-shrink',
    'flex-basis',
    'gap',
    'row-gap',
    'column-gap',
    'justify-content',
    'align-items',
    'align-self',
    'justify-items',
    'place-items',
    'place-content',
    'grid-template-columns',
    'grid-template-rows',
    'grid-column',
    'grid-row',
    'border',
    'border-top',
    'border-right',
    'border-bottom',
    'border-left',
    'border-radius',
    'border-color',
    'border-width',
    'border-style',
    'object-fit',
    'float',
    'clear',
    'columns',
    'column-count',
    'white-space',
    'list-style-type',
    'aspect-ratio',
  ].map((name) => [name, [SAFE_VALUE]]),
  ['display', KEYWORD('block|inline|inline-block|flex|inline-flex|grid|inline-grid|none|contents|list-item')],
]);

/** What may survive in a slide: prose, tables, images, highlight classes, build marks and safe inline style. */
export const SLIDE_SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    'img',
    'figure',
    'figcaption',
    'del',
    'ins',
    'sup',
    'sub',
    'mark',
    'kbd',
    'details',
    'summary',
    'center',
  ],
  allowedAttributes: {
    '*': ['data-step', 'style'],
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'class'],
    code: ['class'],
    pre: ['class'],
    span: ['class'],
    th: ['align', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start', 'class'],
    div: ['class', 'data-poll'],
    p: ['class'],
    li: ['data-option'],
  },
  allowedClasses: {
    code: [/^language-[\w-]+$/],
    pre: ['hljs'],
    span: [/^hljs-[\w-]+$/, /^language-[\w-]+$/],
    img: ['podium-bg'],
    div: ['podium-poll'],
    p: ['podium-poll-question'],
    ol: ['podium-poll-options'],
  },
  allowedStyles: { '*': STYLE_PROPERTIES },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  exclusiveFilter: (frame) =>
    frame.attribs['data-step'] !== undefined && !/^[1-9]\d{0,3}$/.test(frame.attribs['data-step']),
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }),
    // Poll marks keep only the values the poll renderer writes, so no page script is led astray by them.
    div: (tagName, attribs) => ({ tagName, attribs: keepIfMatches(attribs, 'data-poll', POLL_ID_PATTERN) }),
    li: (tagName, attribs) => ({ tagName, attribs: keepIfMatches(attribs, 'data-option', /^\d{1,2}$/) }),
  },
};

/** `attribs` without `name` unless its value matches `pattern`. */
function keepIfMatches(attribs: sanitizeHtml.Attributes, name: string, pattern: RegExp): sanitizeHtml.Attributes {
  const value = attribs[name];
  if (value === undefined || pattern.test(value)) return attribs;
  const kept = { ...attribs };
  delete kept[name];
  return kept;
}

/** Sanitizes one slide's HTML with `SLIDE_SANITIZE`. */
export function sanitizeSlide(html: string): string {
  return sanitizeHtml(html, SLIDE_SANITIZE).trim();
}
