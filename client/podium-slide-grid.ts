import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Slide } from '../shared/protocol.js';
import { podiumEvent } from './events.js';
import './podium-slide.js';
import { slideHeading } from './slide-text.js';
import { controls } from './theme.js';

/** Thumbnails of every slide; picking one fires `podium-slide-select`. */
@customElement('podium-slide-grid')
export class PodiumSlideGrid extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 12px;
      }
      button {
        display: flex;
        flex-direction: column;
        align-items: stretch;
        gap: 6px;
        width: 100%;
        padding: 6px;
        border-radius: 12px;
        background: var(--podium-surface);
        text-align: left;
      }
      button[aria-current='true'] {
        border: 2px solid var(--podium-accent);
        padding: 5px;
      }
      podium-slide {
        --podium-stage-radius: 6px;
        border-radius: 6px;
        box-shadow: 0 0 0 1px var(--podium-border);
      }
      .caption {
        display: flex;
        gap: 6px;
        font-size: 0.85rem;
        color: var(--podium-muted);
        min-width: 0;
      }
      .number {
        font-weight: 700;
        color: var(--podium-text);
      }
      .heading {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
    `,
  ];

  /** The deck's slides; default none. */
  @property({ attribute: false }) slides: Slide[] = [];
  /** The slide shown now (0-based), marked as current; default 0. */
  @property({ type: Number }) current = 0;

  /** Moves focus to the current slide's button (when the grid opens). */
  focusCurrent(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button[aria-current="true"]')?.focus();
  }

  private handleSelect(index: number): void {
    this.dispatchEvent(podiumEvent('podium-slide-select', { index }));
  }

  override render() {
    return html`<ol>
      ${this.slides.map((slide, index) => {
        const heading = slideHeading(slide.html);
        return html`<li>
          <button
            aria-current=${index === this.current ? 'true' : 'false'}
            aria-label="Go to slide ${index + 1}${heading ? `: ${heading}` : ''}"
            @click=${() => this.handleSelect(index)}
          >
            <podium-slide preview .html=${slide.html}></podium-slide>
            <span class="caption" aria-hidden="true"
              ><span class="number">${index + 1}</span><span class="heading">${heading}</span></span
            >
          </button>
        </li>`;
      })}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-slide-grid': PodiumSlideGrid;
  }
}
