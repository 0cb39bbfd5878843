import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AudienceResponse } from '../../shared/room-protocol.js';
import { fetchAudience } from '../api/room-api.js';

/** How often the remote asks for the audience counts, in ms (the server's are at most 5 s old). Default 5000. */
export const AUDIENCE_POLL_MS = 5000;

/**
 * The presenter's view of the room: `GET /api/decks/:id/audience` every `pollMs` while the page
 * is visible (and once at once when it shows again), with the presenter key. The host
 * re-renders on every new answer; a failed poll keeps the last answer.
 */
export class AudiencePollController implements ReactiveController {
  /** The latest counts; null before the first answer. */
  audience: AudienceResponse | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Deck id and key to ask with; null while there is none. */
    private readonly target: () => { deckId: string; key: string } | null,
    private readonly pollMs = AUDIENCE_POLL_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.handleVisibility);
    this.start();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.handleVisibility);
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Asks now (e.g. once the deck and key are known). */
  refresh(): void {
    void this.poll();
  }

  private start(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    void this.poll();
  }

  private readonly handleVisibility = (): void => {
    if (document.visibilityState === 'visible') this.start();
    else clearInterval(this.timer);
  };

  private async poll(): Promise<void> {
    const target = this.target();
    if (!target || document.visibilityState === 'hidden') return;
    try {
      const audience = await fetchAudience(target.deckId, target.key);
      if (this.target()?.deckId !== target.deckId) return;
      this.audience = audience;
      this.host.requestUpdate();
    } catch {
      // The next poll tries again; the radar keeps the last counts meanwhile.
    }
  }
}
