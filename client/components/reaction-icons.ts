import { svg, type SVGTemplateResult } from 'lit';
import type { ReactionName } from '../../shared/room-protocol.js';

/** A reaction's icon: inline SVG on the 24px grid (stroke = currentColor), decorative, so aria-hidden; no emoji font needed. */
const icon = (paths: SVGTemplateResult) =>
  svg`<svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
    focusable="false">${paths}</svg>`;

/** The icon of each reaction. */
export const REACTION_ICONS: Record<ReactionName, SVGTemplateResult> = {
  applause: icon(
    svg`<path d="M7.5 12.5 5 10a1.6 1.6 0 0 1 2.3-2.3l3.2 3.2" /><path d="M8.6 9 6.8 7.2a1.6 1.6 0 0 1 2.3-2.3l4.6 4.6" /><path d="M11.3 7.8 10.7 7.2a1.6 1.6 0 0 1 2.3-2.3l4.4 4.4a6 6 0 0 1-8.5 8.5L5 13.9a1.6 1.6 0 0 1 2.3-2.3l1.8 1.8" /><path d="M17.5 3.5l.5-1.5M20 6l1.5-.5M19.5 2.5l1.5-1" />`,
  ),
  heart: icon(
    svg`<path d="M12 20.5s-7.5-4.6-7.5-10.3A4.2 4.2 0 0 1 12 7.6a4.2 4.2 0 0 1 7.5 2.6c0 5.7-7.5 10.3-7.5 10.3z" />`,
  ),
  laugh: icon(
    svg`<circle cx="12" cy="12" r="9" /><path d="M7.5 13.5h9a4.5 4.5 0 0 1-9 0z" /><path d="M8 9.5l1.5-1 1.5 1M13 9.5l1.5-1 1.5 1" />`,
  ),
  wow: icon(
    svg`<circle cx="12" cy="12" r="9" /><circle cx="12" cy="15.5" r="2.2" /><path d="M9 9.5h.01M15 9.5h.01" />`,
  ),
  thumbs_up: icon(
    svg`<path d="M7 10.5v10" /><path d="M14.5 5.5 13.6 10h5.1a2 2 0 0 1 2 2.4l-1.4 6.4a2 2 0 0 1-2 1.7H4.5a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1H7l3.6-7.2a2.1 2.1 0 0 1 3.9 1.2z" />`,
  ),
  question: icon(
    svg`<circle cx="12" cy="12" r="9" /><path d="M9.6 9.4a2.5 2.5 0 1 1 3.4 2.4c-.6.3-1 .8-1 1.5v.5" /><path d="M12 16.8h.01" />`,
  ),
};

/** What a person reads (and a screen reader says) for each reaction. */
export const REACTION_LABELS: Record<ReactionName, string> = {
  applause: 'Applause',
  heart: 'Heart',
  laugh: 'Laugh',
  wow: 'Wow',
  thumbs_up: 'Thumbs up',
  question: 'Question',
};

/** The bursts switch: sparkles. */
export const burstsIcon = icon(
  svg`<path d="M9.5 4.5 11 9l4.5 1.5L11 12l-1.5 4.5L8 12l-4.5-1.5L8 9z" /><path d="M17.5 13.5l.8 2.2 2.2.8-2.2.8-.8 2.2-.8-2.2-2.2-.8 2.2-.8zM17 3l.6 1.4L19 5l-1.4.6L17 7l-.6-1.4L15 5l1.4-.6z" />`,
);
