import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CooldownError, reportPresence } from '../api/room-api.js';

/** Options of `PresenceController`; defaults suit the server's one-minute expiry of a browsing report. */
export interface PresenceOptions {
  /** The deck followed; '' reports nothing. */
  deckId: () => string;
  /** Quiet time before a change is reported, so paging through slides sends one report. Default 800 ms. */
  debounceMs?: number;
  /** While browsing, the report is sent again this often (the server forgets it after a minute). Default 30 s. */
  renewMs?: number;
}

/**
 * Tells the server whether this viewer is on the live slide or browsing back (POST
 * .../presence), so the presenter's radar can count both. The server counts every viewer as
 * live until told otherwise, so nothing is sent until the viewer first browses away; after
 * that, each change is reported once things settle, and "browsing" is renewed while it lasts.
 */
export class PresenceController implements ReactiveController {
  /** What the server was last told (true: live, its default). */
  private reported = true;
  private wanted = true;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: PresenceOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The viewer is now on the live slide (`live`) or browsing; reported after the debounce. */
  set(live: boolean): void {
    if (live === this.wanted) return;
    this.wanted = live;
    this.schedule(this.options.debounceMs ?? 800);
  }

  /** Starts over for another deck (the server's default, live, holds there). */
  reset(): void {
    this.hostDisconnected();
    this.reported = true;
    this.wanted = true;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), ms);
  }

  private async send(): Promise<void> {
    this.timer = undefined;
    const deckId = this.options.deckId();
    const live = this.wanted;
    if (!deckId || (live && this.reported)) return;
    const renewMs = this.options.renewMs ?? 30_000;
    try {
      await reportPresence(deckId, live);
      this.reported = live;
      if (this.wanted !== live) this.schedule(this.options.debounceMs ?? 800);
      else if (!live) this.schedule(renewMs);
    } catch (error) {
      // Not counted is no harm to the viewer; try again when the server allows, or at the next renewal.
      if (this.timer === undefined) this.schedule(error instanceof CooldownError ? error.retryAfterS * 1000 : renewMs);
    }
  }
}
