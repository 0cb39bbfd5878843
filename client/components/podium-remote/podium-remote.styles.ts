import { css } from 'lit';
import { controls, tokens } from '../../styles/theme.js';
import { presenterControlsStyles } from '../presenter-controls.styles.js';

/** Layout of `<podium-remote>`: one column on a phone, two on a laptop or landscape tablet. */
export const remoteStyles = [
  tokens,
  controls,
  presenterControlsStyles,
  css`
    :host {
      display: grid;
      box-sizing: border-box;
      height: 100vh;
      height: 100dvh;
      padding: max(10px, env(safe-area-inset-top)) max(12px, env(safe-area-inset-right))
        max(12px, env(safe-area-inset-bottom)) max(12px, env(safe-area-inset-left));
      gap: 10px;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      grid-template-rows: auto auto auto auto minmax(0, 1fr) auto;
      grid-template-areas:
        'bar bar'
        'current current'
        'next info'
        'radar radar'
        'notes notes'
        'controls controls';
      background: var(--podium-bg);
      touch-action: pan-y;
      overflow: hidden;
      position: relative;
      --podium-stage-radius: 10px;
    }
    @media (min-width: 760px) and (min-aspect-ratio: 1/1) {
      :host {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        grid-template-rows: auto auto auto auto minmax(0, 1fr) auto;
        grid-template-areas:
          'bar bar'
          'current next'
          'current info'
          'current radar'
          'notes notes'
          'controls controls';
        padding: 16px 20px;
        gap: 14px 20px;
      }
      .controls button {
        min-height: 64px;
      }
    }
    /* The landmark only: its children stay the host's grid items. */
    main:not(.problem) {
      display: contents;
    }
    .bar {
      grid-area: bar;
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 0;
    }
    .title {
      flex: 1;
      min-width: 0;
      margin: 0;
      font-size: 1.05rem;
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    button.icon {
      background: transparent;
      border-color: transparent;
      padding: 0.4em;
    }
    button.icon:hover {
      background: var(--podium-surface-2);
    }
    .current {
      grid-area: current;
      position: relative;
      --podium-stage-shadow: 0 0 0 1px var(--podium-border), 0 6px 20px rgb(0 0 0 / 0.12);
    }
    .radar {
      grid-area: radar;
      min-width: 0;
    }
    .next {
      grid-area: next;
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 0;
    }
    .next podium-slide {
      opacity: 0.92;
    }
    .end {
      font-size: 0.9rem;
    }
    .info {
      grid-area: info;
      display: flex;
      flex-direction: column;
      justify-content: center;
      gap: 4px;
      min-width: 0;
    }
    .awake {
      margin: 0;
      font-size: 0.8rem;
      color: var(--podium-warn);
    }
    .awake.on {
      color: var(--podium-muted);
    }
    .notes {
      grid-area: notes;
      font-size: calc(1.1rem * var(--podium-notes-scale, 1));
    }
    .notes p:last-child {
      margin-bottom: 0;
    }
    .notes.none {
      align-self: start;
      margin: 0;
      background: none;
      border: none;
      padding: 0 2px;
      font-size: 0.9rem;
      color: var(--podium-muted);
    }
    .controls button {
      min-height: 84px;
      font-size: 1.25rem;
      border-radius: 16px;
    }
    .controls button svg {
      width: 28px;
      height: 28px;
    }
    .controls button:active:not([aria-disabled='true']) {
      transform: scale(0.98);
    }
    .notice {
      position: absolute;
      left: 50%;
      bottom: 112px;
      transform: translateX(-50%);
      max-width: calc(100% - 40px);
      box-sizing: border-box;
      padding: 10px 16px;
      border-radius: 12px;
      background: var(--podium-text);
      color: var(--podium-bg);
      font-size: 0.95rem;
      box-shadow: 0 6px 24px rgb(0 0 0 / 0.3);
      pointer-events: none;
    }
    .problem {
      grid-column: 1 / -1;
      grid-row: 1 / -1;
      align-self: center;
      justify-self: center;
      max-width: 30em;
      text-align: center;
      font-size: 1.05rem;
      line-height: 1.5;
      padding: 16px;
    }
    .problem h1 {
      font-size: 1.4rem;
      margin: 0 0 0.5em;
    }
    /* A phone on its side: the slide beside the notes, Back/Next along the bottom, all in view. */
    @media (orientation: landscape) and (max-height: 560px) {
      :host {
        grid-template-columns: minmax(0, 6fr) minmax(0, 5fr);
        grid-template-rows: auto minmax(0, 1fr) auto;
        grid-template-areas:
          'bar bar'
          'current notes'
          'controls info';
        padding: 6px max(12px, env(safe-area-inset-right)) max(6px, env(safe-area-inset-bottom))
          max(12px, env(safe-area-inset-left));
        gap: 6px 12px;
      }
      .current {
        height: 100%;
        min-height: 0;
        aspect-ratio: auto;
      }
      /* Sideways, the slide, the notes and the controls take the height; the radar is in portrait. */
      .next,
      .awake,
      .radar {
        display: none;
      }
      .info {
        flex-direction: row;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px 12px;
      }
      .position strong {
        font-size: 1.3rem;
      }
      .controls button {
        min-height: 52px;
      }
      .notice {
        bottom: 70px;
      }
    }
  `,
];
