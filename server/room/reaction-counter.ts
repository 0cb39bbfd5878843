import type { Logger } from 'pino';
import type { ReactionName } from '../../shared/room-protocol.js';
import type { ReactionStore } from '../store/reaction-store.js';

/** How often taps are flushed to the database, in ms. Default 500: at most twice a second per deck. */
export const REACTION_FLUSH_MS = 500;

/**
 * Counts this process's reaction taps in memory per deck and flushes them every `flushMs`
 * (default REACTION_FLUSH_MS) as one upsert and one NOTIFY per deck (ReactionStore.add), so
 * database writes depend on the number of processes and decks, never on the audience size.
 * A flush that fails keeps its taps for the next one.
 */
export class ReactionCounter {
  private pending = new Map<string, Map<ReactionName, number>>();
  private flushing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: ReactionStore,
    private readonly logger: Logger,
    flushMs = REACTION_FLUSH_MS,
  ) {
    this.timer = setInterval(() => void this.flush(), flushMs);
    this.timer.unref();
  }

  /** Counts one tap of `name` on the deck; it reaches the database with the next flush. */
  tap(deckId: string, name: ReactionName): void {
    let names = this.pending.get(deckId);
    if (!names) {
      names = new Map();
      this.pending.set(deckId, names);
    }
    names.set(name, (names.get(name) ?? 0) + 1);
  }

  /** Writes the taps counted so far (one flush at a time; a call during one waits for it). */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.pending.size === 0) return Promise.resolve();
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.write(batch).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    await this.flush();
  }

  private async write(batch: Map<string, Map<ReactionName, number>>): Promise<void> {
    await Promise.all(
      [...batch].map(async ([deckId, names]) => {
        try {
          await this.store.add(deckId, names);
        } catch (err) {
          this.logger.warn({ err, deckId }, 'reactions flush failed; keeping the taps for the next one');
          for (const [name, count] of names) {
            const kept = this.pending.get(deckId) ?? new Map<ReactionName, number>();
            kept.set(name, (kept.get(name) ?? 0) + count);
            this.pending.set(deckId, kept);
          }
        }
      }),
    );
  }
}
