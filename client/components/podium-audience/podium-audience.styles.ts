import { css } from 'lit';
import { controls, tokens } from '../../styles/theme.js';

/** Layout of `<podium-audience>`: the stage fills the screen, a slim toolbar below it. */
export const audienceStyles = [
  tokens,
  controls,
  css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      height: 100dvh;
      background: var(--podium-letterbox);
      overflow: hidden;
      touch-action: pan-y pinch-zoom;
      position: relative;
    }
    /* The landmark only: the stage and the toolbar stay the host's flex items. */
    main:not(.message) {
      display: contents;
    }
    .stage-area {
      flex: 1;
      min-height: 0;
      position: relative;
    }
    podium-slide.main {
      position: absolute;
      inset: clamp(0px, 1.5vmin, 20px);
      width: auto;
      aspect-ratio: auto;
    }
    podium-reader.main {
      position: absolute;
      inset: 0;
    }
    :host(:fullscreen) .stage-area.idle {
      cursor: none;
    }
    /* The projector window shows the live slide only: no toolbar, no pill, nothing to click. */
    :host([projector]) .toolbar,
    :host([projector]) .room-row,
    :host([projector]) .live-pill {
      display: none;
    }
    :host([projector]) podium-slide.main {
      inset: 0;
    }
    :host(:fullscreen) podium-slide.main {
      inset: 0;
    }
    .toolbar {
      flex: none;
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px max(12px, env(safe-area-inset-right)) max(8px, env(safe-area-inset-bottom))
        max(12px, env(safe-area-inset-left));
      background: var(--podium-bg);
      border-top: 1px solid var(--podium-border);
      transition: opacity 200ms ease;
    }
    :host(:fullscreen) .toolbar {
      position: absolute;
      left: 0;
      right: 0;
      bottom: 0;
      background: color-mix(in srgb, var(--podium-bg) 88%, transparent);
    }
    :host(:fullscreen) .toolbar.idle {
      opacity: 0;
    }
    .toolbar button {
      background: transparent;
      border-color: transparent;
    }
    .toolbar button[aria-pressed='true'] {
      background: var(--podium-surface-2);
      border-color: var(--podium-accent);
    }
    @media (pointer: coarse) {
      .shortcuts-button {
        display: none;
      }
    }
    .toolbar button:hover {
      background: var(--podium-surface-2);
    }
    button[aria-disabled='true'] {
      opacity: 0.4;
      cursor: default;
    }
    .counter {
      font-variant-numeric: tabular-nums;
      min-width: 4.5em;
      text-align: center;
      font-weight: 600;
    }
    .title {
      flex: 1;
      min-width: 0;
      margin: 0;
      font-size: inherit;
      font-weight: inherit;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      color: var(--podium-muted);
      padding: 0 8px;
    }
    .live-pill {
      position: absolute;
      left: 50%;
      bottom: 20px;
      transform: translateX(-50%);
      border-radius: 999px;
      background: var(--podium-accent);
      border-color: var(--podium-accent);
      color: var(--podium-accent-text);
      font-weight: 600;
      box-shadow: 0 4px 18px rgb(0 0 0 / 0.25);
      padding: 0.55em 1.2em;
      animation: rise 180ms ease-out;
      white-space: nowrap;
    }
    :host(:fullscreen) .live-pill {
      bottom: 84px;
    }
    .live-pill .dot {
      width: 0.55em;
      height: 0.55em;
      border-radius: 50%;
      background: currentColor;
    }
    @keyframes rise {
      from {
        opacity: 0;
        transform: translate(-50%, 8px);
      }
    }
    .refusal {
      position: absolute;
      left: 50%;
      top: 16px;
      transform: translateX(-50%);
      margin: 0;
      max-width: calc(100% - 32px);
      padding: 0.6em 1em;
      border-radius: 10px;
      background: var(--podium-surface);
      border: 1px solid var(--podium-warn);
      color: var(--podium-text);
      box-shadow: 0 4px 18px rgb(0 0 0 / 0.25);
      text-align: center;
    }
    .room-row {
      flex: none;
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      padding: 6px 12px 0;
      background: var(--podium-bg);
    }
    :host(:fullscreen) .room-row {
      display: none;
    }
    .bursts-toggle {
      border-radius: 999px;
      background: transparent;
      border-color: transparent;
      color: var(--podium-muted);
    }
    .bursts-toggle[aria-pressed='true'] {
      color: var(--podium-accent);
      border-color: var(--podium-border);
    }
    .presenter-note {
      position: absolute;
      left: 50%;
      top: 14px;
      transform: translateX(-50%);
      margin: 0;
      z-index: 3;
      pointer-events: none;
    }
    .presenter-note span {
      display: block;
      padding: 0.4em 0.9em;
      border-radius: 999px;
      background: var(--podium-surface);
      border: 1px solid var(--podium-border);
      color: var(--podium-text);
      font-size: 0.9rem;
      white-space: nowrap;
    }
    .message {
      max-width: 32em;
      margin: auto;
      padding: 24px;
      text-align: center;
      font-size: 1.1rem;
      line-height: 1.5;
    }
    .message a {
      color: var(--podium-accent);
    }
    @media (max-width: 520px) {
      /* No room to show the title: it keeps its place (a spacer) and stays the page's heading for screen readers. */
      .title {
        clip-path: inset(50%);
        padding: 0;
      }
    }
    /* Printing (Save slides as PDF) shows the handout alone: podium-save-slides draws it. */
    @media print {
      :host {
        display: block;
        height: auto;
        overflow: visible;
        background: none;
      }
      .stage-area,
      .room-row,
      .toolbar > :not(podium-save-slides),
      .visually-hidden {
        display: none;
      }
      .toolbar {
        display: block;
        padding: 0;
        border: none;
        background: none;
      }
    }
  `,
];
