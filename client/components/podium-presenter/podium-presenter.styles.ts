import { css } from 'lit';
import { controls, tokens } from '../../styles/theme.js';

/** Layout of `<podium-presenter>`: the slide large on the left; next slide, clock and notes on the right. */
export const presenterStyles = [
  tokens,
  controls,
  css`
    :host {
      display: block;
      box-sizing: border-box;
      height: 100vh;
      height: 100dvh;
      background: var(--podium-bg);
      color: var(--podium-text);
      --podium-stage-radius: 10px;
    }
    main {
      box-sizing: border-box;
      height: 100%;
      display: grid;
      padding: 14px 20px;
      gap: 14px 20px;
      grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr);
      grid-template-rows: auto minmax(0, 1fr) auto;
      grid-template-areas:
        'bar bar'
        'current side'
        'controls side';
    }
    @media (max-width: 759px) {
      main {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: auto auto auto minmax(12em, 1fr);
        grid-template-areas: 'bar' 'current' 'controls' 'side';
        height: auto;
        min-height: 100%;
      }
    }
    .bar {
      grid-area: bar;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      min-width: 0;
    }
    h1 {
      flex: 1;
      min-width: 8em;
      margin: 0;
      font-size: 1.1rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .current {
      grid-area: current;
      align-self: center;
      --podium-stage-shadow: 0 0 0 1px var(--podium-border), 0 6px 20px rgb(0 0 0 / 0.12);
    }
    .side {
      grid-area: side;
      display: flex;
      flex-direction: column;
      gap: 12px;
      min-height: 0;
    }
    .label {
      margin: 0 0 4px;
      font-size: 0.75rem;
      font-weight: 700;
      letter-spacing: 0.08em;
      text-transform: uppercase;
      color: var(--podium-muted);
    }
    .next podium-slide {
      --podium-stage-shadow: 0 0 0 1px var(--podium-border);
    }
    .end {
      aspect-ratio: 16 / 9;
      display: grid;
      place-items: center;
      border: 1px dashed var(--podium-border);
      border-radius: 10px;
      color: var(--podium-muted);
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .position {
      margin: 0;
      color: var(--podium-muted);
      font-variant-numeric: tabular-nums;
      font-size: 1.05rem;
    }
    .position strong {
      font-size: 1.8rem;
      color: var(--podium-text);
    }
    .wall {
      font-variant-numeric: tabular-nums;
      color: var(--podium-muted);
    }
    .notes {
      flex: 1;
      min-height: 6em;
      overflow-y: auto;
      overscroll-behavior: contain;
      background: var(--podium-surface);
      border: 1px solid var(--podium-border);
      border-radius: var(--podium-radius);
      padding: 12px 14px;
      font-size: calc(1.2rem * var(--podium-notes-scale, 1));
      line-height: 1.5;
      overflow-wrap: break-word;
    }
    .notes p {
      margin: 0 0 0.6em;
    }
    .notes .empty {
      color: var(--podium-muted);
      font-style: italic;
    }
    .controls {
      grid-area: controls;
      display: grid;
      grid-template-columns: 1fr 2fr;
      gap: 10px;
    }
    .controls button {
      min-height: 56px;
      font-size: 1.15rem;
      font-weight: 600;
    }
    button[aria-disabled='true'] {
      opacity: 0.45;
      cursor: default;
    }
    .notice {
      margin: 0;
      color: var(--podium-warn);
    }
    .notice:empty {
      display: none;
    }
    .problem {
      max-width: 32em;
      margin: 20vh auto 0;
      text-align: center;
      line-height: 1.5;
      padding: 16px;
    }
    .problem a {
      color: var(--podium-accent);
    }
  `,
];
