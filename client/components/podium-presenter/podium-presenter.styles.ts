import { css } from 'lit';
import { controls, tokens } from '../../styles/theme.js';
import { presenterControlsStyles } from '../presenter-controls.styles.js';

/** Layout of `<podium-presenter>`: the slide large on the left; next slide, clock and notes on the right. */
export const presenterStyles = [
  tokens,
  controls,
  presenterControlsStyles,
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
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .wall {
      font-variant-numeric: tabular-nums;
      color: var(--podium-muted);
    }
    .notes {
      flex: 1;
      min-height: 6em;
      font-size: calc(1.2rem * var(--podium-notes-scale, 1));
    }
    .controls button {
      min-height: 56px;
      font-size: 1.15rem;
    }
    .notice {
      margin: 0;
      color: var(--podium-warn);
    }
    .problem {
      max-width: 32em;
      margin: 20vh auto 0;
      text-align: center;
      line-height: 1.5;
      padding: 16px;
    }
  `,
];
