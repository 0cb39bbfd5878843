import { html } from 'lit';
import '../podium-reader/podium-reader.js';
import '../podium-slide/podium-slide.js';

/** The slide on the audience stage, labelled `label`: as designed, or reflowed at the viewer's size in reader mode. */
export function stageSlide(reader: boolean, slideHtml: string, step: number, label: string) {
  return reader
    ? html`<podium-reader class="main" .html=${slideHtml} .step=${step} label=${label}></podium-reader>`
    : html`<podium-slide class="main" .html=${slideHtml} .step=${step} label=${label}
        >This slide is empty.</podium-slide
      >`;
}

/** The pill shown while the viewer browses away: the live slide (0-based `live`), one tap back to it. */
export function livePill(live: number, onFollow: () => void) {
  return html`<button class="live-pill" aria-label="Return to live, slide ${live + 1}" @click=${onFollow}>
    <span class="dot" aria-hidden="true"></span>Live: slide ${live + 1}
  </button>`;
}
