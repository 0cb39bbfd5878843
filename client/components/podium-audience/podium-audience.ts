import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Deck, SlideEventData, SlideState } from '../../../shared/protocol.js';
import { eventsUrl, fetchDeck } from '../../api/deck-api.js';
import { ApiError } from '../../api/request.js';
import { audienceStyles } from './podium-audience.styles.js';
import { podiumEvent } from '../events.js';
import { chevronLeft, chevronRight, expandIcon, shrinkIcon } from '../icons.js';
import '../podium-connection-status/podium-connection-status.js';
import '../podium-slide/podium-slide.js';
import { KeyboardShortcutsController, slideKeyTarget } from '../../controllers/slide-keys-controller.js';
import { SlideStreamController } from '../../controllers/slide-stream-controller.js';
import { clampIndex, slideAnnouncement } from '../../utils/slide-text.js';
import { SwipeController } from '../../controllers/swipe-controller.js';

/** How long the controls stay up in full screen after the pointer stops moving. */
const IDLE_MS = 2500;

/**
 * The audience viewer at `/d/:id`: the current slide on a letterboxed 16:9 stage that
 * follows the presenter live. A viewer may browse on their own (arrows, swipe, buttons);
 * meanwhile a pill shows the live slide and one tap returns them to it.
 */
@customElement('podium-audience')
export class PodiumAudience extends LitElement {
  static override styles = audienceStyles;

  /** Deck id from the page URL (`/d/:id`); nothing loads while it is empty. */
  @property({ attribute: 'deck-id' }) deckId = '';
  @state() private deck: Deck | null = null;
  @state() private liveIndex = 0;
  @state() private viewIndex = 0;
  @state() private following = true;
  @state() private loadError: { message: string; notFound: boolean } | null = null;
  @state() private idle = false;
  @state() private fullscreen = false;

  private version = 0;
  private loading = false;
  private reloadWanted = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly stream = new SlideStreamController(this, {
    url: () => (this.deckId && !this.loadError?.notFound ? eventsUrl(this.deckId) : null),
    onSlide: (event) => this.handleSlideEvent(event),
  });

