import { css } from 'lit';
import { controls, modalDialog } from '../../styles/theme.js';

/** Styles of `<podium-pair-device>`: an icon button like the remote's, and a narrow modal dialog. */
export const pairDeviceStyles = [
  controls,
  modalDialog,
  css`
    :host {
      display: contents;
      --podium-dialog-width: 440px;
    }
    button.icon {
      background: transparent;
      border-color: transparent;
      padding: 0.4em;
    }
    h3 {
      margin: 16px 0 0;
      font-size: 1.05rem;
    }
    p,
    figcaption,
    small {
      color: var(--podium-muted);
    }
    figure {
      margin: 0;
      display: grid;
      justify-items: center;
      gap: 8px;
      text-align: center;
    }
    input {
      font: inherit;
      width: 100%;
      box-sizing: border-box;
      padding: 0.5em;
      border: 1px solid var(--podium-border);
      border-radius: var(--podium-radius);
      background: var(--podium-surface);
      color: inherit;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-top: 8px;
    }
    .row input {
      flex: 1 1 10em;
    }
    .row button {
      flex: 1 0 auto;
    }
    ul {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    dialog {
      overflow-x: hidden;
    }
    @media (max-width: 360px) {
      dialog {
        padding: 0 10px 12px;
      }
    }
    li .label {
      flex: 1;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
];
