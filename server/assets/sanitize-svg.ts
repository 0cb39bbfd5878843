import { randomBytes } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';

/**
 * `<style>` is carried past sanitize-html under this name: sanitize-html copies a style
 * element's text out unescaped, so its CSS is cleaned and escaped here instead.
 */
const STYLE_STAND_IN = 'podium-svg-style';

/** SVG elements that draw; everything else (script, foreignObject, animation of href, iframes) is dropped. */
// prettier-ignore
const SVG_TAGS = [
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'metadata', STYLE_STAND_IN, 'switch', 'path', 'rect',
  'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'linearGradient',
  'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker', 'image', 'filter', 'feBlend', 'feColorMatrix',
  'feComponentTransfer', 'feComposite', 'feFlood', 'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology',
  'feOffset', 'feFuncA', 'feFuncR', 'feFuncG', 'feFuncB', 'feDropShadow',
];

/** Geometry, paint and text attributes; no `on*` handler is ever listed. */
// prettier-ignore
const SVG_ATTRIBUTES = [
  'xmlns', 'xmlns:xlink', 'xml:space', 'version', 'id', 'class', 'style', 'viewBox', 'preserveAspectRatio', 'width',
  'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'd', 'points', 'transform',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-miterlimit', 'opacity', 'color', 'display',
  'visibility', 'clip-path', 'clip-rule', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end',
  'markerWidth', 'markerHeight', 'refX', 'refY', 'orient', 'markerUnits', 'offset', 'stop-color', 'stop-opacity',
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits', 'patternTransform', 'patternContentUnits',
  'clipPathUnits', 'maskUnits', 'maskContentUnits', 'filterUnits', 'primitiveUnits', 'font-family', 'font-size',
  'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'alignment-baseline', 'letter-spacing',
  'word-spacing', 'text-decoration', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'startOffset', 'href',
  'xlink:href', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'operator', 'k1', 'k2', 'k3', 'k4', 'type', 'values',
  'tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'flood-color', 'flood-opacity', 'radius',
  'lighting-color', 'role', 'aria-label', 'aria-hidden', 'focusable', 'vector-effect', 'shape-rendering',
  'text-rendering', 'image-rendering', 'mix-blend-mode', 'isolation', 'paint-order', 'overflow',
];

/** In-document references (`#id`) and embedded raster images are the only links an SVG keeps. */
const SAFE_HREF = /^(?:#[\w.:-]*|data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*)$/i;

/** `url(...)` that leaves the document (anything but `url(#id)`), and `@import`. */
const EXTERNAL_CSS = /@import|url\(\s*['"]?(?!#)|expression\(|javascript:/i;

/** CSS text (`<style>` content) without external references, safe as XML text. */
function cleanCss(css: string): string {
  return css
    .replace(/<!\[CDATA\[|\]\]>/g, '')
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\(\s*(['"]?)(?!#)[^)]*\)/gi, 'none')
    .replace(/expression\(|javascript:/gi, '')
    .replace(/</g, '')
    .replace(/&/g, '&amp;');
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: SVG_TAGS,
  allowedAttributes: { '*': SVG_ATTRIBUTES },
  allowVulnerableTags: true,
  parser: { xmlMode: true, lowerCaseTags: false, lowerCaseAttributeNames: false, recognizeSelfClosing: true },
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'foreignObject', 'iframe', 'noscript', 'textarea', 'option'],
  allowedSchemes: ['data'],
  allowedSchemesAppliedToAttributes: [],
  transformTags: {
    '*': (tagName, attribs) => {
      const kept: Record<string, string> = {};
      for (const [name, value] of Object.entries(attribs)) {
        if ((name === 'href' || name === 'xlink:href') && !SAFE_HREF.test(value.trim())) continue;
        if (EXTERNAL_CSS.test(value)) continue;
        kept[name] = value;
      }
      return { tagName, attribs: kept };
    },
  },
};

/**
 * An SVG that cannot run script or fetch anything: only drawing elements and attributes
 * survive (no script, no `on*` handlers, no foreignObject, no links outside the document
 * except embedded raster images, no `@import` or external `url()`). Returns UTF-8 bytes.
 */
export function sanitizeSvg(source: Uint8Array): Buffer {
  const text = Buffer.from(source).toString('utf8');
  // The prolog (XML declaration, doctype and its entities, comments) and anything after the root go.
  const start = text.search(/<svg[\s>]/);
  const end = text.lastIndexOf('</svg>');
  const root = start < 0 ? '' : text.slice(start, end > start ? end + '</svg>'.length : undefined);
  const styles = new Map<string, string>();
  const nonce = randomBytes(8).toString('hex');
  const marked = root.replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/g, (_match, css: string) => {
    const token = `podiumcss${nonce}n${styles.size}`;
    styles.set(token, cleanCss(css));
    return `<${STYLE_STAND_IN}>${token}</${STYLE_STAND_IN}>`;
  });
  const clean = sanitizeHtml(marked, OPTIONS).replace(
    new RegExp(`<${STYLE_STAND_IN}>(podiumcss${nonce}n\\d+)</${STYLE_STAND_IN}>`, 'g'),
    (_match, token: string) => `<style>${styles.get(token) ?? ''}</style>`,
  );
  return Buffer.from(clean.trim(), 'utf8');
}
