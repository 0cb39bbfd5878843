import hljs from 'highlight.js';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { isStepValue } from './slide-steps.js';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const markdown = new MarkdownIt({
  html: true,
  linkify: true,
  typographer: true,
  highlight(code, language): string {
    const lang = language.trim().toLowerCase();
    const body = hljs.getLanguage(lang)
      ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value
      : escapeHtml(code);
    return `<pre class="hljs"><code class="language-${escapeHtml(lang || 'text')}">${body}</code></pre>`;
  },
});

/** Drops a `data-step` that is not a build number (see slide-steps.ts); any tag may carry one. */
function keepStepNumbers(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const step = attribs['data-step'];
  if (step === undefined || isStepValue(step)) return { tagName, attribs };
  const kept = { ...attribs };
  delete kept['data-step'];
  return { tagName, attribs: kept };
}

/**
 * What may survive in a slide: prose, tables, media by http(s) URL, highlight classes, build
 * marks (`data-step="k"`). No script, no handlers.
 */
const SANITIZE: sanitizeHtml.IOptions = {
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
  ],
  allowedAttributes: {
    '*': ['data-step'],
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    code: ['class'],
    pre: ['class'],
    span: ['class'],
    th: ['align', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedClasses: {
    code: [/^language-[\w-]+$/],
    pre: ['hljs'],
    span: [/^hljs-[\w-]+$/, /^language-[\w-]+$/],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }),
    '*': keepStepNumbers,
  },
};

/** Renders one slide's Markdown to sanitized HTML: code highlighted, nothing executable. */
export function renderSlide(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
}

/** The text of the first `# ` heading in `source`, if any. */
export function firstHeading(source: string): string | null {
  const tokens = markdown.parse(source, {});
  const token = tokens.find((t, i) => t.type === 'inline' && tokens[i - 1]?.tag === 'h1');
  const text = token?.children
    ?.map((child) => child.content)
    .join('')
    .trim();
  return text ? text : null;
}
