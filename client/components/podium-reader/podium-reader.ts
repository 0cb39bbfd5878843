import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { katexStyles } from '../../styles/katex-styles.js';
import { slideContentStyles } from '../podium-slide/podium-slide.styles.js';

/**
 * Reader mode: a slide's text reflowed as a page at the viewer's own text size, for low
 * vision and small phones. Unlike the stage, sizes follow the root font size, so browser
 * zoom and the system's text size make it larger, and long content scrolls instead of
 * shrinking. Builds past `step` are left out.
 */
@customElement('podium-reader')
export class PodiumReader extends LitElement {
  static override styles = [
    katexStyles,
    slideContentStyles,
    css`
      :host {
        display: block;
        overflow-y: auto;
        background: var(--podium-slide-bg);
        color: var(--podium-slide-text);
      }
      .content {
        box-sizing: border-box;
        max-width: 40em;
        margin: 0 auto;
        padding: 1rem 1.25rem 2rem;
        font-size: 1.25rem;
        line-height: 1.5;
      }
      .content img,
      .content video,
      .content svg {
        max-width: 100%;
        height: auto;
      }
      .content pre {
        white-space: pre-wrap;
      }
      .content .build-hidden {
        display: none;
      }
    `,
  ];

  /** Sanitized slide HTML from the server. */
  @property() html = '';
  /** Builds shown (see podium-slide); default all. */
  @property({ type: Number }) step = Number.POSITIVE_INFINITY;
  /** Accessible name of the page, e.g. "Slide 3 of 12". */
  @property() label = '';

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('html') && !changed.has('step')) return;
    for (const build of this.renderRoot.querySelectorAll<HTMLElement>('.content [data-step]')) {
      build.classList.toggle('build-hidden', Number(build.dataset.step) > this.step);
    }
    if (changed.has('html')) this.scrollTop = 0;
  }

  override render() {
    return keyed(this.html, html`<article class="content" aria-label=${this.label}>${unsafeHTML(this.html)}</article>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-reader': PodiumReader;
  }
}
