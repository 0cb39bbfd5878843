import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { ClockResponse, RoomSettingsResponse } from '../../../shared/protocol.js';
import { eventsUrl } from '../../api/deck-api.js';
import { PresenterDeckController } from '../../controllers/presenter-deck-controller.js';
import { KeyboardShortcutsController } from '../../controllers/slide-keys-controller.js';
import { SlideStreamController } from '../../controllers/slide-stream-controller.js';
import { audiencePath, projectorPath } from '../../utils/deck-path.js';
import type { SlideSelectDetail } from '../events.js';
import { gridIcon } from '../icons.js';
import * as parts from '../presenter-controls.js';
import '../podium-connection-status/podium-connection-status.js';
import type { PodiumSlideGrid } from '../podium-slide-grid/podium-slide-grid.js';
import '../podium-slide/podium-slide.js';
import '../podium-notes-size/podium-notes-size.js';
import '../podium-room-settings/podium-room-settings.js';
import { presenterStyles } from './podium-presenter.styles.js';

/** The name of the projector window, so a second click brings the same window back. */
const PROJECTOR_WINDOW = 'podium-projector';

/**
 * The presenter view for the laptop at `/d/:id/present`: the current slide and step large,
 * the next one, notes, the talk clock and the time of day. The same key rules as the remote
 * (arrows, PageUp/PageDown, Space, Home/End, G), so a clicker plugged into the laptop drives
 * the talk for everyone, through the same compare-and-set PUTs as the phones. A button opens
 * the projector window: the audience view following live, without controls.
 */
@customElement('podium-presenter')
export class PodiumPresenter extends LitElement {
  static override styles = presenterStyles;

  /** Deck id from the page URL (`/d/:id/present`); nothing loads while it is empty. */
  @property({ attribute: 'deck-id' }) deckId = '';

  @query('podium-slide-grid') private grid!: PodiumSlideGrid | null;

  private readonly presenter = new PresenterDeckController(this);
  private readonly stream = new SlideStreamController(this, {
    url: () => (this.presenter.deck && !this.presenter.problem ? eventsUrl(this.deckId) : null),
    onSlide: (event) => this.presenter.observe(event),
    onDeckChange: () => void this.presenter.load(),
  });
  private wallClock: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    new KeyboardShortcutsController(this, (event) => this.handleKey(event));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The time of day, to the minute; the talk clock ticks on its own.
    this.wallClock = setInterval(() => this.requestUpdate(), 15_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.wallClock);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('deckId')) this.presenter.open(this.deckId);
  }

  protected override updated(): void {
    const deck = this.presenter.deck;
    if (deck)
      document.title = `Presenter ${this.presenter.shownIndex + 1}/${deck.slides.length} · ${deck.title} · Podium`;
  }

  private handleKey(event: KeyboardEvent): boolean {
    const deck = this.presenter.deck;
    if (this.grid?.isOpen || !deck) return false;
    const shown = { slides: deck.slides, shown: this.presenter.shown };
    return parts.presenterKey(
      event,
      shown,
      (target) => this.presenter.go(target.index, target.step),
      () => this.handleGridOpen(),
    );
  }

  private handleBack(): void {
    this.presenter.back();
  }

  private handleNext(): void {
    this.presenter.next();
  }

  private handleGridOpen(): void {
    void this.grid?.show();
  }

  private handleSlideSelect(event: CustomEvent<SlideSelectDetail>): void {
    this.presenter.go(event.detail.index);
  }

  private handleClockChange(event: CustomEvent<ClockResponse>): void {
    this.presenter.adoptClock(event.detail);
  }

  private handleSettingsChange(event: CustomEvent<RoomSettingsResponse>): void {
    this.presenter.adoptSettings(event.detail);
  }

  private handleProjector(): void {
    window.open(projectorPath(this.deckId), PROJECTOR_WINDOW, 'popup,width=1280,height=720');
  }

  private handleRetry(): void {
    this.presenter.retry();
  }

  private renderProblem() {
    const problem = this.presenter.problem;
    return html`<main class="problem" role="alert">
      <h1>${problem?.title ?? 'Loading the talk…'}</h1>
      ${problem ? html`<p>${problem.message}</p>` : nothing}
      ${problem?.retry ? html`<button class="primary" @click=${this.handleRetry}>Try again</button>` : nothing}
      ${this.deckId ? html`<p><a href=${audiencePath(this.deckId)}>Open the audience view instead</a></p>` : nothing}
    </main>`;
  }

  override render() {
    const { deck, problem, notice, key, clock } = this.presenter;
    if (problem || !deck) return this.renderProblem();
    const count = deck.slides.length;
    const { index, step } = this.presenter.shown;
    const current = deck.slides[index]?.html ?? '';
    const shown = { slides: deck.slides, shown: this.presenter.shown };
    const notes = deck.notes[index]?.trim() ?? '';
    const time = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    return html`<main>
      <header class="bar">
        <h1>${deck.title}</h1>
        <podium-connection-status .status=${this.stream.status}></podium-connection-status>
        <button @click=${this.handleProjector}>Open projector window</button>
        <button aria-label="All slides" title="All slides (G)" @click=${this.handleGridOpen}>${gridIcon}</button>
      </header>
      <podium-slide class="current" .html=${current} .step=${step} label="Current slide, ${index + 1} of ${count}"
        >This slide is empty.</podium-slide
      >
      ${parts.slideControls(shown, this.handleBack, this.handleNext)}
      <div class="side">
        <section class="next" aria-labelledby="next-label">
          <h2 class="label" id="next-label">Next</h2>
          ${parts.upNext(shown)}
        </section>
        <div class="status">
          ${parts.slidePosition(shown)} ${parts.talkClock(this.deckId, key, clock, shown, this.handleClockChange)}
          <span class="wall" aria-label="Time of day ${time}">${time}</span>
          <podium-notes-size></podium-notes-size>
        </div>
        <podium-room-settings
          deck-id=${this.deckId}
          .presenterKey=${key ?? ''}
          .settings=${this.presenter.settings}
          @podium-settings-change=${this.handleSettingsChange}
        ></podium-room-settings>
        <p class="notice" role="status">${notice}</p>
        <section class="notes" aria-labelledby="notes-label" tabindex="0" data-keys-scroll>
          <h2 class="label" id="notes-label">Notes</h2>
          ${parts.notesText(notes)}
        </section>
      </div>
      ${parts.announcedSlideAndGrid(shown, this.handleSlideSelect)}
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-presenter': PodiumPresenter;
  }
}
