import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Deck, SlideEventData } from '../../../shared/protocol.js';
import { eventsUrl, fetchDeck } from '../../api/deck-api.js';
import { ApiError } from '../../api/request.js';
import { audienceStyles } from './podium-audience.styles.js';
import { podiumEvent, type ReactionDetail } from '../events.js';
import '../podium-shortcuts/podium-shortcuts.js';
import type { PodiumShortcuts } from '../podium-shortcuts/podium-shortcuts.js';
import { AUDIENCE_SHORTCUTS } from './audience-shortcuts.js';
import { audienceMessage, type AudienceLoadError } from './audience-message.js';
import { audienceRoomRow } from './audience-room-row.js';
import { livePill, stageSlide } from './audience-stage.js';
import { audienceToolbar } from './audience-toolbar.js';
import '../podium-reaction-bursts/podium-reaction-bursts.js';
import '../podium-question-spotlight/podium-question-spotlight.js';
import { readPref, writePref } from '../../state/viewer-prefs.js';
import { KeyboardShortcutsController, slideKeyTarget } from '../../controllers/slide-keys-controller.js';
import { SlideStreamController } from '../../controllers/slide-stream-controller.js';
import { WifiDropController } from '../../controllers/wifi-drop-controller.js';
import { clampIndex, slideAnnouncement } from '../../utils/slide-text.js';
import { SwipeController } from '../../controllers/swipe-controller.js';
import { FullscreenController } from '../../controllers/fullscreen-controller.js';
import { ViewerPosition } from '../../state/viewer-position.js';
import { PresenceController } from '../../controllers/presence-controller.js';
import { RoomController } from '../../controllers/room-controller.js';
import { revealedSteps, totalSlides, withReveal } from '../../state/revealed-deck.js';
import { withSettings } from '../../state/room-settings.js';

/** A page kept offline fetches the deck again within this many ms once reading ahead is turned off. */
const REFRESH_SPREAD_MS = 5000;

/**
 * The audience viewer at `/d/:id`: the current slide on a letterboxed 16:9 stage that
 * follows the presenter live. A viewer may browse on their own (arrows, swipe, buttons);
 * meanwhile a pill shows the live slide and one tap returns them to it. Viewers react (the
 * reaction bar), reactions float up as bursts, and a quiet note says when the presenter's
 * remote has gone offline. A deck browsed `behind` is browsed only as far as it was shown.
 */
@customElement('podium-audience')
export class PodiumAudience extends LitElement {
  static override styles = audienceStyles;

  /** Deck id from the page URL (`/d/:id`); nothing loads while it is empty. */
  @property({ attribute: 'deck-id' }) deckId = '';
  /** Projector mode (`/d/:id?projector`, opened by the presenter view): the live slide only, no controls. */
  @property({ type: Boolean, reflect: true }) projector = false;
  @state() private deck: Deck | null = null;
  @state() private position = new ViewerPosition();
  @state() private loadError: AudienceLoadError | null = null;
  /** Reader mode: the slide's text reflowed at the viewer's own size (kept on this device). */
  @state() private reader = readPref('reader');

  @query('podium-shortcuts') private shortcutList!: PodiumShortcuts | null;

  private loading = false;
  private reloadWanted = false;
  private readonly room = new RoomController(this);

  private readonly stream = new SlideStreamController(this, {
    url: () => (this.deckId && !this.loadError?.notFound ? eventsUrl(this.deckId) : null),
    onSlide: (event) => this.handleSlideEvent(event),
    onDeckChange: () => void this.loadDeck(),
    on: this.room.streamHandlers,
  });
  private readonly fullscreen = new FullscreenController(this);
  private readonly presence = new PresenceController(this, { deckId: () => this.deckId });
  // Images fetched ahead; back online, a viewer who followed lands on the live slide and step.
  private readonly wifiDrop = new WifiDropController(this, {
    deck: () => this.deck,
    position: () => this.position,
    status: () => this.stream.status,
  });

