import type { DeckWarning, Dialects, RenderedSlide, SlideSource } from './deck-types.js';
import { markdown, slideEnv, type SlideEnv } from './markdown.js';
import { restoreMath } from './math.js';
import { sanitizeSlide } from './sanitize-slide.js';
import { PAUSE_ATTRIBUTE, transformSlideHtml } from './slide-dom.js';
import { PAUSE_MARK } from './split-deck.js';
import { estimateOverflow } from './overflow.js';
import { cssUrl } from './slide-comments.js';
import { FenceTracker } from './fences.js';

/** Looks like an image reference rather than a colour or gradient (Slidev's `background:` takes both). */
const IMAGE_REF = /\.(png|jpe?g|gif|webp|avif|svg|bmp)(\?.*)?$|^https?:\/\//i;

function matterBackgrounds(matter: Record<string, unknown>): string[] {
  return ['background', 'image', 'background-image', 'backgroundImage']
    .map((key) => matter[key])
    .filter((value): value is string => typeof value === 'string')
    .map(cssUrl)
    .filter((value) => IMAGE_REF.test(value));
}

/** remark's `.name[text]` content classes, reduced to their text (the classes belong to remark's themes). */
function stripRemarkMacros(body: string): string {
  const fences = new FenceTracker();
  return body
    .split('\n')
    .map((line) => (fences.inside(line) ? line : line.replace(/\.[a-z][\w-]*\[([^[\]]*)\]/gi, '$1')))
    .join('\n');
}

function renderBody(body: string, env: SlideEnv): string {
  const segments = body.split(new RegExp(`^${PAUSE_MARK}$`, 'm'));
  return segments
    .map((segment, i) => {
      const html = markdown.render(segment, env);
      return i === 0 ? html : `<div ${PAUSE_ATTRIBUTE}="">${html}</div>`;
    })
    .join('');
}

/**
 * Renders one slide source: Markdown (with math) to HTML, the HTML pass (notes from comments,
 * assets, components, builds), the sanitizer, then KaTeX's output put back. Warnings name the
 * slide by `index` (0-based; "Slide index+1" in words).
 */
export function renderSlideSource(
  source: SlideSource,
  index: number,
  dialects: Dialects,
  assets: Map<string, string>,
  warnings: DeckWarning[],
): RenderedSlide {
  const seen = new Set<string>();
  // Component names as written (the HTML parser lowercases them).
  const names = new Map([...source.body.matchAll(/<([A-Z][\w-]*)/g)].map((m) => [m[1]?.toLowerCase(), m[1]]));
  const warn = (code: string, message: string) => {
    const text = message
      .replace('{slide}', `slide ${index + 1}`)
      .replace(/^slide/, 'Slide')
      .replace(/<([a-z][\w-]*)> component/, (whole, name: string) => `<${names.get(name) ?? name}> component`);
    if (!seen.has(text)) warnings.push({ code, message: text, slide: index });
    seen.add(text);
  };
  const env = slideEnv(dialects.marp, index);
  const notes = [...source.notes];
  const context = {
    dialects,
    assets,
    baseDir: source.baseDir,
    backgrounds: matterBackgrounds(source.matter),
    notes,
    warn,
  };
  const body = dialects.remark ? stripRemarkMacros(source.body) : source.body;
  const pass = transformSlideHtml(renderBody(body, env), context);
  for (const lang of env.diagrams) {
    warn('diagram_as_code', `{slide} has a ${lang} diagram, which is shown as its source code.`);
  }
  for (const lang of env.editors) {
    warn('unknown_directive', `{slide} has a live ${lang} editor, which is shown as plain code.`);
  }
  for (const tex of env.mathErrors) {
    warn('math_error', `{slide} has math that could not be typeset ("${tex.slice(0, 40)}"); it is shown as written.`);
  }
  if (estimateOverflow(source.body, env.longestCode)) {
    warn('overflow', `{slide} may be too long to fit; it will be scaled down.`);
  }
  return { html: restoreMath(sanitizeSlide(pass.html), env), steps: pass.steps, notes: notes.join('\n\n').trim() };
}

/** The text of the first heading of any level in `source` (markup, comments and HTML left out), if any. */
export function firstHeading(source: string): string | null {
  const tokens = markdown.parse(source, slideEnv(false));
  const token = tokens.find((t, i) => t.type === 'inline' && tokens[i - 1]?.type === 'heading_open');
  const text = token?.children
    ?.filter((child) => child.type !== 'html_inline')
    .map((child) => child.content)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text : null;
}
