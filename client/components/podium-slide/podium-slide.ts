import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { katexStyles } from '../../styles/katex-styles.js';
import { slideContentStyles } from './podium-slide.styles.js';
import { mountPolls } from '../podium-poll/mount-polls.js';

/** Smallest shrink factor for a slide whose content does not fit; below this it clips. */
const MIN_FIT = 0.45;

/**
 * One slide on a letterboxed 16:9 stage that scales with its box. By default the element
 * is 16:9 itself (thumbnails); give it a height to letterbox it in any box. Text is sized
 * in container units, so the layout is identical at every size and never shifts; content
 * that would overflow is shrunk to fit. The HTML is the server's sanitized slide HTML.
 * Builds (elements marked `data-step="k"`) past `step` are hidden but keep their place,
 * so the layout never jumps as they appear; they fade in unless motion is reduced.
 */
@customElement('podium-slide')
export class PodiumSlide extends LitElement {
  static override styles = [
    katexStyles,
    slideContentStyles,
    css`
      :host {
        display: block;
        position: relative;
        width: 100%;
        aspect-ratio: 16 / 9;
        min-width: 0;
        min-height: 0;
      }
      .frame {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        container-type: size;
      }
      .stage {
        position: relative;
        width: min(100cqw, 100cqh * 16 / 9);
        aspect-ratio: 16 / 9;
        container-type: inline-size;
        background: var(--podium-slide-bg);
        color: var(--podium-slide-text);
        border-radius: var(--podium-stage-radius, 0);
        box-shadow: var(--podium-stage-shadow, none);
        overflow: hidden;
      }
      .content {
        position: absolute;
        inset: 0;
        box-sizing: border-box;
        padding: 4.2cqw 6cqw;
        display: flex;
        flex-direction: column;
        justify-content: safe center;
        font-size: calc(3.05cqw * var(--fit, 1));
        overflow: hidden;
        animation: enter 160ms ease-out;
      }
      .content img,
      .content video {
        max-height: 34cqw;
      }
      .placeholder {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        font-size: 2.4cqw;
        color: var(--podium-slide-muted);
        padding: 4cqw;
        text-align: center;
      }
      @keyframes enter {
        from {
          opacity: 0.3;
        }
      }
      .content [data-step] {
        transition:
          opacity 200ms ease-out,
          visibility 200ms;
      }
      .content .build-hidden {
        visibility: hidden;
        opacity: 0;
      }
      /*
       * Printing (the handout): Chromium lays a size container out as 0 high in a print that
       * starts right after the slide is drawn, and a stage sized from it prints blank. A printed
       * slide is a 16:9 box itself, so its stage takes the box's width; and it is drawn as it
       * ends, never mid-fade.
       */
      @media print {
        .frame {
          container-type: normal;
        }
        .stage {
          width: 100%;
        }
      }
      @media (prefers-reduced-motion: reduce), print {
        .content {
          animation: none;
        }
        .content [data-step] {
          transition: none;
        }
      }
    `,
  ];

  /** Sanitized slide HTML from the server; empty shows the slotted placeholder. */
  @property() html = '';
  /** Builds shown: every `[data-step]` element numbered above it is hidden. Default all shown. */
  @property({ type: Number }) step = Number.POSITIVE_INFINITY;
  /** Accessible name of the stage, e.g. "Slide 3 of 12"; default none. */
  @property() label = '';
  /** A small preview: content is inert and hidden from assistive tech. Default false. */
  @property({ type: Boolean, reflect: true }) preview = false;

  private readonly resizeObserver = new ResizeObserver(() => this.fitContent());

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('html') || changed.has('step')) this.showBuilds();
    if (changed.has('html')) mountPolls(this.renderRoot, this.preview);
    if (changed.has('html')) this.fitContent();
  }

  /** Hides the builds past `step` (visibility only: hidden builds keep their space). */
  private showBuilds(): void {
    for (const build of this.renderRoot.querySelectorAll<HTMLElement>('.content [data-step]')) {
      build.classList.toggle('build-hidden', Number(build.dataset.step) > this.step);
    }
  }

  /** Shrinks the font until the content fits the stage (images re-fit once loaded). */
  private fitContent(): void {
    const content = this.renderRoot.querySelector<HTMLElement>('.content');
    if (!content) return;
    content.style.setProperty('--fit', '1');
    if (content.clientHeight === 0 || content.clientWidth === 0) return;
    let fit = 1;
    for (let pass = 0; pass < 4; pass++) {
      const over = Math.max(content.scrollHeight / content.clientHeight, content.scrollWidth / content.clientWidth);
      if (over <= 1.01 || fit <= MIN_FIT) break;
      fit = Math.max(MIN_FIT, (fit / over) * 0.98);
      content.style.setProperty('--fit', String(fit));
    }
  }

  private handleMediaLoad(): void {
    this.fitContent();
  }

  override render() {
    const body = this.html
      ? keyed(
          this.html,
          html`<div
            class="content"
            ?inert=${this.preview}
            aria-hidden=${this.preview ? 'true' : nothing}
            @load=${{ handleEvent: () => this.handleMediaLoad(), capture: true }}
          >
            ${unsafeHTML(this.html)}
          </div>`,
        )
      : html`<div class="placeholder"><slot></slot></div>`;
    return html`<div class="frame">
      <div
        class="stage"
        part="stage"
        role=${this.preview ? nothing : 'group'}
        aria-roledescription=${this.preview ? nothing : 'slide'}
        aria-label=${this.label || nothing}
      >
        ${body}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-slide': PodiumSlide;
  }
}
