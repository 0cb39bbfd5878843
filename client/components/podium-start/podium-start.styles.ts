import { css } from 'lit';
import { controls, tokens } from '../../styles/theme.js';

/** Layout of the start page `<podium-start>`. */
export const startStyles = [
  tokens,
  controls,
  css`
    :host {
      display: block;
      min-height: 100vh;
      min-height: 100dvh;
      background: var(--podium-bg);
      line-height: 1.5;
    }
    main {
      max-width: 1040px;
      margin: 0 auto;
      padding: 32px 20px 48px;
    }
    .hero h1 {
      font-size: 2.2rem;
      margin: 0;
      letter-spacing: -0.02em;
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .hero h1 img {
      width: 40px;
      height: 40px;
    }
    .hero p {
      margin: 4px 0 24px;
      color: var(--podium-muted);
      font-size: 1.1rem;
    }
    .columns {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      gap: 20px;
      align-items: start;
    }
    @media (max-width: 760px) {
      .columns {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .card {
      background: var(--podium-surface);
      border: 1px solid var(--podium-border);
      border-radius: 16px;
      padding: 20px;
    }
    h2 {
      margin: 0 0 12px;
      font-size: 1.25rem;
    }
    label {
      display: block;
      font-weight: 600;
      margin: 12px 0 6px;
    }
    .optional {
      font-weight: 400;
      color: var(--podium-muted);
    }
    textarea {
      min-height: 260px;
      resize: vertical;
      font-family: var(--podium-mono);
      font-size: 0.92rem;
      line-height: 1.45;
    }
    .drop {
      position: relative;
      border-radius: 10px;
    }
    .drop.dragging textarea {
      outline: 3px dashed var(--podium-accent);
      outline-offset: 2px;
    }
    .hint {
      color: var(--podium-muted);
      font-size: 0.9rem;
      margin: 8px 0 0;
    }
    code {
      font-family: var(--podium-mono);
      font-size: 0.9em;
      background: var(--podium-surface-2);
      border-radius: 4px;
      padding: 0.05em 0.3em;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 10px;
      align-items: center;
      margin-top: 14px;
    }
    .row.tight {
      margin-top: 0;
      flex-wrap: nowrap;
    }
    .spacer {
      flex: 1;
    }
    h3.label {
      font-size: 1rem;
      margin: 12px 0 6px;
    }
    .busy {
      margin: 0;
      color: var(--podium-muted);
      display: flex;
      align-items: center;
      gap: 10px;
    }
    .spinner {
      width: 1.1em;
      height: 1.1em;
      border-radius: 50%;
      border: 3px solid var(--podium-border);
      border-top-color: var(--podium-accent);
      animation: spin 0.9s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 3s;
      }
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
