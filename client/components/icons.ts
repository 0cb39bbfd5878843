import { svg } from 'lit';

/** Inline SVG icons (24px grid, stroke = currentColor); decorative, so aria-hidden. */
const icon = (paths: ReturnType<typeof svg>) =>
  svg`<svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
    focusable="false">${paths}</svg>`;

export const chevronLeft = icon(svg`<path d="M15 5l-7 7 7 7" />`);
export const chevronRight = icon(svg`<path d="M9 5l7 7-7 7" />`);
export const gridIcon = icon(
  svg`<rect x="3.5" y="3.5" width="7" height="7" rx="1.5" /><rect x="13.5" y="3.5" width="7" height="7" rx="1.5" /><rect x="3.5" y="13.5" width="7" height="7" rx="1.5" /><rect x="13.5" y="13.5" width="7" height="7" rx="1.5" />`,
);
export const expandIcon = icon(svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />`);
export const shrinkIcon = icon(svg`<path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" />`);
export const closeIcon = icon(svg`<path d="M6 6l12 12M18 6L6 18" />`);
export const handoutIcon = icon(svg`<path d="M12 4v10M7.5 9.5 12 14l4.5-4.5M5 19.5h14" />`);
export const readerIcon = icon(svg`<path d="M5 6h14M5 10h14M5 14h10M5 18h7" />`);
export const keyboardIcon = icon(
  svg`<rect x="2.5" y="6" width="19" height="12" rx="2" /><path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M8 14h8" />`,
);
