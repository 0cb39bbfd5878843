import { css } from 'lit';

/** Layout of `<podium-import-report>`: a quiet box under the links, amber when there is something to check. */
export const importReportStyles = css`
  :host {
    display: block;
    margin-top: 20px;
  }
  .report,
  .clean {
    border-radius: 12px;
    border: 1px solid var(--podium-border);
    background: var(--podium-surface-2);
    padding: 14px 16px;
    margin: 0;
  }
  .report {
    border-color: var(--podium-warn);
  }
  .clean {
    display: flex;
    align-items: center;
    gap: 10px;
    font-weight: 600;
  }
  h3 {
    margin: 0;
    font-size: 1.05rem;
    display: flex;
    align-items: center;
    gap: 10px;
  }
  .mark {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.5em;
    height: 1.5em;
    border-radius: 50%;
    font-weight: 700;
    color: var(--podium-surface);
    background: var(--podium-warn);
  }
  .clean .mark {
    background: var(--podium-live);
  }
  h4 {
    margin: 12px 0 4px;
    font-size: 0.85rem;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--podium-muted);
  }
  ul {
    margin: 0;
    padding-left: 1.2em;
  }
  li {
    margin: 3px 0;
    overflow-wrap: anywhere;
  }
`;
