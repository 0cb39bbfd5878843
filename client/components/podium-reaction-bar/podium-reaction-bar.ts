import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, queryAll, state } from 'lit/decorators.js';
import type { ReactionName } from '../../../shared/room-protocol.js';
import { REACTION_NAMES } from '../../../shared/validate.js';
import { controls, tokens } from '../../styles/theme.js';
import { podiumEvent } from '../events.js';
import { REACTION_ICONS, REACTION_LABELS } from '../reaction-icons.js';

/**
 * The audience's six reactions as one toolbar: a single Tab stop, arrows (and Home/End) move
 * between them, Enter or Space sends. Each press fires `podium-reaction`; while the server
 * asks to wait (`cooldownUntil`), the buttons rest and a short note counts down.
 */
@customElement('podium-reaction-bar')
export class PodiumReactionBar extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 10px;
        flex-wrap: wrap;
      }
      [role='toolbar'] {
        display: flex;
        gap: 4px;
        padding: 3px;
        border-radius: 999px;
        background: var(--podium-surface);
        border: 1px solid var(--podium-border);
      }
      button {
        border-radius: 999px;
        background: transparent;
        border-color: transparent;
        padding: 0;
        width: 44px;
        color: var(--podium-text);
        transition: transform 120ms ease;
      }
      button:active:not([aria-disabled='true']) {
        transform: scale(0.88);
      }
      button[aria-disabled='true'] {
        opacity: 0.4;
        cursor: default;
      }
      button.sent {
        animation: pop 380ms ease-out;
      }
      @keyframes pop {
        40% {
          transform: scale(1.25);
          color: var(--podium-accent);
        }
      }
      .wait {
        margin: 0;
        color: var(--podium-muted);
        font-size: 0.9rem;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** Until when (ms since the epoch) the server asked this viewer to wait; 0 when it did not. */
  @property({ attribute: false }) cooldownUntil = 0;

  /** The button that holds the toolbar's one Tab stop. */
  @state() private focusIndex = 0;
  /** The last one pressed, for a brief pop. */
  @state() private sent: ReactionName | null = null;
  @state() private now = Date.now();

  @queryAll('[role="toolbar"] button') private buttons!: NodeListOf<HTMLButtonElement>;

  private tick: ReturnType<typeof setInterval> | undefined;
  private popTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tick);
    clearTimeout(this.popTimer);
    this.tick = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('cooldownUntil')) return;
    this.now = Date.now();
    clearInterval(this.tick);
    this.tick = undefined;
    if (this.cooldownUntil > this.now) {
      this.tick = setInterval(() => {
        this.now = Date.now();
        if (this.now >= this.cooldownUntil) clearInterval(this.tick);
      }, 250);
    }
  }

  private get waitSeconds(): number {
    return Math.max(0, Math.ceil((this.cooldownUntil - this.now) / 1000));
  }

  private handleClick(name: ReactionName, index: number): void {
    this.focusIndex = index;
    if (this.waitSeconds > 0) return;
    this.sent = null;
    void this.updateComplete.then(() => {
      this.sent = name;
      clearTimeout(this.popTimer);
      this.popTimer = setTimeout(() => (this.sent = null), 400);
    });
    this.dispatchEvent(podiumEvent('podium-reaction', { reaction: name }));
  }

  private handleKeydown(event: KeyboardEvent): void {
    const last = REACTION_NAMES.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: this.focusIndex + 1,
      ArrowDown: this.focusIndex + 1,
      ArrowLeft: this.focusIndex - 1,
      ArrowUp: this.focusIndex - 1,
      Home: 0,
      End: last,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    // Handled here: the page's slide keys leave a handled key alone.
    event.preventDefault();
    this.focusIndex = (target + REACTION_NAMES.length) % REACTION_NAMES.length;
    this.buttons[this.focusIndex]?.focus();
  }

  override render() {
    const wait = this.waitSeconds;
    return html`
      <div role="toolbar" aria-label="Reactions" @keydown=${this.handleKeydown}>
        ${REACTION_NAMES.map(
          (name, index) =>
            html`<button
              class=${this.sent === name ? 'sent' : ''}
              aria-label=${REACTION_LABELS[name]}
              title=${REACTION_LABELS[name]}
              tabindex=${index === this.focusIndex ? 0 : -1}
              aria-disabled=${wait > 0 ? 'true' : 'false'}
              @click=${() => this.handleClick(name, index)}
            >
              ${REACTION_ICONS[name]}
            </button>`,
        )}
      </div>
      <p class="wait" role="status">${wait > 0 ? `Too many reactions: wait ${wait} s` : nothing}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-reaction-bar': PodiumReactionBar;
  }
}
