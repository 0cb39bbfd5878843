import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { PresenterDeck, SlideEventData } from '../../../shared/protocol.js';
import { eventsUrl, fetchPresenterDeck, putSlide } from '../../api/deck-api.js';
import { ApiError } from '../../api/request.js';
import { audiencePath } from '../../utils/deck-path.js';
import { podiumEvent, type SlideSelectDetail } from '../events.js';
import { chevronLeft, chevronRight, gridIcon } from '../icons.js';
import '../podium-connection-status/podium-connection-status.js';
import '../podium-pair-device/podium-pair-device.js';
import '../podium-slide-grid/podium-slide-grid.js';
import type { PodiumSlideGrid } from '../podium-slide-grid/podium-slide-grid.js';
import '../podium-slide/podium-slide.js';
import '../podium-timer/podium-timer.js';
import { forgetPresenterKey, takePresenterKey } from '../../state/presenter-key.js';
import { remoteStyles } from './podium-remote.styles.js';
import { KeyboardShortcutsController, slideKeyTarget } from '../../controllers/slide-keys-controller.js';
import { SlideStreamController } from '../../controllers/slide-stream-controller.js';
import { SlideSync, type SyncOutcome } from '../../state/slide-sync.js';
import { clampIndex, noteBlocks, slideAnnouncement } from '../../utils/slide-text.js';
import { SwipeController } from '../../controllers/swipe-controller.js';
import { WakeLockController } from '../../controllers/wake-lock-controller.js';

/** A reason the remote cannot drive the deck, shown instead of the controls. */
interface Problem {
  title: string;
  message: string;
  retry: boolean;
}

const timerKey = (deckId: string): string => `podium:timer-start:${deckId}`;

/** When this tab's timer for a deck started (kept across reloads), starting it if new. */
function timerStart(deckId: string, restart = false): number {
  const now = Date.now();
  try {
    const saved = Number(sessionStorage.getItem(timerKey(deckId)));
    if (saved > 0 && !restart) return saved;
    sessionStorage.setItem(timerKey(deckId), String(now));
  } catch {
    // No storage: the timer restarts with the page.
  }
  return now;
}

/**
 * The presenter remote at `/d/:id/remote#key=...`, built for a phone in one hand: large
 * previous/next targets, swipes and clicker keys; current and next slide, speaker notes,
 * position, elapsed time and a grid to jump anywhere. Changes show at once and are sent
 * as compare-and-set PUTs (see SlideSync). Keeps the screen awake while open.
 */
@customElement('podium-remote')
export class PodiumRemote extends LitElement {
  static override styles = remoteStyles;

  /** Deck id from the page URL (`/d/:id/remote`); nothing loads while it is empty. */
  @property({ attribute: 'deck-id' }) deckId = '';

  @state() private deck: PresenterDeck | null = null;
  @state() private shownIndex = 0;
  @state() private problem: Problem | null = null;
  @state() private notice = '';
  @state() private timerStart = Date.now();

  @query('podium-slide-grid') private grid!: PodiumSlideGrid | null;

  private key: string | null = null;
  private sync: SlideSync | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly stream = new SlideStreamController(this, {
    url: () => (this.deck && !this.problem ? eventsUrl(this.deckId) : null),
    onSlide: (event) => this.handleSlideEvent(event),
  });
  private readonly wakeLock = new WakeLockController(this);

