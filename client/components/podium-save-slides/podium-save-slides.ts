import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Deck } from '../../../shared/protocol.js';
import { PrintController } from '../../controllers/print-controller.js';
import { handoutPages } from '../../state/handout-slides.js';
import { controls } from '../../styles/theme.js';
import { handoutIcon } from '../icons.js';
import '../podium-handout/podium-handout.js';

/**
 * "Save slides as PDF" for the audience: a toolbar button that draws the handout (see
 * `<podium-handout>`) and opens the browser's own print dialog, where "Save as PDF" keeps it.
 * The handout exists only while printing (also from the browser's menu), so no viewer
 * downloads it otherwise; nothing is sent to the server. Its host must stay visible in print.
 */
@customElement('podium-save-slides')
export class PodiumSaveSlides extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: contents;
      }
      button {
        background: transparent;
        border-color: transparent;
      }
      button:hover {
        background: var(--podium-surface-2);
      }
      podium-handout {
        display: none;
      }
      @media print {
        button {
          display: none;
        }
        podium-handout {
          display: block;
        }
      }
    `,
  ];

  /** The deck as the audience has it; nothing prints while null (default). */
  @property({ attribute: false }) deck: Deck | null = null;
  /** The furthest live position this page has seen (see handoutPages); default the start. */
  @property({ attribute: false }) seen = { index: 0, step: 0 };

  private readonly printing = new PrintController(this);

  private handleClick(): void {
    void this.printing.print(async () => this.renderRoot.querySelector('podium-handout')?.ready());
  }

  override render() {
    return html`<button aria-label="Save slides as PDF" title="Save slides as PDF" @click=${this.handleClick}>
        ${handoutIcon}
      </button>
      ${
        this.printing.active && this.deck
          ? html`<podium-handout .pages=${handoutPages(this.deck, this.seen)}></podium-handout>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-save-slides': PodiumSaveSlides;
  }
}
