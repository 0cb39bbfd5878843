import { css } from 'lit';

/** The poll inside a slide: sized in em, so it scales with the slide like the rest of its text. */
export const pollStyles = css`
  :host {
    display: block;
    margin-top: 0.4em;
    font-size: 0.9em;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--podium-surface-2, #e8ebef);
    border: 0.08em solid var(--podium-border, #cfd5dc);
    border-radius: 0.5em;
    padding: 0.35em 0.8em;
    min-height: max(2.2em, 24px);
    cursor: pointer;
    touch-action: manipulation;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button:focus-visible {
    outline: 0.15em solid var(--podium-focus, #2450c8);
    outline-offset: 0.1em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
  }
  .choice[aria-pressed='true'] {
    background: var(--podium-slide-accent, #2450c8);
    border-color: var(--podium-slide-accent, #2450c8);
    color: var(--podium-slide-bg, #fff);
    font-weight: 600;
  }
  .mark:empty {
    display: none;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .status {
    margin: 0.3em 0;
    font-size: 0.8em;
    color: var(--podium-slide-muted, #4a535e);
  }
  .error {
    margin: 0.3em 0;
    font-size: 0.8em;
    color: var(--podium-danger, #b3261e);
  }
`;
