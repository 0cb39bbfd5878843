import { html } from 'lit';
import { closeIcon } from './icons.js';

/**
 * The head of a modal dialog (styled by the theme's `modalDialog`): its title, with `id` for the
 * dialog's aria-labelledby, and a Close button calling `onClose`; it stays in view as the dialog scrolls.
 */
export function dialogHeader(id: string, title: string, onClose: () => void) {
  return html`<header class="dialog-head">
    <h2 id=${id}>${title}</h2>
    <button class="dialog-close" aria-label="Close" @click=${onClose}>${closeIcon}</button>
  </header>`;
}
