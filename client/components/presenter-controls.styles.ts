import { css } from 'lit';

/**
 * The look of `presenter-controls.ts` and the parts both presenter screens share (next-slide
 * label, speaker notes, notice, problem page); each host lays them out in its own grid and sets
 * sizes (notes text, button height) of its own.
 */
export const presenterControlsStyles = css`
  .label {
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
  .position {
    margin: 0;
    font-size: 1.05rem;
    color: var(--podium-muted);
    font-variant-numeric: tabular-nums;
  }
  .position strong {
    font-size: 1.9rem;
    color: var(--podium-text);
  }
  .notes {
    overflow-y: auto;
    overscroll-behavior: contain;
    background: var(--podium-surface);
    border: 1px solid var(--podium-border);
    border-radius: var(--podium-radius);
    padding: 12px 14px;
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
    font-weight: 600;
    user-select: none;
    -webkit-user-select: none;
  }
  button[aria-disabled='true'] {
    opacity: 0.4;
    cursor: default;
  }
  .notice:empty {
    display: none;
  }
  .problem a {
    color: var(--podium-accent);
  }
`;
