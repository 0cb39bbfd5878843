import { css } from 'lit';
import { controls, modalDialog } from '../../styles/theme.js';

/** Styles of `<podium-deck-report>`: an icon button like the remote's with a small count, and a modal dialog. */
export const deckReportStyles = [
  controls,
  modalDialog,
  css`
    :host {
      display: contents;
      --podium-dialog-width: 520px;
    }
    button.icon {
      position: relative;
      background: transparent;
      border-color: transparent;
      padding: 0.4em;
    }
    .count {
      position: absolute;
      top: 0;
      right: 0;
      min-width: 1.25em;
      height: 1.25em;
      padding: 0 0.25em;
      box-sizing: border-box;
      border-radius: 999px;
      background: var(--podium-warn);
      color: var(--podium-surface);
      font-size: 0.7rem;
      font-weight: 700;
      line-height: 1.25em;
      text-align: center;
    }
    podium-import-report {
      margin: 4px 0 12px;
    }
    .none {
      color: var(--podium-muted);
    }
  `,
];
