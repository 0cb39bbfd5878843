import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  ClockResponse,
  PresenterDeck,
  RoomSettings,
  RoomSettingsResponse,
  SlideEventData,
  SlideState,
  TalkClock,
} from '../../shared/protocol.js';
import { fetchPresenterDeck, putSlide } from '../api/deck-api.js';
import { ApiError } from '../api/request.js';
import { exchangePairingLink } from '../api/pairing-api.js';
import {
  forgetPresenterKey,
  newDeviceKey,
  savedPresenterKey,
  savePresenterKey,
  takePairingLink,
} from '../state/presenter-key.js';
import { SlideSync, type SyncOutcome } from '../state/slide-sync.js';
import { clampPosition, samePosition, stepBack, stepForward, type SlidePosition } from '../state/step-walk.js';
import { NO_CLOCK } from '../state/talk-clock.js';
import { deckSettings, eventSettings } from '../state/room-settings.js';

/** A reason the remote cannot drive the deck, shown instead of the controls. */
export interface Problem {
  title: string;
  message: string;
  retry: boolean;
}

/** How long a notice (a conflict, a failed save) stays on screen. */
const NOTICE_MS = 5000;

/** A pairing link being exchanged: its key, and the device key offered for it (reused on retry). */
interface Pairing {
  link: string;
  deviceKey: string;
  /** The key this device held for the deck before, kept if the link turns out spent. */
  previous: string | null;
}

/** What to do with a remote that holds no key at all. */
const NO_KEY: Problem = {
  title: 'This remote needs a pairing link',
  message:
    'Open a remote link (it ends in #key=…): the one npm start printed, the presenter QR code of the start page, ' +
    'or a new code from “Pair another device” on a paired remote. Each link pairs one device, which keeps its own key.',
  retry: false,
};

/**
 * The presenter's deck on the remote: takes the presenter key, loads the deck with its
 * notes, moves the shown slide at once and sends it through SlideSync (compare-and-set),
 * follows the stream, and turns failures into a `problem` (the remote cannot go on) or a
 * `notice` (shown for 5 s). The host re-renders on every change.
 */
export class PresenterDeckController implements ReactiveController {
  /** The deck with speaker notes; null until loaded. */
  deck: PresenterDeck | null = null;
  /** The slide and step this remote shows: its own choice at once, else the server's. */
  shown: SlidePosition = { index: 0, step: 0 };
  /** Why the remote cannot drive the deck; null when it can. */
  problem: Problem | null = null;
  /** A passing message; '' when none. */
  notice = '';
  /** The presenter key of this device; null without one. */
  key: string | null = null;
  /** The talk clock as of the newest state seen (the server keeps it; every presenter screen shows it). */
  clock: TalkClock = NO_CLOCK;
  /** The room settings as of the newest state seen (whichever presenter screen changed them). */
  settings: RoomSettings = { browse: 'free', bursts: true };

