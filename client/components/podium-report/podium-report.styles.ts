import { css } from 'lit';
import { controls, tokens } from '../../styles/theme.js';

/** The report page: one readable column, charts full width, tables that scroll sideways on phones. */
export const reportStyles = [
  tokens,
  controls,
  css`
    :host {
      display: block;
      min-height: 100vh;
      background: var(--podium-bg);
    }
    main {
      max-width: 880px;
      margin: 0 auto;
      padding: 16px max(16px, env(safe-area-inset-right)) 48px max(16px, env(safe-area-inset-left));
    }
    h1 {
      font-size: clamp(1.4rem, 4vw, 2rem);
      margin: 8px 0 4px;
      overflow-wrap: anywhere;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 10px;
    }
    h3 {
      font-size: 1.05rem;
      margin: 0 0 4px;
    }
    section,
    .summary {
      background: var(--podium-surface);
      border: 1px solid var(--podium-border);
      border-radius: var(--podium-radius);
      padding: 14px 16px;
      margin: 14px 0;
    }
    article + article {
      margin-top: 18px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 10px 0;
    }
    .meta,
    .empty {
      color: var(--podium-muted);
      margin: 0 0 8px;
    }
    .error {
      color: var(--podium-danger);
      font-weight: 600;
    }
    .summary {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
      gap: 12px;
    }
    .summary div {
      margin: 0;
    }
    dt {
      color: var(--podium-muted);
      font-size: 0.9rem;
    }
    dd {
      margin: 2px 0 0;
      font-size: 1.5rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 8px 6px;
      border-bottom: 1px solid var(--podium-border);
      vertical-align: top;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .text {
      overflow-wrap: anywhere;
      min-width: 12em;
    }
  `,
];
