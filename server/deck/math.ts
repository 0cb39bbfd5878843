import katex from 'katex';
import type MarkdownIt from 'markdown-it';

type Md = InstanceType<typeof MarkdownIt>;
type StateInline = Parameters<Parameters<Md['inline']['ruler']['before']>[2]>[0];
type StateBlock = Parameters<Parameters<Md['block']['ruler']['before']>[2]>[0];

/** Per-render math store: KaTeX HTML kept out of the sanitizer and put back after it. */
export interface MathEnv {
  [key: string | symbol]: unknown;
  math: string[];
  mathErrors: string[];
}

/** Characters that delimit a math placeholder; stripped from every deck before parsing. */
export const MATH_OPEN = '\uE000';
export const MATH_CLOSE = '\uE001';

/**
 * Renders TeX with KaTeX (HTML output, `trust: false`, so no links, classes or styles from the
 * author) and returns a placeholder; on a TeX error, the source as code and an error noted.
 */
function placeholder(env: MathEnv, tex: string, displayMode: boolean): string | null {
  try {
    const html = katex.renderToString(tex, {
      displayMode,
      output: 'html',
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxSize: 20,
      maxExpand: 500,
    });
    env.math.push(html);
    return `${MATH_OPEN}${env.math.length - 1}${MATH_CLOSE}`;
  } catch {
    env.mathErrors.push(tex);
    return null;
  }
}

/** Finds `$...$`, `$$...$$` and `\(...\)` at `pos`: [tex, display, end] or null. */
function scanInline(src: string, pos: number): [string, boolean, number] | null {
  if (src.startsWith('\\(', pos)) {
    const end = src.indexOf('\\)', pos + 2);
    return end > pos + 2 ? [src.slice(pos + 2, end), false, end + 2] : null;
  }
  if (src.startsWith('$$', pos)) {
    const end = src.indexOf('$$', pos + 2);
    return end > pos + 2 ? [src.slice(pos + 2, end), true, end + 2] : null;
  }
  if (src[pos] !== '$' || /\s/.test(src[pos + 1] ?? ' ')) return null;
  for (let end = src.indexOf('$', pos + 1); end > 0; end = src.indexOf('$', end + 1)) {
    if (src[end - 1] === '\\') continue;
    if (/\s/.test(src[end - 1] ?? '') || /\d/.test(src[end + 1] ?? '')) return null;
    return [src.slice(pos + 1, end), false, end + 1];
  }
  return null;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const found = scanInline(state.src, state.pos);
  if (!found) return false;
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.content = found[0];
    token.info = found[1] ? 'display' : '';
  }
  state.pos = found[2];
  return true;
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const first = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
  const open = first.startsWith('$$') ? '$$' : first.startsWith('\\[') ? '\\[' : null;
  if (!open || state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const close = open === '$$' ? '$$' : '\\]';
  let line = startLine;
  let text = first.slice(2);
  while (!text.trimEnd().endsWith(close) || (line === startLine && text.trim() === '')) {
    line += 1;
    if (line >= endLine) return false;
    text += '\n' + state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
  }
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.content = text.trimEnd().slice(0, -close.length);
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

/** markdown-it plugin: TeX math rendered by KaTeX into placeholders filled in after sanitizing. */
export const mathPlugin = (md: Md): void => {
  md.inline.ruler.before('escape', 'math_inline', mathInline);
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  const render = (tex: string, display: boolean, env: MathEnv): string =>
    placeholder(env, tex, display) ?? `<code>${md.utils.escapeHtml(tex)}</code>`;
  md.renderer.rules.math_inline = (tokens, i, _options, env) =>
    render(tokens[i]?.content ?? '', tokens[i]?.info === 'display', env as MathEnv);
  md.renderer.rules.math_block = (tokens, i, _options, env) =>
    `<p>${render(tokens[i]?.content ?? '', true, env as MathEnv)}</p>\n`;
};

/** Puts KaTeX's HTML back in place of its placeholders. */
export function restoreMath(html: string, env: MathEnv): string {
  return html.replace(/\uE000(\d+)\uE001/g, (_match, index: string) => env.math[Number(index)] ?? '');
}
