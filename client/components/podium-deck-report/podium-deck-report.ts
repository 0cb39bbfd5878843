import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DialogController } from '../../controllers/dialog-controller.js';
import type { DeckWarning } from '../../../shared/protocol.js';
import { dialogHeader } from '../dialog-header.js';
import '../podium-import-report/podium-import-report.js';
import { deckReportStyles } from './podium-deck-report.styles.js';

const reportIcon = svg`<svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor"
  stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
  <rect x="5" y="3.5" width="14" height="17" rx="2" /><path d="M9 9h6M9 13h6M9 17h3" /></svg>`;

/**
 * The deck's import report on the remote, out of the way: an icon button in the bar (with the
 * number of warnings on it, when there are any) that opens a dialog with `<podium-import-report>`.
 */
@customElement('podium-deck-report')
export class PodiumDeckReport extends LitElement {
  static override styles = deckReportStyles;

  /** The presenter deck's `warnings`: [] when everything came through; null when none was kept (default). */
  @property({ attribute: false }) warnings: readonly DeckWarning[] | null = null;

  private readonly dialog = new DialogController(this);

  private handleOpen(): void {
    void this.dialog.open();
  }

  private handleClose(): void {
    this.dialog.close();
  }

  private renderDialog() {
    return html`<dialog aria-labelledby="report-title">
      ${dialogHeader('report-title', 'Import report', this.handleClose)}
      ${
        this.warnings
          ? html`<podium-import-report .warnings=${this.warnings}></podium-import-report>`
          : html`<p class="none">No import report was kept for this deck: it was imported by an older Podium.</p>`
      }
    </dialog>`;
  }

  override render() {
    const count = this.warnings?.length ?? 0;
    const label = count === 0 ? 'Import report' : `Import report, ${count} ${count === 1 ? 'warning' : 'warnings'}`;
    // The dialog exists only while open, like the pairing dialog's.
    return html`<button class="icon" aria-label=${label} title=${label} @click=${this.handleOpen}>
        ${reportIcon}${count > 0 ? html`<span class="count" aria-hidden="true">${count}</span>` : nothing}
      </button>
      ${this.dialog.opened ? this.renderDialog() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-deck-report': PodiumDeckReport;
  }
}
