import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { PresenterDeck } from '../../../shared/protocol.js';
import { customElement, property, query } from 'lit/decorators.js';
import { eventsUrl } from '../../api/deck-api.js';
import { AudiencePollController } from '../../controllers/audience-poll-controller.js';
import { RoomController } from '../../controllers/room-controller.js';
import { ReactionWindow } from '../../state/reaction-window.js';
import { PresenterDeckController, type Problem } from '../../controllers/presenter-deck-controller.js';
import { KeyboardShortcutsController } from '../../controllers/slide-keys-controller.js';
import { SlideStreamController } from '../../controllers/slide-stream-controller.js';
import { SwipeController } from '../../controllers/swipe-controller.js';
import { WakeLockController } from '../../controllers/wake-lock-controller.js';
import { audiencePath } from '../../utils/deck-path.js';
import type { ClockResponse, RoomSettingsResponse } from '../../../shared/protocol.js';
import { podiumEvent, type BurstsToggleDetail, type SlideSelectDetail } from '../events.js';
import { gridIcon } from '../icons.js';
import * as parts from '../presenter-controls.js';
import '../podium-connection-status/podium-connection-status.js';
import '../podium-deck-report/podium-deck-report.js';
import '../podium-pair-device/podium-pair-device.js';
import '../podium-reaction-bursts/podium-reaction-bursts.js';
import '../podium-room-radar/podium-room-radar.js';
import '../podium-room-settings/podium-room-settings.js';
import '../podium-questions-admin/podium-questions-admin.js';
import type { PodiumSlideGrid } from '../podium-slide-grid/podium-slide-grid.js';
import '../podium-slide/podium-slide.js';
import '../podium-notes-size/podium-notes-size.js';
import { remoteStyles } from './podium-remote.styles.js';

/**
 * The presenter remote at `/d/:id/remote#key=...`, built for a phone in one hand: large
 * previous/next targets, swipes and clicker keys; current and next slide, speaker notes,
 * position, elapsed time and a grid to jump anywhere. Changes show at once and are sent
 * as compare-and-set PUTs (see SlideSync). Keeps the screen awake while open. Its own stream
 * carries the presenter key in a header (so it keeps the presenter "online" for the room and
 * is never counted as a viewer); the room radar shows who follows and the last minute's
 * reactions, which also burst over the current slide.
 */
@customElement('podium-remote')
export class PodiumRemote extends LitElement {
  static override styles = remoteStyles;

  /** Deck id from the page URL (`/d/:id/remote`); nothing loads while it is empty. */
  @property({ attribute: 'deck-id' }) deckId = '';

  @query('podium-slide-grid') private grid!: PodiumSlideGrid | null;

  private readonly presenter = new PresenterDeckController(this);
  private readonly lastMinute = new ReactionWindow();
  private readonly room = new RoomController(this, (event) => this.lastMinute.add(event.recent));
  private readonly stream = new SlideStreamController(this, {
    url: () => (this.presenter.deck && !this.presenter.problem ? eventsUrl(this.deckId) : null),
    headers: () => (this.presenter.key ? { Authorization: `Bearer ${this.presenter.key}` } : null),
    onSlide: (event) => this.presenter.observe(event),
    onDeckChange: () => void this.presenter.load(),
    on: this.room.streamHandlers,
  });
  private readonly audience = new AudiencePollController(this, () =>
    this.presenter.deck && this.presenter.key ? { deckId: this.deckId, key: this.presenter.key } : null,
  );
  private readonly wakeLock = new WakeLockController(this);

