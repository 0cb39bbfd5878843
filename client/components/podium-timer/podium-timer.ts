import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { podiumEvent } from '../events.js';
import { resetIcon } from '../icons.js';
import { controls } from '../../styles/theme.js';

/** "m:ss" below an hour, "h:mm:ss" from then on. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Elapsed time since `start`, ticking each second, with a reset button. */
@customElement('podium-timer')
export class PodiumTimer extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 4px;
      }
      time {
        font-variant-numeric: tabular-nums;
        font-size: 1.5rem;
        font-weight: 600;
        letter-spacing: 0.01em;
        min-width: 3.6em;
      }
      button {
        background: transparent;
        border-color: transparent;
        color: var(--podium-muted);
        padding: 0.3em;
      }
    `,
  ];

  /** When the timer started, in epoch milliseconds; default: when the element was made. */
  @property({ type: Number }) start = Date.now();

  private interval: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.interval = setInterval(() => this.requestUpdate(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.interval);
  }

  private handleReset(): void {
    this.dispatchEvent(podiumEvent('podium-timer-reset', null));
  }

  override render() {
    const elapsed = formatElapsed(Date.now() - this.start);
    return html`<time aria-label="Elapsed time ${elapsed}" title="Elapsed time">${elapsed}</time>
      <button aria-label="Reset timer" title="Reset timer" @click=${this.handleReset}>${resetIcon}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-timer': PodiumTimer;
  }
}
