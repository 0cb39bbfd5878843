import hljs from 'highlight.js';
import MarkdownIt from 'markdown-it';
import type { MathEnv } from './math.js';
import { mathPlugin } from './math.js';
import { parsePollFence, pollCardHtml } from './poll-fence.js';

/** What one slide's render collects besides HTML. */
export interface SlideEnv extends MathEnv {
  /** Marp deck: `*` bullet lists and `1)` lists are builds. */
  marp: boolean;
  /** Diagram languages shown as code (mermaid, plantuml...). */
  diagrams: string[];
  /** Fenced blocks whose editor or runner Podium does not have (Slidev `{monaco}`). */
  editors: string[];
  /** Longest fenced code block, in lines. */
  longestCode: number;
  /** The slide's index in the deck (names its polls). */
  slideIndex: number;
  /** Polls rendered so far in this slide. */
  polls: number;
}

/** A fresh env for one slide's render (slide index 0 unless given). */
export function slideEnv(marp: boolean, slideIndex = 0): SlideEnv {
  return { marp, math: [], mathErrors: [], diagrams: [], editors: [], longestCode: 0, slideIndex, polls: 0 };
}

const DIAGRAMS = new Set(['mermaid', 'plantuml', 'graphviz', 'dot', 'd2']);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The language of a fence's info string without Slidev's `{1,3}`/`{monaco}` or reveal's `[1-2|3]` suffixes. */
function fenceLanguage(info: string): string {
  return (
    info
      .trim()
      .split(/[\s{[]/)[0]
      ?.toLowerCase() ?? ''
  );
}

/** The Markdown renderer for slides: raw HTML kept for the sanitizer, code highlighted, TeX math via KaTeX. */
export const markdown = new MarkdownIt({ html: true, linkify: true, typographer: true });
markdown.use(mathPlugin);

markdown.renderer.rules.fence = (tokens, index, _options, rawEnv) => {
  const env = rawEnv as unknown as SlideEnv;
  const token = tokens[index];
  if (!token) return '';
  const lang = fenceLanguage(token.info);
  if (lang === 'poll') {
    env.polls += 1;
    return pollCardHtml(parsePollFence(token.content, `s${env.slideIndex}p${env.polls}`));
  }
  if (DIAGRAMS.has(lang)) env.diagrams.push(lang);
  if (/\{monaco(-\w+)?\}/.test(token.info)) env.editors.push(lang || 'code');
  env.longestCode = Math.max(env.longestCode, token.content.split('\n').length - 1);
  const body = hljs.getLanguage(lang)
    ? hljs.highlight(token.content, { language: lang, ignoreIllegals: true }).value
    : escapeHtml(token.content);
  return `<pre class="hljs"><code class="language-${escapeHtml(lang || 'text')}">${body}</code></pre>\n`;
};

// Marpit's fragmented lists: `*` bullets and `1)` ordered items each appear one step at a time.
markdown.core.ruler.push('marp_fragments', (state) => {
  if (!(state.env as unknown as SlideEnv).marp) return;
  const markers: string[] = [];
  for (const token of state.tokens) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') markers.push(token.markup);
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') markers.pop();
    else if (token.type === 'list_item_open' && /^[*)]$/.test(markers[markers.length - 1] ?? '')) {
      token.attrSet('data-podium-build', '');
    }
  }
});
