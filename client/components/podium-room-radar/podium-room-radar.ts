import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AudienceResponse, ReactionName } from '../../../shared/room-protocol.js';
import { REACTION_NAMES } from '../../../shared/validate.js';
import { controls, tokens } from '../../styles/theme.js';
import { podiumEvent } from '../events.js';
import { burstsIcon, REACTION_ICONS, REACTION_LABELS } from '../reaction-icons.js';

/**
 * The room at a glance, for the presenter: how many follow the live slide and how many browse
 * back, the reactions of the last minute, and this screen's bursts switch (fires
 * `podium-bursts-toggle`). Its children (the room's own switches) go below.
 */
@customElement('podium-room-radar')
export class PodiumRoomRadar extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      section {
        display: flex;
        flex-direction: column;
        gap: 6px;
        padding: 8px 10px;
        background: var(--podium-surface);
        border: 1px solid var(--podium-border);
        border-radius: var(--podium-radius);
      }
      .people {
        display: flex;
        align-items: baseline;
        gap: 6px 14px;
        flex-wrap: wrap;
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .people strong {
        font-size: 1.25rem;
      }
      .browsing {
        color: var(--podium-muted);
      }
      .row {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      ul {
        flex: 1;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 8px;
        margin: 0;
        padding: 0;
        list-style: none;
        font-variant-numeric: tabular-nums;
      }
      li {
        display: inline-flex;
        align-items: center;
        gap: 2px;
        min-width: 2.2em;
        color: var(--podium-muted);
      }
      li.some {
        color: var(--podium-text);
        font-weight: 600;
      }
      li svg {
        width: 18px;
        height: 18px;
      }
      .minute {
        margin: -4px 0 0;
        font-size: 0.75rem;
        color: var(--podium-muted);
      }
      button {
        border-radius: 999px;
        background: transparent;
        border-color: transparent;
        color: var(--podium-muted);
        padding: 0;
      }
      button[aria-pressed='true'] {
        color: var(--podium-accent);
        border-color: var(--podium-border);
      }
    `,
  ];

  /** The audience counts (GET .../audience); null until the first answer. */
  @property({ attribute: false }) audience: AudienceResponse | null = null;
  /** Reactions of the last minute, by name. */
  @property({ attribute: false }) lastMinute: Partial<Record<ReactionName, number>> = {};
  /** Whether reactions burst on this screen. */
  @property({ type: Boolean }) bursts = true;

  private handleToggle(): void {
    this.dispatchEvent(podiumEvent('podium-bursts-toggle', { on: !this.bursts }));
  }

  override render() {
    const audience = this.audience;
    const minute = REACTION_NAMES.map((name) => [name, this.lastMinute[name] ?? 0] as const);
    const total = minute.reduce((sum, [, n]) => sum + n, 0);
    return html`<section aria-label="The room">
      <div class="row">
        <p class="people" aria-live="polite">
          ${
            audience
              ? html`<span><strong>${audience.live}</strong> following live</span>
                  <span class="browsing"><strong>${audience.browsing}</strong> browsing back</span>`
              : html`<span class="browsing">Counting the room…</span>`
          }
        </p>
      </div>
      <div class="row">
        <ul aria-label="Reactions in the last minute: ${total}">
          ${minute.map(
            ([name, n]) =>
              html`<li class=${n > 0 ? 'some' : ''} title=${REACTION_LABELS[name]}>
                ${REACTION_ICONS[name]}<span class="visually-hidden">${REACTION_LABELS[name]}:</span>${n}
              </li>`,
          )}
        </ul>
        <button
          aria-label="Show reactions on screen"
          title="Show reactions on screen"
          aria-pressed=${this.bursts ? 'true' : 'false'}
          @click=${this.handleToggle}
        >
          ${burstsIcon}
        </button>
      </div>
      <p class="minute" aria-hidden="true">Reactions in the last minute</p>
      <slot></slot>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-room-radar': PodiumRoomRadar;
  }
}
