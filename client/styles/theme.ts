import { css } from 'lit';

/**
 * Design tokens for every page, light and dark (prefers-color-scheme). Applied on the
 * `:host` of page-level components; nested components inherit the custom properties.
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --podium-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --podium-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
    --podium-bg: #f3f4f6;
    --podium-surface: #ffffff;
    --podium-surface-2: #e8ebef;
    --podium-text: #16191d;
    --podium-muted: #4f5863;
    --podium-border: #cfd5dc;
    --podium-accent: #2450c8;
    --podium-accent-text: #ffffff;
    --podium-focus: #2450c8;
    --podium-live: #137333;
    --podium-warn: #8a5a00;
    --podium-danger: #b3261e;
    --podium-letterbox: #dfe3e8;
    --podium-slide-bg: #ffffff;
    --podium-slide-text: #15181c;
    --podium-slide-muted: #4a535e;
    --podium-slide-accent: #2450c8;
    --podium-code-bg: #f4f6f8;
    --podium-radius: 12px;
    font-family: var(--podium-font);
    color: var(--podium-text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --podium-bg: #0d1014;
      --podium-surface: #171b21;
      --podium-surface-2: #222831;
      --podium-text: #e8ecf1;
      --podium-muted: #a4adb8;
      --podium-border: #343b45;
      --podium-accent: #8fb0ff;
      --podium-accent-text: #0d1014;
      --podium-focus: #a9c2ff;
      --podium-live: #4cc38a;
      --podium-warn: #e0b050;
      --podium-danger: #ff8a80;
      --podium-letterbox: #050608;
      --podium-slide-bg: #15191f;
      --podium-slide-text: #eef1f5;
      --podium-slide-muted: #b2bac4;
      --podium-slide-accent: #9bb8ff;
      --podium-code-bg: #0d1117;
    }
  }
`;

/** Buttons, focus ring and the visually-hidden helper shared by the pages. */
export const controls = css`
  button,
  .button {
    font: inherit;
    color: inherit;
    background: var(--podium-surface-2);
    border: 1px solid var(--podium-border);
    border-radius: var(--podium-radius);
    padding: 0.55em 1em;
    min-height: 44px;
    min-width: 44px;
    box-sizing: border-box;
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  @media (hover: hover) {
    button:hover:not(:disabled),
    .button:hover {
      border-color: var(--podium-muted);
    }
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  button.primary,
  .button.primary {
    background: var(--podium-accent);
    border-color: var(--podium-accent);
    color: var(--podium-accent-text);
    font-weight: 600;
  }
  :focus-visible {
    outline: 3px solid var(--podium-focus);
    outline-offset: 2px;
  }
  input,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--podium-surface);
    border: 1px solid var(--podium-border);
    border-radius: 10px;
    padding: 0.6em 0.75em;
    box-sizing: border-box;
    width: 100%;
  }
  ::placeholder {
    /* The browser default is too faint on dark surfaces (3.75:1); muted text is 4.5:1 or more. */
    color: var(--podium-muted);
    opacity: 1;
  }
  svg {
    flex: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** A modal `<dialog>` on the page's colours, with a dimmed backdrop; `--podium-dialog-width` defaults to 920px. */
export const modalDialog = css`
  dialog {
    width: min(var(--podium-dialog-width, 920px), 100vw - 24px);
    max-height: calc(100dvh - 24px);
    box-sizing: border-box;
    padding: 0 16px 16px;
    border: 1px solid var(--podium-border);
    border-radius: 16px;
    background: var(--podium-bg);
    color: var(--podium-text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .dialog-head {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 10px 0;
    background: var(--podium-bg);
  }
  .dialog-head h2 {
    margin: 0;
    font-size: 1.1rem;
  }
  .dialog-close {
    background: transparent;
    border-color: transparent;
    padding: 0.4em;
  }
`;
