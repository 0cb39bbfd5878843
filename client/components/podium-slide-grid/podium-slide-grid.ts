import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DialogController } from '../../controllers/dialog-controller.js';
import type { Slide } from '../../../shared/protocol.js';
import { podiumEvent } from '../events.js';
import { dialogHeader } from '../dialog-header.js';
import '../podium-slide/podium-slide.js';
import { slideHeading } from '../../utils/slide-text.js';
import { controls, modalDialog } from '../../styles/theme.js';

/**
 * Every slide as a thumbnail in a modal dialog (`show()` opens it). Picking one closes
 * the dialog and fires `podium-slide-select`; Escape, the close button or the backdrop
 * close it without a choice.
 */
@customElement('podium-slide-grid')
export class PodiumSlideGrid extends LitElement {
  static override styles = [
    controls,
    modalDialog,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 12px;
      }
      li button {
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
      li button[aria-current='true'] {
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

  private readonly dialog = new DialogController(this);

  /** True while the dialog is open. */
  get isOpen(): boolean {
    return this.dialog.opened;
  }

  /** Opens the dialog, with focus on the current slide. */
  async show(): Promise<void> {
    await this.dialog.open();
    this.renderRoot.querySelector<HTMLButtonElement>('button[aria-current="true"]')?.focus();
  }

  private handleSelect(index: number): void {
    this.dialog.close();
    this.dispatchEvent(podiumEvent('podium-slide-select', { index }));
  }

  private handleCloseClick(): void {
    this.dialog.close();
  }

  private renderSlides() {
    return html`<ol>
      ${this.slides.map((slide, index) => {
        const heading = slideHeading(slide.html);
        return html`<li>
          <button aria-current=${index === this.current ? 'true' : 'false'} @click=${() => this.handleSelect(index)}>
            <podium-slide preview .html=${slide.html}></podium-slide>
            <span class="caption"
              ><span class="number"><span class="visually-hidden">Slide </span>${index + 1}</span
              ><span class="heading">${heading}</span></span
            >
          </button>
        </li>`;
      })}
    </ol>`;
  }

  override render() {
    return html`<dialog aria-labelledby="grid-heading">
      ${dialogHeader('grid-heading', 'All slides', this.handleCloseClick)}
      ${this.dialog.opened ? this.renderSlides() : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-slide-grid': PodiumSlideGrid;
  }
}
