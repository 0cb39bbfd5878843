import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RoomSettings, RoomSettingsRequest } from '../../../shared/protocol.js';
import { patchRoomSettings } from '../../api/deck-api.js';
import { ApiError } from '../../api/request.js';
import { controls, tokens } from '../../styles/theme.js';
import { podiumEvent } from '../events.js';

/** How long the sentence after a change stays, in ms. */
const MESSAGE_MS = 6000;

/** What each change tells the presenter once the server took it. */
const DONE: Record<string, string> = {
  'browse:behind': 'No reading ahead: the audience sees only the slides you have shown.',
  'browse:free': 'The audience may read ahead through every slide.',
  'bursts:false': 'Reactions no longer burst on the room’s screens; you still see the counts.',
  'bursts:true': 'Reactions burst on every screen again.',
};

/**
 * The presenter's switches for the whole room, live: whether the audience may read ahead of
 * the furthest slide shown, and whether reactions burst on every screen (projector included).
 * Each flip is sent at once (PATCH .../settings) and fires `podium-settings-change` with the
 * answer; a refusal puts the switch back and says why.
 */
@customElement('podium-room-settings')
export class PodiumRoomSettings extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .switches {
        display: flex;
        gap: 4px 12px;
      }
      button[role='switch'] {
        flex: 1 1 0;
        display: inline-flex;
        align-items: center;
        justify-content: flex-start;
        gap: 8px;
        min-width: 0;
        padding: 2px 4px;
        background: transparent;
        border-color: transparent;
        color: var(--podium-text);
        font-size: 0.85rem;
        font-weight: 500;
        line-height: 1.2;
        text-align: start;
      }
      .track {
        flex: none;
        position: relative;
        width: 34px;
        height: 20px;
        border-radius: 999px;
        background: var(--podium-surface-2);
        border: 1px solid var(--podium-muted);
        transition: background 120ms;
      }
      .thumb {
        position: absolute;
        top: 2px;
        left: 2px;
        width: 14px;
        height: 14px;
        border-radius: 50%;
        background: var(--podium-muted);
        transition: transform 120ms;
      }
      [aria-checked='true'] .track {
        background: var(--podium-accent);
        border-color: var(--podium-accent);
      }
      [aria-checked='true'] .thumb {
        transform: translateX(14px);
        background: var(--podium-accent-text);
      }
      @media (prefers-reduced-motion: reduce) {
        .track,
        .thumb {
          transition: none;
        }
      }
      .status {
        margin: 2px 0 0;
        min-height: 1em;
        font-size: 0.75rem;
        color: var(--podium-muted);
      }
      .status:empty {
        display: none;
      }
    `,
  ];

  /** The deck; default none. */
  @property({ attribute: 'deck-id' }) deckId = '';
  /** This screen's presenter key; never an attribute. */
  @property({ attribute: false }) presenterKey = '';
  /** The room settings as the server last said. */
  @property({ attribute: false }) settings: RoomSettings = { browse: 'free', bursts: true };

  /** A change on its way: shown at once, until the answer (or the refusal) comes. */
  @state() private pending: RoomSettingsRequest | null = null;
  @state() private message = '';

  private messageTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.messageTimer);
  }

  /** Says `message` for a few seconds (MESSAGE_MS). */
  private say(message: string): void {
    this.message = message;
    clearTimeout(this.messageTimer);
    this.messageTimer = setTimeout(() => (this.message = ''), MESSAGE_MS);
  }

  private async change(wanted: RoomSettingsRequest): Promise<void> {
    if (this.pending || !this.deckId || !this.presenterKey) return;
    this.pending = wanted;
    try {
      const answer = await patchRoomSettings(this.deckId, this.presenterKey, wanted);
      const [name, value] = Object.entries(wanted)[0] ?? [];
      this.say(DONE[`${name}:${String(value)}`] ?? '');
      this.dispatchEvent(podiumEvent('podium-settings-change', answer));
    } catch (err) {
      this.say(err instanceof ApiError ? err.message : 'The setting could not be changed. Try again.');
    } finally {
      this.pending = null;
    }
  }

  private handleBrowse(): void {
    void this.change({ browse: this.shown.browse === 'free' ? 'behind' : 'free' });
  }

  private handleBursts(): void {
    void this.change({ bursts: !this.shown.bursts });
  }

  private get shown(): RoomSettings {
    return { ...this.settings, ...this.pending };
  }

  override render() {
    const shown = this.shown;
    return html`<div class="switches" role="group" aria-label="For the whole room">
        <button
          role="switch"
          aria-checked=${shown.browse === 'free' ? 'true' : 'false'}
          aria-busy=${this.pending?.browse ? 'true' : 'false'}
          title="Off: the audience never sees a slide before you show it"
          @click=${this.handleBrowse}
        >
          <span class="track" aria-hidden="true"><span class="thumb"></span></span>Audience may read ahead
        </button>
        <button
          role="switch"
          aria-checked=${shown.bursts ? 'true' : 'false'}
          aria-busy=${this.pending?.bursts !== undefined ? 'true' : 'false'}
          title="Off: no reaction bursts on the projector or any audience screen"
          @click=${this.handleBursts}
        >
          <span class="track" aria-hidden="true"><span class="thumb"></span></span>Reactions on every screen
        </button>
      </div>
      <p class="status" role="status">${this.message}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-room-settings': PodiumRoomSettings;
  }
}
