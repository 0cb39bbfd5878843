import { unsafeCSS } from 'lit';
import katexCss from 'katex/dist/katex.min.css?inline';

// Shadow roots ignore @font-face, so KaTeX's font faces go to the document (once, as a
// constructed sheet, which the CSP allows) and the rest to each slide's shadow styles.
// Vite emits the fonts as files under /assets/, so nothing is fetched from a CDN.
const FONT_FACE = /@font-face\{[^}]*\}/g;

if (typeof document !== 'undefined' && typeof CSSStyleSheet !== 'undefined') {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync((katexCss.match(FONT_FACE) ?? []).join('\n'));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** KaTeX's layout rules for server-rendered math in slide HTML (its fonts are registered on the document). */
export const katexStyles = unsafeCSS(katexCss.replace(FONT_FACE, ''));
