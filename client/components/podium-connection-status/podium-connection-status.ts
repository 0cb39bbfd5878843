import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StreamStatus } from '../../controllers/slide-stream-controller.js';

const LABELS: Record<StreamStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  waiting: 'Waiting for a place',
  offline: 'Offline',
};

/** A small dot-and-word badge for the live connection; a polite status region. */
@customElement('podium-connection-status')
export class PodiumConnectionStatus extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.45em;
      font-size: 0.85rem;
      line-height: 1;
      padding: 0.4em 0.7em;
      border-radius: 999px;
      background: color-mix(in srgb, var(--podium-surface) 85%, transparent);
      border: 1px solid var(--podium-border);
      color: var(--podium-muted);
      white-space: nowrap;
    }
    .dot {
      width: 0.6em;
      height: 0.6em;
      border-radius: 50%;
      background: var(--podium-muted);
      flex: none;
    }
    :host([status='live']) .dot {
      background: var(--podium-live);
    }
    :host([status='reconnecting']) .dot,
    :host([status='waiting']) .dot,
    :host([status='connecting']) .dot {
      background: var(--podium-warn);
      animation: pulse 1.2s ease-in-out infinite;
    }
    :host([status='reconnecting']),
    :host([status='waiting']),
    :host([status='offline']) {
      color: var(--podium-text);
    }
    :host([status='offline']) .dot {
      background: var(--podium-danger);
    }
    @keyframes pulse {
      50% {
        opacity: 0.3;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .dot {
        animation: none !important;
      }
    }
  `;

  /** The stream's state; default `connecting`. */
  @property({ reflect: true }) status: StreamStatus = 'connecting';
  /** The viewer browses away from the live slide (which a pill then names): a live stream reads "Connected". */
  @property({ type: Boolean }) browsing = false;

  override render() {
    return html`<span class="dot" aria-hidden="true"></span
      ><span role="status">${this.browsing && this.status === 'live' ? 'Connected' : LABELS[this.status]}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-connection-status': PodiumConnectionStatus;
  }
}