  constructor() {
    super();
    new KeyboardShortcutsController(this, (event) => this.handleKey(event));
    new SwipeController(this, (direction) => this.browse(this.shownIndex + (direction === 'left' ? 1 : -1)));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('deckId')) {
      this.deck = null;
      this.position = new ViewerPosition();
      this.loadError = null;
      this.room.reset();
      this.presence.reset();
      if (this.deckId) void this.loadDeck();
    }
  }

  protected override updated(): void {
    const deck = this.deck;
    if (!deck) return;
    this.presence.set(this.position.following);
    const count = totalSlides(deck);
    document.title = `${this.shownIndex + 1}/${count} · ${deck.title} · Podium`;
  }

  private get shownIndex(): number {
    return this.position.shown(this.deck?.slides.length ?? 0);
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
      this.position.take(deck);
      this.position.fit(deck.slides.length);
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

  private browse(index: number): void {
    const deck = this.deck;
    if (!deck || this.projector) return;
    const target = clampIndex(index, deck.slides.length);
    if (target === this.shownIndex) return;
    this.position.browse(target, deck.slides.length);
    this.requestUpdate();
    this.dispatchEvent(podiumEvent('podium-slide-change', { index: target, live: this.position.following }));
  }

  private handleSlideEvent(event: SlideEventData): void {
    // No deck yet (and none on its way), or the deck was edited: fetch it again.
    const deck = this.deck;
    const stale = deck ? event.count !== undefined && event.count !== totalSlides(deck) : !this.loading;
    // The presenter may turn reading ahead off (slides past the furthest shown go) or on (fetch them).
    const settled = deck && !stale ? withSettings(deck, event) : deck;
    const revealed = settled && settled !== 'fetch' ? withReveal(settled, event) : settled;
    if (stale || revealed === 'fetch') void this.loadDeck();
    else if (revealed && revealed !== deck) {
      this.deck = revealed;
      this.position.fit(revealed.slides.length);
      // The offline copy (service worker) still holds the slides just dropped: refresh it, spread over a few seconds.
      if (deck?.browse !== 'behind' && revealed.browse === 'behind' && navigator.serviceWorker?.controller) {
        setTimeout(() => void this.loadDeck(), Math.random() * REFRESH_SPREAD_MS);
      }
    }
    if (this.position.take(event)) this.requestUpdate();
  }

  private handleKey(event: KeyboardEvent): boolean {
    const target = this.projector ? null : slideKeyTarget(event, this.shownIndex, this.deck?.slides.length ?? 0);
    if (target !== null) this.browse(target);
    // The projector follows the presenter: the only key it takes is F (full screen).
    const action =
      this.projector && event.key.toLowerCase() !== 'f' ? undefined : this.keyActions[event.key.toLowerCase()];
    action?.();
    return target !== null || action !== undefined;
  }

  /** The viewer's other keys (lowercase), listed by podium-shortcuts. */
  private readonly keyActions: Record<string, (() => void) | undefined> = {
    f: () => this.fullscreen.toggle(),
    r: () => this.handleReaderToggle(),
    l: () => (this.position.following ? undefined : this.handleFollowLive()),
    '?': () => this.shortcutList?.show(),
  };

  private handleFollowLive(): void {
    this.position.followLive();
    this.requestUpdate();
    this.dispatchEvent(podiumEvent('podium-follow-live', { index: this.position.live.index }));
  }

  private handlePrevious(): void {
    this.browse(this.shownIndex - 1);
  }

  private handleNext(): void {
    this.browse(this.shownIndex + 1);
  }

  private handleReaderToggle(): void {
    this.reader = !this.reader;
    writePref('reader', this.reader);
  }

  private handleShortcutsOpen(): void {
    this.shortcutList?.show();
  }

  private handleFullscreenClick(): void {
    this.fullscreen.toggle();
  }

  private handleReaction(event: CustomEvent<ReactionDetail>): void {
    void this.room.react(this.deckId, event.detail.reaction);
  }

  private handleBurstsToggle(): void {
    if (this.deck?.bursts === false) return;
    this.room.setBursts(!this.room.bursts);
  }

  override render() {
    const deck = this.deck;
    if (!deck) return audienceMessage(this.loadError);
    const count = totalSlides(deck);
    const available = deck.slides.length;
    const index = this.shownIndex;
    const live = clampIndex(this.position.live.index, available);
    const { following } = this.position;
    const { fullscreen, idle } = this.fullscreen;
    const slideHtml = deck.slides[index]?.html ?? '';
    const steps = deck.slides[index]?.steps ?? 0;
    const step = Math.min(this.position.shownStep(steps), revealedSteps(deck, index, steps));
    const needsAttention = !following || this.stream.status !== 'live';
    const room = this.room;
    // The presenter may turn bursts off for the whole room; this device's switch then waits.
    const roomBursts = deck.bursts !== false;
    return html`<main>
      <div class="stage-area ${idle ? 'idle' : ''}">
        ${stageSlide(this.reader && !this.projector, slideHtml, step, `Slide ${index + 1} of ${count}`)}
        <podium-reaction-bursts .event=${room.reactions} ?on=${room.bursts && roomBursts} size=${fullscreen ? 64 : 40}>
        </podium-reaction-bursts>
        <p class="presenter-note" role="status">
          ${room.presenterOnline ? nothing : html`<span>The presenter's remote is offline</span>`}
        </p>
        <podium-question-spotlight></podium-question-spotlight>
        ${
          this.stream.status === 'waiting' && this.stream.refusal
            ? html`<p class="refusal" role="status">${this.stream.refusal.message}</p>`
            : nothing
        }
        ${following ? nothing : livePill(live, this.handleFollowLive)}
      </div>
      ${audienceRoomRow(room, roomBursts, this.handleReaction, this.handleBurstsToggle)}
      ${audienceToolbar({
        deck,
        index,
        count,
        available,
        status: this.stream.status,
        following,
        furthest: this.position.furthest,
        reader: this.reader,
        fullscreen,
        idle: idle && !needsAttention,
        onPrevious: this.handlePrevious,
        onNext: this.handleNext,
        onReader: this.handleReaderToggle,
        onShortcuts: this.handleShortcutsOpen,
        onFullscreen: this.handleFullscreenClick,
      })}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        ${slideAnnouncement(index, count, slideHtml, following ? { step, steps } : undefined)}
      </div>
      <podium-shortcuts .shortcuts=${AUDIENCE_SHORTCUTS}></podium-shortcuts>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-audience': PodiumAudience;
  }
}
