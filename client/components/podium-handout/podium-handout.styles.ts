import { css } from 'lit';

/**
 * Layout of `<podium-handout>`: each slide fills one 16:9 page (the page size is set by
 * styles/handout.css, as `@page` only works in the document), light theme, backgrounds printed.
 */
export const handoutStyles = css`
  :host {
    display: block;
    color-scheme: light;
    --podium-slide-bg: #ffffff;
    --podium-slide-text: #15181c;
    --podium-slide-muted: #4a535e;
    --podium-slide-accent: #2450c8;
    --podium-code-bg: #f4f6f8;
    --podium-stage-radius: 0;
    --podium-stage-shadow: none;
  }
  .page {
    break-after: page;
    break-inside: avoid;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
  .page:last-child {
    break-after: auto;
  }
  /* As wide as the page, so 16:9 fills the 16:9 page of styles/handout.css; never taller than a page. */
  podium-slide {
    max-height: 100vh;
  }
`;
