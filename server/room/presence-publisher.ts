import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Hub } from '../hub/hub.js';
import type { PresenceCounts, PresenceStore } from '../store/presence-store.js';
import { BrowsingReports } from './browsing-reports.js';

/** How often a process publishes its counts, in ms. Default 2000. */
export const PRESENCE_REFRESH_MS = 2000;

/** Rows older than this are ignored (their process stopped refreshing them: it died). Default 6000 ms. */
export const PRESENCE_EXPIRY_MS = 6000;

/**
 * This process's audience per deck (its open streams in the hub), published to the database
 * every `refreshMs` (default PRESENCE_REFRESH_MS) in one statement, whatever the audience size,
 * and removed on a clean stop. A viewer is live unless it reported browsing (see BrowsingReports);
 * a report may reach another process than its stream, so browsing is capped by viewers in the totals.
 */
export class PresencePublisher {
  /** This process's id in `deck_presence`. */
  readonly processId = randomUUID();
  /** Viewers of this process's requests that said they are browsing. */
  readonly browsing = new BrowsingReports();
  private readonly timer: NodeJS.Timeout;
  private published = false;
  private publishing: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly store: PresenceStore,
    private readonly hub: Hub,
    private readonly logger: Logger,
    refreshMs = PRESENCE_REFRESH_MS,
  ) {
    this.timer = setInterval(() => void this.publish(), refreshMs);
    this.timer.unref();
  }

  /** This process's counts of the deck, from memory. */
  local(deckId: string): PresenceCounts {
    const viewers = this.hub.streamCount(deckId);
    const browsing = this.browsing.count(deckId);
    return { viewers, live: Math.max(0, viewers - browsing), browsing };
  }

  /** The deck's counts over every process: this one's from memory, the others' from rows under PRESENCE_EXPIRY_MS old. */
  async audience(deckId: string): Promise<PresenceCounts> {
    const others = await this.store.others(deckId, this.processId, PRESENCE_EXPIRY_MS);
    const mine = this.local(deckId);
    const viewers = mine.viewers + others.viewers;
    const browsing = Math.min(viewers, mine.browsing + others.browsing);
    return { viewers, live: viewers - browsing, browsing };
  }

  /** Writes this process's counts now (skipped while one write is under way, after close, or when there was and is nothing). */
  publish(): Promise<void> {
    const ids = [...new Set([...this.hub.deckIds(), ...this.browsing.deckIds()])];
    if (this.publishing) return this.publishing;
    if (this.closed || (ids.length === 0 && !this.published)) return Promise.resolve();
    const counts = new Map(ids.map((id) => [id, this.local(id)]));
    this.publishing = this.store
      .publish(this.processId, counts)
      .then(
        () => {
          this.published = ids.length > 0;
        },
        (err: unknown) => {
          this.logger.warn({ err }, 'publishing the audience counts failed; retrying on the next refresh');
        },
      )
      .finally(() => {
        this.publishing = null;
      });
    return this.publishing;
  }

  /** Stops publishing and removes this process's rows (a clean stop). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.closed = true;
    // A write under way must land before the delete, or it would leave a row behind.
    await this.publishing;
    await this.store.remove(this.processId).catch((err: unknown) => {
      this.logger.warn({ err }, 'could not remove the audience counts on stop; they expire by themselves');
    });
  }
}
