import { css, unsafeCSS } from 'lit';
import githubDark from 'highlight.js/styles/github-dark.css?inline';
import githubLight from 'highlight.js/styles/github.css?inline';

/**
 * Typography for slide HTML (sanitized Markdown output) inside `<podium-slide>`. Sizes are
 * in `em` of the stage font, which is a fixed share of the stage width, so a slide looks
 * the same on a phone and a projector. Code uses highlight.js's GitHub themes, light/dark.
 */
export const slideContentStyles = css`
  .content {
    color: var(--podium-slide-text);
    line-height: 1.35;
    overflow-wrap: break-word;
  }
  .content > :first-child {
    margin-top: 0;
  }
  .content > :last-child {
    margin-bottom: 0;
  }
  h1,
  h2,
  h3,
  h4 {
    line-height: 1.15;
    margin: 0 0 0.5em;
    font-weight: 700;
    letter-spacing: -0.01em;
    text-wrap: balance;
  }
  h1 {
    font-size: 2.1em;
  }
  h2 {
    font-size: 1.55em;
  }
  h3 {
    font-size: 1.25em;
  }
  h4 {
    font-size: 1.05em;
  }
  p,
  ul,
  ol,
  pre,
  blockquote,
  table,
  figure {
    margin: 0 0 0.6em;
  }
  ul,
  ol {
    padding-left: 1.2em;
  }
  li + li {
    margin-top: 0.25em;
  }
  li::marker {
    color: var(--podium-slide-accent);
  }
  a {
    color: var(--podium-slide-accent);
  }
  strong {
    font-weight: 700;
  }
  blockquote {
    border-left: 0.18em solid var(--podium-slide-accent);
    padding-left: 0.8em;
    color: var(--podium-slide-muted);
    font-style: italic;
  }
  img,
  video {
    max-width: 100%;
    max-height: 62cqh;
    object-fit: contain;
  }
  table {
    border-collapse: collapse;
    font-size: 0.8em;
  }
  th,
  td {
    border-bottom: 1px solid color-mix(in srgb, var(--podium-slide-text) 20%, transparent);
    padding: 0.3em 0.7em;
    text-align: left;
  }
  code {
    font-family: var(--podium-mono);
    font-size: 0.86em;
    background: var(--podium-code-bg);
    border-radius: 0.2em;
    padding: 0.05em 0.25em;
  }
  pre {
    font-size: 0.62em;
    line-height: 1.45;
    background: var(--podium-code-bg);
    border: 1px solid color-mix(in srgb, var(--podium-slide-text) 12%, transparent);
    border-radius: 0.5em;
    padding: 0.8em 1em;
    white-space: pre;
    tab-size: 2;
  }
  ${unsafeCSS(githubLight)}
  @media (prefers-color-scheme: dark) {
    ${unsafeCSS(githubDark)}
  }
  /* Paper is light: the handout prints code in the light theme whatever the screen's. */
  @media print and (prefers-color-scheme: dark) {
    ${unsafeCSS(githubLight)}
  }
  /* After the themes, so these win over their backgrounds and paddings. */
  pre.hljs {
    background: var(--podium-code-bg);
    padding: 0.8em 1em;
  }
  pre code,
  pre code.hljs {
    font-size: 1em;
    background: none;
    padding: 0;
    display: block;
    overflow: visible;
  }
  /* Words carried for screen readers, search and copy (a PDF slide's text). */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* A background image (Marp's ![bg], reveal's data-background-image) fills the stage behind the words. */
  .content > img.podium-bg {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    max-width: none;
    max-height: none;
    object-fit: cover;
    z-index: 0;
  }
  .content > :not(.podium-bg) {
    position: relative;
  }
  /* A PDF page fills the stage; the pages of its builds stack over the first one. */
  .content:has(> .pdf-slide) {
    padding: 0;
  }
  .pdf-slide {
    position: absolute;
    inset: 0;
  }
  .content .pdf-slide .pdf-page {
    display: block;
    width: 100%;
    height: 100%;
    max-width: none;
    max-height: none;
    object-fit: contain;
  }
  .pdf-slide .pdf-page + .pdf-page {
    position: absolute;
    inset: 0;
  }
`;