  constructor() {
    super();
    new KeyboardShortcutsController(this, (event) => this.handleKey(event));
    new SwipeController(this, (direction) => {
      if (this.grid?.isOpen) return;
      if (direction === 'left' ? this.presenter.next() : this.presenter.back()) this.moved();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('deckId')) return;
    this.presenter.open(this.deckId);
    this.room.reset();
    this.lastMinute.clear();
    this.audience.refresh();
  }

  protected override updated(): void {
    const deck = this.presenter.deck;
    if (deck) {
      const count = deck.slides.length;
      document.title = `Remote ${this.presenter.shownIndex + 1}/${count} · ${deck.title} · Podium`;
    }
  }

  /** Shows slide `index` at `step` (default 0) at once and sends it to the server. */
  private go(index: number, step = 0): void {
    if (this.presenter.go(index, step)) this.moved();
  }

  /** After a move the presenter made: wake lock, a tap of vibration, the change event. */
  private moved(): void {
    this.wakeLock.retry();
    if ('vibrate' in navigator && navigator.userActivation?.hasBeenActive !== false) navigator.vibrate(12);
    this.dispatchEvent(podiumEvent('podium-slide-change', { index: this.presenter.shownIndex, live: true }));
  }

  private handleKey(event: KeyboardEvent): boolean {
    const deck = this.presenter.deck;
    if (this.grid?.isOpen || !deck) return false;
    const shown = { slides: deck.slides, shown: this.presenter.shown };
    return parts.presenterKey(
      event,
      shown,
      (target) => this.go(target.index, target.step),
      () => this.handleGridOpen(),
    );
  }

  private handlePrevious(): void {
    if (this.presenter.back()) this.moved();
  }

  private handleNext(): void {
    if (this.presenter.next()) this.moved();
  }

  private handleGridOpen(): void {
    void this.grid?.show();
  }

  private handleSlideSelect(event: CustomEvent<SlideSelectDetail>): void {
    this.go(event.detail.index);
  }

  private handleClockChange(event: CustomEvent<ClockResponse>): void {
    this.presenter.adoptClock(event.detail);
  }

  private handleSettingsChange(event: CustomEvent<RoomSettingsResponse>): void {
    this.presenter.adoptSettings(event.detail);
  }

  private handleBurstsToggle(event: CustomEvent<BurstsToggleDetail>): void {
    this.room.setBursts(event.detail.on);
  }

  private handleRetry(): void {
    this.presenter.retry();
  }

  private renderProblem(problem: Problem) {
    return html`<main class="problem">
      <div role="alert">
        <h1>${problem.title}</h1>
        <p>${problem.message}</p>
      </div>
      ${problem.retry ? html`<button class="primary" @click=${this.handleRetry}>Try again</button>` : nothing}
      ${this.deckId ? html`<p><a href=${audiencePath(this.deckId)}>Open the audience view instead</a></p>` : nothing}
    </main>`;
  }

  private renderNotes(deck: PresenterDeck, notes: string) {
    // A deck without any notes says so once, in a muted line, instead of on every slide.
    if (deck.notes.every((note) => !note.trim())) {
      const pdf = deck.warnings?.some((warning) => warning.code === 'notes_missing');
      return html`<p class="notes none">
        This deck has no speaker notes${pdf ? html`: a <code>talk.notes.md</code> beside the PDF adds them` : ''}.
      </p>`;
    }
    return html`<section class="notes" aria-label="Speaker notes" tabindex="0" data-keys-scroll>
      ${parts.notesText(notes)}
    </section>`;
  }

  override render() {
    const { deck, problem, notice, key } = this.presenter;
    if (problem) return this.renderProblem(problem);
    if (!deck) return html`<main class="problem"><p>Loading the talk…</p></main>`;
    const count = deck.slides.length;
    const { index, step } = this.presenter.shown;
    const current = deck.slides[index]?.html ?? '';
    const shown = { slides: deck.slides, shown: this.presenter.shown };
    const notes = deck.notes[index]?.trim() ?? '';
    return html`<main>
      <header class="bar">
        <h1 class="title">${deck.title}</h1>
        <podium-connection-status .status=${this.stream.status}></podium-connection-status>
        <podium-deck-report .warnings=${deck.warnings}></podium-deck-report>
        <podium-questions-admin
          deck-id=${this.deckId}
          .presenterKey=${key ?? ''}
          @podium-slide-select=${this.handleSlideSelect}
        ></podium-questions-admin>
        <podium-pair-device deck-id=${this.deckId} .presenterKey=${key ?? ''}></podium-pair-device>
        <button class="icon" aria-label="All slides" title="All slides (G)" @click=${this.handleGridOpen}>
          ${gridIcon}
        </button>
      </header>
      <div class="current">
        <podium-slide .html=${current} .step=${step} label="Current slide, ${index + 1} of ${count}"
          >This slide is empty.</podium-slide
        >
        <podium-reaction-bursts
          .event=${this.room.reactions}
          ?on=${this.room.bursts}
          size="30"
        ></podium-reaction-bursts>
      </div>
      <section class="next" aria-label="Up next">
        <span class="label" aria-hidden="true">Next</span>
        ${parts.upNext(shown)}
      </section>
      <section class="info">
        ${parts.slidePosition(shown)}
        ${parts.talkClock(this.deckId, key, this.presenter.clock, shown, this.handleClockChange)}
        <podium-notes-size></podium-notes-size>
        <p class="awake ${this.wakeLock.active ? 'on' : ''}" role="status">
          ${this.wakeLock.active ? 'Screen kept awake' : 'Screen may sleep: tap to keep it on'}
        </p>
      </section>
      <podium-room-radar
        class="radar"
        .audience=${this.audience.audience}
        .lastMinute=${this.lastMinute.counts()}
        ?bursts=${this.room.bursts}
        @podium-bursts-toggle=${this.handleBurstsToggle}
      >
        <podium-room-settings
          deck-id=${this.deckId}
          .presenterKey=${key ?? ''}
          .settings=${this.presenter.settings}
          @podium-settings-change=${this.handleSettingsChange}
        ></podium-room-settings>
      </podium-room-radar>
      ${this.renderNotes(deck, notes)} ${parts.slideControls(shown, this.handlePrevious, this.handleNext)}
      <div class="notice" role="status">${notice}</div>
      ${parts.announcedSlideAndGrid(shown, this.handleSlideSelect)}
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-remote': PodiumRemote;
  }
}
