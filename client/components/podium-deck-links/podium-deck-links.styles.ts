import { css } from 'lit';
import { controls } from '../../styles/theme.js';

/** Layout of `<podium-deck-links>`: a card with the two links side by side, stacked on a phone. */
export const deckLinksStyles = [
  controls,
  css`
    :host {
      display: block;
      background: var(--podium-surface);
      border: 1px solid var(--podium-accent);
      border-radius: 16px;
      padding: 20px;
      margin-bottom: 20px;
    }
    h2 {
      margin: 0 0 12px;
      font-size: 1.25rem;
    }
    .links {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 16px;
    }
    .link {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 14px;
      align-items: start;
    }
    .link h3 {
      margin: 0;
      font-size: 1.05rem;
    }
    .link p {
      margin: 2px 0 8px;
      color: var(--podium-muted);
      font-size: 0.92rem;
    }
    .link input {
      font-family: var(--podium-mono);
      font-size: 0.85rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 10px;
      align-items: center;
      margin-top: 8px;
    }
    podium-qr {
      --podium-qr-size: 148px;
    }
    .warning {
      color: var(--podium-text);
      border-left: 3px solid var(--podium-warn);
      padding-left: 0.6em;
    }
    .address {
      color: var(--podium-muted);
      font-size: 0.9rem;
    }
    .address label {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      color: var(--podium-text);
    }
    .address select {
      font: inherit;
      min-height: 40px;
      padding: 4px 8px;
      border-radius: 8px;
      max-width: 100%;
    }
    .code {
      font-family: var(--podium-mono);
      font-weight: 700;
    }
  `,
];
