import { css } from 'lit';
import { controls, modalDialog, tokens } from '../../styles/theme.js';

/** The questions button and panel (audience and remote share the list's look). */
export const questionsStyles = [
  tokens,
  controls,
  modalDialog,
  css`
    :host {
      display: inline-block;
      --podium-dialog-width: 560px;
    }
    button.open {
      position: relative;
      background: transparent;
      border-color: transparent;
    }
    .badge {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 1.4em;
      padding: 0 0.3em;
      box-sizing: border-box;
      border-radius: 999px;
      background: var(--podium-accent);
      color: var(--podium-accent-text);
      font-size: 0.72rem;
      font-weight: 700;
      line-height: 1.4em;
    }
    form {
      display: grid;
      gap: 6px;
    }
    label {
      font-weight: 600;
    }
    textarea {
      resize: vertical;
    }
    .form-row {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      flex-wrap: wrap;
    }
    .count {
      color: var(--podium-muted);
      font-size: 0.9rem;
      font-variant-numeric: tabular-nums;
    }
    .count.over,
    .error {
      color: var(--podium-danger);
      font-weight: 600;
    }
    .error,
    .notice {
      margin: 6px 0;
    }
    .notice:empty {
      margin: 0;
    }
    .empty {
      color: var(--podium-muted);
    }
    .list {
      list-style: none;
      padding: 0;
      margin: 8px 0 0;
      display: grid;
      gap: 8px;
    }
    .list li {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px 10px;
      align-items: center;
      padding: 10px 12px;
      border: 1px solid var(--podium-border);
      border-radius: var(--podium-radius);
      background: var(--podium-surface);
    }
    .list li.mine {
      border-color: var(--podium-accent);
      border-width: 2px;
    }
    .text {
      margin: 0;
      overflow-wrap: anywhere;
      white-space: pre-wrap;
    }
    .meta {
      grid-column: 1;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      font-size: 0.85rem;
      color: var(--podium-muted);
    }
    .tag {
      font-weight: 600;
    }
    .mine-tag {
      color: var(--podium-accent);
    }
    .answered {
      color: var(--podium-live);
    }
    .hidden-tag {
      color: var(--podium-danger);
    }
    .vote {
      grid-column: 2;
      grid-row: 1 / span 2;
      flex-direction: column;
      gap: 0;
      min-width: 52px;
      font-variant-numeric: tabular-nums;
    }
    button[aria-pressed='true'] {
      background: var(--podium-accent);
      border-color: var(--podium-accent);
      color: var(--podium-accent-text);
    }
    .actions {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-top: 4px;
    }
  `,
];
