import { css } from 'lit';
import { controls, modalDialog } from '../../styles/theme.js';

/** Styles of `<podium-talk-clock>`: the time large, the countdown and pace hint quiet, a narrow dialog. */
export const talkClockStyles = [
  controls,
  modalDialog,
  css`
    :host {
      display: inline-flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 2px 8px;
      --podium-dialog-width: 400px;
    }
    .time {
      display: grid;
      line-height: 1.15;
    }
    time {
      font-variant-numeric: tabular-nums;
      font-size: 1.5em;
      font-weight: 600;
      letter-spacing: 0.01em;
    }
    .left,
    .pace {
      font-size: 0.85em;
      color: var(--podium-muted);
      font-variant-numeric: tabular-nums;
    }
    .left.over {
      color: var(--podium-text);
      font-weight: 600;
    }
    button.quiet {
      background: transparent;
      border-color: transparent;
      color: var(--podium-muted);
      padding: 0.3em 0.5em;
    }
    p {
      color: var(--podium-muted);
    }
    label {
      display: grid;
      gap: 4px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-top: 8px;
    }
    hr {
      border: none;
      border-top: 1px solid var(--podium-border);
      margin: 16px 0 8px;
    }
  `,
];