  constructor() {
    super();
    new KeyboardShortcutsController(this, (event) => this.handleKey(event));
    new SwipeController(this, (direction) => this.browse(this.viewIndex + (direction === 'left' ? 1 : -1)));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.handleFullscreenChange);
    this.addEventListener('pointermove', this.handleActivity);
    this.addEventListener('pointerdown', this.handleActivity);
    this.addEventListener('focusin', this.handleActivity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.handleFullscreenChange);
    this.removeEventListener('pointermove', this.handleActivity);
    this.removeEventListener('pointerdown', this.handleActivity);
    this.removeEventListener('focusin', this.handleActivity);
    clearTimeout(this.idleTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('deckId')) {
      this.deck = null;
      this.version = 0;
      this.following = true;
      this.loadError = null;
      if (this.deckId) void this.loadDeck();
    }
  }

  protected override updated(): void {
    const deck = this.deck;
    if (!deck) return;
    const count = deck.slides.length;
    document.title = `${this.shownIndex + 1}/${count} · ${deck.title} · Podium`;
  }

  private get shownIndex(): number {
    return clampIndex(this.following ? this.liveIndex : this.viewIndex, this.deck?.slides.length ?? 0);
  }

  /** Fetches the deck; concurrent calls coalesce into one more fetch. */
  private async loadDeck(): Promise<void> {
    if (this.loading) {
      this.reloadWanted = true;
      return;
    }
    const id = this.deckId;
    this.loading = true;
    try {
      const deck = await fetchDeck(id);
      if (id !== this.deckId) return;
      this.deck = deck;
      this.loadError = null;
      this.applyState(deck, false);
      this.viewIndex = clampIndex(this.viewIndex, deck.slides.length);
    } catch (error) {
      if (id !== this.deckId) return;
      const message = error instanceof Error ? error.message : String(error);
      const notFound = error instanceof ApiError && error.status === 404;
      // With a deck on screen, a failed refresh is not worth a message; the stream retries.
      if (notFound || !this.deck) this.loadError = { message, notFound };
    } finally {
      this.loading = false;
      if (this.reloadWanted) {
        this.reloadWanted = false;
        void this.loadDeck();
      }
    }
  }

  /** Takes a live state; a deck fetched earlier than the newest event does not win. */
  private applyState(state: SlideState, fromStream: boolean): void {
    if (!fromStream && state.version < this.version) return;
    this.version = state.version;
    this.liveIndex = state.index;
    if (!this.following && this.viewIndex === state.index) this.following = true;
    if (this.following) this.viewIndex = state.index;
  }

  private browse(index: number): void {
    const deck = this.deck;
    if (!deck) return;
    const target = clampIndex(index, deck.slides.length);
    if (target === this.shownIndex) return;
    this.viewIndex = target;
    this.following = target === clampIndex(this.liveIndex, deck.slides.length);
    this.dispatchEvent(podiumEvent('podium-slide-change', { index: target, live: this.following }));
  }

  private toggleFullscreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void this.requestFullscreen().catch(() => undefined);
  }

  private handleSlideEvent(event: SlideEventData): void {
    // No deck yet (and none on its way), or the deck was edited: fetch it again.
    const stale = this.deck ? event.count !== undefined && event.count !== this.deck.slides.length : !this.loading;
    if (stale) void this.loadDeck();
    this.applyState(event, true);
  }

  private handleKey(event: KeyboardEvent): boolean {
    const target = slideKeyTarget(event, this.shownIndex, this.deck?.slides.length ?? 0);
    if (target !== null) {
      this.browse(target);
      return true;
    }
    if (event.key === 'f' || event.key === 'F') {
      this.toggleFullscreen();
      return true;
    }
    if ((event.key === 'l' || event.key === 'L') && !this.following) {
      this.handleFollowLive();
      return true;
    }
    return false;
  }

  private handleFollowLive(): void {
    this.following = true;
    this.viewIndex = this.liveIndex;
    this.dispatchEvent(podiumEvent('podium-follow-live', { index: this.liveIndex }));
  }

  private handlePrevious(): void {
    this.browse(this.shownIndex - 1);
  }

  private handleNext(): void {
    this.browse(this.shownIndex + 1);
  }

  private handleFullscreenClick(): void {
    this.toggleFullscreen();
  }

  private readonly handleFullscreenChange = (): void => {
    this.fullscreen = document.fullscreenElement === this;
    this.handleActivity();
  };

  private readonly handleActivity = (): void => {
    this.idle = false;
    clearTimeout(this.idleTimer);
    if (this.fullscreen) this.idleTimer = setTimeout(() => (this.idle = true), IDLE_MS);
  };

  private renderMessage() {
    const error = this.loadError;
    if (error?.notFound) {
      return html`<div class="message" role="alert">
        <p>${error.message}</p>
        <p>Check the talk code, or <a href="/">start or join another talk</a>.</p>
      </div>`;
    }
    return html`<div class="message" role=${error ? 'alert' : nothing}>
      ${
        error
          ? html`<p>${error.message}</p>
              <p>Retrying…</p>`
          : html`<p>Loading the talk…</p>`
      }
    </div>`;
  }

  override render() {
    const deck = this.deck;
    if (!deck) return this.renderMessage();
    const count = deck.slides.length;
    const index = this.shownIndex;
    const live = clampIndex(this.liveIndex, count);
    const slideHtml = deck.slides[index]?.html ?? '';
    const needsAttention = !this.following || this.stream.status !== 'live';
    return html`
      <div class="stage-area ${this.idle ? 'idle' : ''}">
        <podium-slide class="main" .html=${slideHtml} label="Slide ${index + 1} of ${count}"
          >This slide is empty.</podium-slide
        >
        ${
          this.following
            ? nothing
            : html`<button
                class="live-pill"
                aria-label="Return to live, slide ${live + 1}"
                @click=${this.handleFollowLive}
              >
                <span class="dot" aria-hidden="true"></span>Live: slide ${live + 1}
              </button>`
        }
      </div>
      <div class="toolbar ${this.idle && !needsAttention ? 'idle' : ''}" role="group" aria-label="Slide controls">
        <button
          aria-label="Previous slide"
          title="Previous slide (←)"
          aria-disabled=${index === 0 ? 'true' : 'false'}
          @click=${this.handlePrevious}
        >
          ${chevronLeft}
        </button>
        <span class="counter">${index + 1} / ${count}</span>
        <button
          aria-label="Next slide"
          title="Next slide (→)"
          aria-disabled=${index >= count - 1 ? 'true' : 'false'}
          @click=${this.handleNext}
        >
          ${chevronRight}
        </button>
        <span class="title">${deck.title}</span>
        <podium-connection-status .status=${this.stream.status}></podium-connection-status>
        ${
          document.fullscreenEnabled
            ? html`<button
                aria-label=${this.fullscreen ? 'Exit full screen' : 'Full screen'}
                title=${this.fullscreen ? 'Exit full screen (F)' : 'Full screen (F)'}
                @click=${this.handleFullscreenClick}
              >
                ${this.fullscreen ? shrinkIcon : expandIcon}
              </button>`
            : nothing
        }
      </div>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        ${slideAnnouncement(index, count, slideHtml)}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-audience': PodiumAudience;
  }
}