  constructor() {
    super();
    new KeyboardShortcutsController(this, (event) => this.handleKey(event));
    new SwipeController(this, (direction) => {
      if (!this.grid?.isOpen) this.go(this.shownIndex + (direction === 'left' ? 1 : -1));
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.noticeTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('deckId')) return;
    this.deck = null;
    this.sync = null;
    this.problem = null;
    if (!this.deckId) return;
    this.timerStart = timerStart(this.deckId);
    this.key = takePresenterKey(this.deckId);
    if (this.key) void this.loadDeck();
    else
      this.problem = {
        title: 'This remote needs its presenter link',
        message:
          'Open the remote link you got when the deck was created (it ends in #key=…). ' +
          'The key is kept on this device after the first visit.',
        retry: false,
      };
  }

  protected override updated(): void {
    if (this.deck) {
      const count = this.deck.slides.length;
      document.title = `Remote ${this.shownIndex + 1}/${count} · ${this.deck.title} · Podium`;
    }
  }

  private async loadDeck(): Promise<void> {
    const id = this.deckId;
    const key = this.key;
    if (!key) return;
    try {
      const deck = await fetchPresenterDeck(id, key);
      if (id !== this.deckId) return;
      this.deck = deck;
      this.problem = null;
      if (!this.sync) {
        this.sync = new SlideSync(
          deck,
          (index, version) => putSlide(id, key, index, version),
          (outcome) => this.handleSettled(outcome),
        );
      } else this.sync.observe(deck);
      if (!this.sync.pending) this.shownIndex = clampIndex(this.sync.confirmed.index, deck.slides.length);
    } catch (error) {
      if (id !== this.deckId) return;
      this.showProblem(error);
    }
  }

  private showProblem(error: unknown): void {
    const apiError = error instanceof ApiError ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    if (apiError?.status === 401) {
      forgetPresenterKey(this.deckId);
      this.problem = {
        title: 'This presenter key does not work',
        message: `${message} Nothing was changed. Open the remote link you got when the deck was created.`,
        retry: false,
      };
    } else if (apiError?.status === 404) {
      this.problem = { title: 'No such talk', message, retry: false };
    } else if (!this.deck) {
      this.problem = { title: 'Could not load the talk', message, retry: true };
    } else {
      this.showNotice(message);
    }
  }

  private showNotice(message: string): void {
    this.notice = message;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = ''), 5000);
  }

  /** Shows slide `index` at once and sends it to the server. */
  private go(index: number): void {
    const deck = this.deck;
    if (!deck || !this.sync || this.problem) return;
    const target = clampIndex(index, deck.slides.length);
    if (target === this.shownIndex) return;
    this.shownIndex = target;
    this.sync.request(target);
    this.wakeLock.retry();
    if ('vibrate' in navigator && navigator.userActivation?.hasBeenActive !== false) navigator.vibrate(12);
    this.dispatchEvent(podiumEvent('podium-slide-change', { index: target, live: true }));
  }

  private handleSettled(outcome: SyncOutcome): void {
    const count = this.deck?.slides.length ?? 0;
    this.shownIndex = clampIndex(outcome.state.index, count);
    if (outcome.kind === 'conflict') {
      this.showNotice(`Another remote moved the talk. Now on slide ${outcome.state.index + 1}.`);
    } else if (outcome.kind === 'failed') {
      if (outcome.error.status === 422) void this.loadDeck();
      this.showProblem(outcome.error);
    }
  }

  private handleSlideEvent(event: SlideEventData): void {
    const sync = this.sync;
    if (!sync || !this.deck) return;
    if (event.count !== undefined && event.count !== this.deck.slides.length) void this.loadDeck();
    sync.observe(event);
    if (!sync.pending) this.shownIndex = clampIndex(sync.confirmed.index, this.deck.slides.length);
  }

  private handleKey(event: KeyboardEvent): boolean {
    if (this.grid?.isOpen || !this.deck) return false;
    const target = slideKeyTarget(event, this.shownIndex, this.deck.slides.length);
    if (target !== null) {
      this.go(target);
      return true;
    }
    if (event.key !== 'g' && event.key !== 'G') return false;
    this.handleGridOpen();
    return true;
  }

  private handlePrevious(): void {
    this.go(this.shownIndex - 1);
  }

  private handleNext(): void {
    this.go(this.shownIndex + 1);
  }

  private handleGridOpen(): void {
    void this.grid?.show();
  }

  private handleSlideSelect(event: CustomEvent<SlideSelectDetail>): void {
    this.go(event.detail.index);
  }

  private handleTimerReset(): void {
    this.timerStart = timerStart(this.deckId, true);
  }

  private handleRetry(): void {
    this.problem = null;
    void this.loadDeck();
  }

  private renderProblem(problem: Problem) {
    return html`<div class="problem" role="alert">
      <h1>${problem.title}</h1>
      <p>${problem.message}</p>
      ${problem.retry ? html`<button class="primary" @click=${this.handleRetry}>Try again</button>` : nothing}
      ${this.deckId ? html`<p><a href=${audiencePath(this.deckId)}>Open the audience view instead</a></p>` : nothing}
    </div>`;
  }

  override render() {
    if (this.problem) return this.renderProblem(this.problem);
    const deck = this.deck;
    if (!deck) return html`<div class="problem"><p>Loading the talk…</p></div>`;
    const count = deck.slides.length;
    const index = this.shownIndex;
    const current = deck.slides[index]?.html ?? '';
    const next = deck.slides[index + 1]?.html;
    const notes = deck.notes[index]?.trim() ?? '';
    return html`
      <header class="bar">
        <h1 class="title">${deck.title}</h1>
        <podium-connection-status .status=${this.stream.status}></podium-connection-status>
        <podium-pair-device deck-id=${this.deckId} .presenterKey=${this.key ?? ''}></podium-pair-device>
        <button class="icon" aria-label="All slides" title="All slides (G)" @click=${this.handleGridOpen}>
          ${gridIcon}
        </button>
      </header>
      <podium-slide class="current" .html=${current} label="Current slide, ${index + 1} of ${count}"
        >This slide is empty.</podium-slide
      >
      <section class="next" aria-label="Up next">
        <span class="label" aria-hidden="true">Next</span>
        ${
          next === undefined
            ? html`<div class="end">End of the deck</div>`
            : html`<podium-slide preview .html=${next}></podium-slide>`
        }
      </section>
      <section class="info">
        <p class="position">Slide <strong>${index + 1}</strong> of ${count}</p>
        <podium-timer .start=${this.timerStart} @podium-timer-reset=${this.handleTimerReset}></podium-timer>
      </section>
      <section class="notes" aria-label="Speaker notes" tabindex="0">
        ${
          notes
            ? noteBlocks(notes).map((block) => html`<p>${block}</p>`)
            : html`<p class="empty">No notes for this slide.</p>`
        }
      </section>
      <div class="controls" role="group" aria-label="Slide controls">
        <button
          class="previous"
          aria-label="Previous slide"
          aria-disabled=${index === 0 ? 'true' : 'false'}
          @click=${this.handlePrevious}
        >
          ${chevronLeft}<span aria-hidden="true">Back</span>
        </button>
        <button
          class="next-button primary"
          aria-label="Next slide"
          aria-disabled=${index >= count - 1 ? 'true' : 'false'}
          @click=${this.handleNext}
        >
          <span aria-hidden="true">Next</span>${chevronRight}
        </button>
      </div>
      <div class="notice" role="status">${this.notice}</div>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        ${slideAnnouncement(index, count, current)}
      </div>
      <podium-slide-grid
        .slides=${deck.slides}
        .current=${index}
        @podium-slide-select=${this.handleSlideSelect}
      ></podium-slide-grid>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-remote': PodiumRemote;
  }
}
