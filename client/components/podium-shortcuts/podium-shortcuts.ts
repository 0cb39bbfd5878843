import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DialogController } from '../../controllers/dialog-controller.js';
import { readPref, writePref } from '../../state/viewer-prefs.js';
import { controls, modalDialog } from '../../styles/theme.js';
import { dialogHeader } from '../dialog-header.js';

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

  private readonly dialog = new DialogController(this);

  /** Opens the list. */
  show(): void {
    this.lettersOn = !readPref('letter-keys-off');
    void this.dialog.open();
  }

  private handleClose(): void {
    this.dialog.close();
  }

  private handleLetters(event: Event): void {
    this.lettersOn = (event.target as HTMLInputElement).checked;
    writePref('letter-keys-off', !this.lettersOn);
  }

  override render() {
    return html`<dialog aria-labelledby="shortcuts-heading">
      ${dialogHeader('shortcuts-heading', 'Keyboard shortcuts', this.handleClose)}
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
