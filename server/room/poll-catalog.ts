import { pollsInHtml } from '../deck/poll-fence.js';
import type { DeckStore } from '../store/deck-store.js';
import type { StoredPoll } from '../store/poll-store.js';

/** Most polls remembered per process before the memory is cleared. */
const MAX_REMEMBERED = 10_000;

/** How long a stored poll is trusted from memory, in ms (default 1000): a poll closed on another process is seen closed within it. */
export const POLL_STATE_TTL_MS = 1000;

/**
 * Finds a deck's poll by id: from memory, else as stored, else in the deck's slides (then it
 * is stored, on its first vote). Null when the deck or the poll does not exist.
 */
export class PollCatalog {
  private readonly known = new Map<string, { poll: StoredPoll; until: number }>();
  /** Reads under way, by key, so a burst of votes after the memory expired costs one read. */
  private readonly reading = new Map<string, Promise<StoredPoll | null>>();

  constructor(
    private readonly store: DeckStore,
    private readonly ttlMs = POLL_STATE_TTL_MS,
  ) {}

  /** The poll `pollId` of deck `deckId`, or null. Concurrent lookups of one poll share one read. */
  find(deckId: string, pollId: string): Promise<StoredPoll | null> {
    const key = `${deckId}/${pollId}`;
    const remembered = this.known.get(key);
    if (remembered && remembered.until > Date.now()) return Promise.resolve(remembered.poll);
    let reading = this.reading.get(key);
    if (!reading) {
      reading = this.read(key, deckId, pollId).finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    return reading;
  }

  private async read(key: string, deckId: string, pollId: string): Promise<StoredPoll | null> {
    const poll = (await this.store.polls.get(deckId, pollId)) ?? (await this.fromDeck(deckId, pollId));
    if (!poll) return null;
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    this.known.set(key, { poll, until: Date.now() + this.ttlMs });
    return poll;
  }

  /** Takes a poll's new state from a change made on this process. */
  update(deckId: string, pollId: string, open: boolean): void {
    const entry = this.known.get(`${deckId}/${pollId}`);
    if (entry) entry.poll = { ...entry.poll, open };
  }

  /** Forgets a deck's polls (its content changed or it was deleted). */
  forget(deckId: string): void {
    for (const key of this.known.keys()) if (key.startsWith(`${deckId}/`)) this.known.delete(key);
  }

  private async fromDeck(deckId: string, pollId: string): Promise<StoredPoll | null> {
    const deck = await this.store.getDeck(deckId);
    if (!deck) return null;
    const found = deck.slides.flatMap((slide) => pollsInHtml(slide.html)).find((poll) => poll.id === pollId);
    if (!found || found.options.length === 0) return null;
    return this.store.polls.ensure(deckId, pollId, { question: found.question, options: found.options });
  }
}
