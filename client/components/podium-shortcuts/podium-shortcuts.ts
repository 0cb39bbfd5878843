import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { readPref, writePref } from '../../state/viewer-prefs.js';
import { controls, modalDialog } from '../../styles/theme.js';
import { closeIcon } from '../icons.js';

/** One row of the list: the keys and what they do. */
export interface Shortcut {
  keys: string;
  action: string;
}

/**
 * The keyboard shortcuts of a page in a dialog (`show()`, or `?` on the page), with a switch
 * for the single-letter ones (WCAG 2.1.4): off, letters do nothing, so speech input and
 * stray key presses cannot move slides. Arrows and the other keys keep working.
 */
@customElement('podium-shortcuts')
export class PodiumShortcuts extends LitElement {
  static override styles = [
    controls,
    modalDialog,
    css`
      :host {
        display: contents;
        --podium-dialog-width: 420px;
      }
      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        padding: 10px 0;
      }
      h2 {
        margin: 0;
        font-size: 1.1rem;
      }
      .head button {
        background: transparent;
        border-color: transparent;
        padding: 0.4em;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 6px 14px;
        margin: 0 0 12px;
      }
      dt {
        font-weight: 600;
        white-space: nowrap;
      }
      dd {
        margin: 0;
        color: var(--podium-muted);
      }
      label {
        display: flex;
        align-items: center;
        gap: 10px;
        min-height: 44px;
      }
      input[type='checkbox'] {
        width: 22px;
        height: 22px;
        margin: 0;
      }
    `,
  ];

  /** The page's shortcuts, in the order shown. */
  @property({ attribute: false }) shortcuts: Shortcut[] = [];

  @state() private lettersOn = !readPref('letter-keys-off');

  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** Opens the list. */
  show(): void {
    this.lettersOn = !readPref('letter-keys-off');
    if (!this.dialog?.open) this.dialog?.showModal();
  }

  /**
   * Closes the list and hands the keys back to the page at once. Opened with ? from the page,
   * there is no control to give focus back to, and the browser leaves it on the hidden switch
   * until its next frame: a key pressed meanwhile (Escape, then R) would be lost in the closed dialog.
   */
  private hide(): void {
    this.dialog?.close();
    const focused = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (focused instanceof HTMLElement) focused.blur();
  }

  private handleClose(): void {
    this.hide();
  }

  private handleLetters(event: Event): void {
    this.lettersOn = (event.target as HTMLInputElement).checked;
    writePref('letter-keys-off', !this.lettersOn);
  }

  private handleDialogKeydown(event: KeyboardEvent): void {
    // Keys in the dialog are the dialog's (Space toggles the switch), never the page's.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      this.hide();
    }
  }

  override render() {
    return html`<dialog aria-labelledby="shortcuts-heading" @keydown=${this.handleDialogKeydown}>
      <div class="head">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <button aria-label="Close" @click=${this.handleClose}>${closeIcon}</button>
      </div>
      <dl>
        ${this.shortcuts.map(
          (shortcut) =>
            html`<dt>${shortcut.keys}</dt>
              <dd>${shortcut.action}</dd>`,
        )}
        <dt>?</dt>
        <dd>This list</dd>
      </dl>
      <label>
        <input type="checkbox" .checked=${this.lettersOn} @change=${this.handleLetters} />
        Single-letter shortcuts
      </label>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-shortcuts': PodiumShortcuts;
  }
}
