import type { Logger } from 'pino';
import { PRESENTER_OFFLINE_MS } from '../../shared/room-protocol.js';
import type { Hub } from '../hub/hub.js';
import { presenterKind } from '../hub/kinds/presenter-kind.js';
import type { PresenterSeenStore } from '../store/presenter-seen-store.js';
import { PRESENCE_REFRESH_MS } from './presence-publisher.js';

/**
 * Whether each deck's presenter is online, for its audience on every process. Every
 * `refreshMs` (default PRESENCE_REFRESH_MS) this process marks the decks whose remote streams
 * it holds as seen (one write), reads when the decks its audience follows last had a remote
 * (one read), and offers each deck's verdict as a `presenter` event: offline once no remote
 * has been connected for `offlineMs` (default PRESENTER_OFFLINE_MS, 20 s), and not before the
 * deck has been watched here that long. The same verdict is offered every round, so a stream
 * opened meanwhile gets it; a stream that has it already is not written to again.
 */
export class PresenterWatch {
  /** When this process began to watch each deck (its first audience stream). */
  private readonly watchedSince = new Map<string, number>();
  /** The last verdict per deck, with its version. */
  private readonly verdicts = new Map<string, { online: boolean; version: number }>();
  private version = 0;
  private readonly timer: NodeJS.Timeout;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly store: PresenterSeenStore,
    private readonly hub: Hub,
    private readonly logger: Logger,
    refreshMs = PRESENCE_REFRESH_MS,
    private readonly offlineMs = PRESENTER_OFFLINE_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.timer = setInterval(() => void this.check(), refreshMs);
    this.timer.unref();
  }

  /** A remote of `deckId` just opened its stream here: marked seen at once, and this process's audience told. */
  remoteConnected(deckId: string): void {
    this.store.touch([deckId]).catch((err: unknown) => {
      this.logger.warn({ err, deckId }, 'could not mark the presenter online; retrying on the next refresh');
    });
    this.offer(deckId, true);
  }

  /** One round: mark this process's remotes seen, then judge every deck its audience follows (one round at a time). */
  check(): Promise<void> {
    this.checking ??= this.round()
      .catch((err: unknown) => {
        this.logger.warn({ err }, 'checking whether presenters are online failed; retrying on the next refresh');
      })
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  /** Stops the timer and waits for a round under way (before the database closes). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  private async round(): Promise<void> {
    await this.store.touch(this.hub.remoteDeckIds());
    const followed = this.hub.audienceDeckIds();
    const now = this.now();
    for (const deckId of this.watchedSince.keys()) {
      if (this.hub.streamCount(deckId) === 0) {
        this.watchedSince.delete(deckId);
        this.verdicts.delete(deckId);
      }
    }
    if (followed.length === 0) return;
    const ages = await this.store.ages(followed);
    for (const deckId of followed) {
      const since = this.watchedSince.get(deckId) ?? now;
      this.watchedSince.set(deckId, since);
      const online =
        this.hub.remoteCount(deckId) > 0 ||
        (ages.get(deckId) ?? Infinity) < this.offlineMs ||
        now - since < this.offlineMs;
      this.offer(deckId, online);
    }
  }

  /** Offers the deck's verdict to its streams; a new version only when it changed. */
  private offer(deckId: string, online: boolean): void {
    let verdict = this.verdicts.get(deckId);
    if (verdict?.online !== online) {
      this.version += 1;
      verdict = { online, version: this.version };
      this.verdicts.set(deckId, verdict);
    }
    this.hub.broadcast(presenterKind, deckId, verdict);
  }
}