  private deckId = '';
  private pairing: Pairing | null = null;
  private sync: SlideSync | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private clockVersion = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.noticeTimer);
  }

  /**
   * Starts over for deck `deckId` ('' loads nothing): a pairing link in the URL is exchanged for
   * a new device key first; else the device key saved by an earlier visit is used.
   */
  open(deckId: string): void {
    this.deckId = deckId;
    this.deck = null;
    this.sync = null;
    this.problem = null;
    this.pairing = null;
    this.clock = NO_CLOCK;
    this.clockVersion = 0;
    if (!deckId) return;
    const link = takePairingLink();
    this.key = savedPresenterKey(deckId);
    if (link) {
      this.pairing = { link, deviceKey: newDeviceKey(), previous: this.key };
      void this.pair();
    } else if (this.key) void this.load();
    else this.problem = NO_KEY;
  }

  /** Loads the deck again (or finishes pairing) after a problem that offers a retry. */
  retry(): void {
    this.problem = null;
    this.host.requestUpdate();
    void (this.pairing ? this.pair() : this.load());
  }

  /**
   * Spends the pairing link for this device's own key. The device key is saved before asking,
   * so a page closed mid-way still holds the key the server may have taken; a retry after a
   * lost answer offers the same key and is accepted again.
   */
  private async pair(): Promise<void> {
    const id = this.deckId;
    const pairing = this.pairing;
    if (!pairing) return;
    savePresenterKey(id, pairing.deviceKey);
    try {
      const paired = await exchangePairingLink(id, pairing.link, pairing.deviceKey);
      if (id !== this.deckId) return;
      this.pairing = null;
      this.key = pairing.deviceKey;
      this.showNotice(`This device is paired as “${paired.label}”; the link is spent.`);
      await this.load();
    } catch (error) {
      if (id !== this.deckId) return;
      this.pairingRefused(pairing, error);
      this.host.requestUpdate();
    }
  }

  private pairingRefused(pairing: Pairing, error: unknown): void {
    const apiError = error instanceof ApiError ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    if (!apiError || apiError.status === 0 || apiError.status >= 500) {
      // The answer may have been lost after the server paired this key: keep it, offer a retry.
      this.problem = { title: 'Could not pair this device', message, retry: true };
      return;
    }
    this.pairing = null;
    if (pairing.previous) savePresenterKey(this.deckId, pairing.previous);
    else forgetPresenterKey(this.deckId);
    this.key = pairing.previous;
    if (pairing.previous && apiError.code === 'pairing_link_used') {
      // This device was paired before (maybe by this very link): it goes on with its own key.
      this.showNotice('That link was already used; this device stays paired with its own key.');
      void this.load();
      return;
    }
    const titles: Record<string, string> = {
      pairing_link_used: 'This pairing link was already used',
      not_a_pairing_link: 'This is not a pairing link',
      not_found: 'No such talk',
    };
    this.problem = { title: titles[apiError.code] ?? 'This pairing link does not work', message, retry: false };
  }

  /** The slide this remote shows (0-based). */
  get shownIndex(): number {
    return this.shown.index;
  }

  /** Shows slide `index` at `step` (default 0; both clamped) at once and sends it; false when nothing moved. */
  go(index: number, step = 0): boolean {
    const deck = this.deck;
    if (!deck || !this.sync || this.problem) return false;
    const target = clampPosition(deck.slides, { index, step });
    if (samePosition(target, this.shown)) return false;
    this.shown = target;
    this.sync.request(target);
    this.host.requestUpdate();
    return true;
  }

  /** Next: the next build of this slide, else the next slide at step 0; false at the end. */
  next(): boolean {
    const target = this.deck && stepForward(this.deck.slides, this.shown);
    return target ? this.go(target.index, target.step) : false;
  }

  /** Back: hides the last build shown, else the previous slide with every build; false at the start. */
  back(): boolean {
    const target = this.deck && stepBack(this.deck.slides, this.shown);
    return target ? this.go(target.index, target.step) : false;
  }

  /** A `slide` event from the stream: a new count means the deck was edited, so it loads again. */
  observe(event: SlideEventData): void {
    const sync = this.sync;
    if (!sync || !this.deck) return;
    if (event.count !== undefined && event.count !== this.deck.slides.length) void this.load();
    this.takeClock(event.version, event.clock ?? NO_CLOCK, eventSettings(event));
    sync.observe(event);
    if (!sync.pending) this.shown = clampPosition(this.deck.slides, sync.confirmed);
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
      this.takeClock(deck.version, deck.clock, deckSettings(deck));
      if (!this.sync) {
        this.sync = new SlideSync(
          deck,
          (target, version) => putSlide(id, key, target, version),
          (outcome) => this.handleSettled(outcome),
        );
      } else this.sync.observe(deck);
      if (!this.sync.pending) this.shown = clampPosition(deck.slides, this.sync.confirmed);
    } catch (error) {
      if (id !== this.deckId) return;
      this.showProblem(error);
    }
    this.host.requestUpdate();
  }

  /** The answer of a clock change this screen made (start, start over, target): position, version and clock. */
  adoptClock(answer: ClockResponse): void {
    this.adopt(answer, answer.clock, this.settings);
  }

  /** The answer of a room settings change this screen made: position, version and settings. */
  adoptSettings(answer: RoomSettingsResponse): void {
    this.adopt(answer, this.clock, { browse: answer.browse, bursts: answer.bursts });
  }

  private adopt(state: SlideState, clock: TalkClock, settings: RoomSettings): void {
    if (!this.sync || !this.deck) return;
    this.takeClock(state.version, clock, settings);
    this.sync.observe(state);
    if (!this.sync.pending) this.shown = clampPosition(this.deck.slides, this.sync.confirmed);
    this.host.requestUpdate();
  }

  /** Takes the clock and settings of `version` unless a newer one was seen. */
  private takeClock(version: number, clock: TalkClock, settings: RoomSettings): void {
    if (version < this.clockVersion) return;
    this.clockVersion = version;
    this.clock = clock;
    this.settings = settings;
  }

  private showProblem(error: unknown): void {
    const apiError = error instanceof ApiError ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    if (apiError?.status === 401) {
      forgetPresenterKey(this.deckId);
      this.problem = {
        title: 'This presenter key does not work',
        message: `${message} Nothing was changed. ${NO_KEY.message}`,
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
    this.shown = clampPosition(this.deck?.slides ?? [], outcome.state);
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
