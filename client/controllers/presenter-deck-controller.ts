import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PresenterDeck, SlideEventData } from '../../shared/protocol.js';
import { fetchPresenterDeck, putSlide } from '../api/deck-api.js';
import { ApiError } from '../api/request.js';
import { forgetPresenterKey, takePresenterKey } from '../state/presenter-key.js';
import { SlideSync, type SyncOutcome } from '../state/slide-sync.js';
import { clampIndex } from '../utils/slide-text.js';

/** A reason the remote cannot drive the deck, shown instead of the controls. */
export interface Problem {
  title: string;
  message: string;
  retry: boolean;
}

/** How long a notice (a conflict, a failed save) stays on screen. */
const NOTICE_MS = 5000;

/**
 * The presenter's deck on the remote: takes the presenter key, loads the deck with its
 * notes, moves the shown slide at once and sends it through SlideSync (compare-and-set),
 * follows the stream, and turns failures into a `problem` (the remote cannot go on) or a
 * `notice` (shown for 5 s). The host re-renders on every change.
 */
export class PresenterDeckController implements ReactiveController {
  /** The deck with speaker notes; null until loaded. */
  deck: PresenterDeck | null = null;
  /** The slide this remote shows: its own choice at once, else the server's. */
  shownIndex = 0;
  /** Why the remote cannot drive the deck; null when it can. */
  problem: Problem | null = null;
  /** A passing message; '' when none. */
  notice = '';
  /** The presenter key of this device; null without one. */
  key: string | null = null;

  private deckId = '';
  private sync: SlideSync | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.noticeTimer);
  }

  /** Starts over for deck `deckId` ('' loads nothing). */
  open(deckId: string): void {
    this.deckId = deckId;
    this.deck = null;
    this.sync = null;
    this.problem = null;
    if (!deckId) return;
    this.key = takePresenterKey(deckId);
    if (this.key) void this.load();
    else
      this.problem = {
        title: 'This remote needs its presenter link',
        message:
          'Open the remote link you got when the deck was created (it ends in #key=…). ' +
          'The key is kept on this device after the first visit.',
        retry: false,
      };
  }

  /** Loads the deck again after a problem that offers a retry. */
  retry(): void {
    this.problem = null;
    this.host.requestUpdate();
    void this.load();
  }

  /** Shows slide `index` (clamped) at once and sends it to the server; false when nothing moved. */
  go(index: number): boolean {
    const deck = this.deck;
    if (!deck || !this.sync || this.problem) return false;
    const target = clampIndex(index, deck.slides.length);
    if (target === this.shownIndex) return false;
    this.shownIndex = target;
    this.sync.request(target);
    this.host.requestUpdate();
    return true;
  }

  /** A `slide` event from the stream: a new count means the deck was edited, so it loads again. */
  observe(event: SlideEventData): void {
    const sync = this.sync;
    if (!sync || !this.deck) return;
    if (event.count !== undefined && event.count !== this.deck.slides.length) void this.load();
    sync.observe(event);
    if (!sync.pending) this.shownIndex = clampIndex(sync.confirmed.index, this.deck.slides.length);
    this.host.requestUpdate();
  }

  /** Fetches the presenter deck again (after an edit of the deck, or a failed change). */
  async load(): Promise<void> {
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
    this.host.requestUpdate();
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
    this.noticeTimer = setTimeout(() => {
      this.notice = '';
      this.host.requestUpdate();
    }, NOTICE_MS);
  }

  private handleSettled(outcome: SyncOutcome): void {
    const count = this.deck?.slides.length ?? 0;
    this.shownIndex = clampIndex(outcome.state.index, count);
    if (outcome.kind === 'conflict') {
      this.showNotice(`Another remote moved the talk. Now on slide ${outcome.state.index + 1}.`);
    } else if (outcome.kind === 'failed') {
      // 503 unavailable or outcome_unknown: the change may have landed; show what the server holds.
      if (outcome.error.status === 422 || outcome.error.status === 503) void this.load();
      this.showProblem(outcome.error);
    }
    this.host.requestUpdate();
  }
}
