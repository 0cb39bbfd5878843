import { css } from 'lit';
import { controls } from '../../styles/theme.js';

/** Layout of `<podium-deck-files>`: a wide dashed drop zone, the folder button beside it, then what is chosen. */
export const deckFilesStyles = [
  controls,
  css`
    :host {
      display: block;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 10px;
      align-items: stretch;
    }
    .dropzone {
      flex: 1 1 260px;
      flex-direction: column;
      align-items: flex-start;
      gap: 2px;
      text-align: start;
      padding: 14px 16px;
      border: 2px dashed var(--podium-border);
      background: var(--podium-surface);
    }
    .dropzone span {
      color: var(--podium-muted);
      font-size: 0.9rem;
    }
    .dropzone.dragging {
      border-color: var(--podium-accent);
      background: var(--podium-surface-2);
    }
    label.button {
      margin: 0;
      font-weight: 500;
    }
    label.button:focus-within {
      outline: 3px solid var(--podium-focus);
      outline-offset: 2px;
    }
    .chosen {
      margin-top: 12px;
      padding: 12px 14px;
      border-radius: 10px;
      background: var(--podium-surface-2);
      display: grid;
      gap: 8px;
      justify-items: start;
    }
    .chosen p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    details ul {
      margin: 6px 0 0;
      padding-left: 1.2em;
      font-size: 0.9rem;
    }
    code {
      font-family: var(--podium-mono);
      font-size: 0.9em;
    }
    .error {
      color: var(--podium-danger);
      font-weight: 600;
      margin: 12px 0 0;
    }
    .error:empty {
      display: none;
    }
  `,
];
