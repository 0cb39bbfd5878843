import { pollsInHtml } from '../deck/poll-fence.js';
import type { DeckStore } from '../store/deck-store.js';
import type { StoredPoll } from '../store/poll-store.js';

/** Most polls remembered per process before the memory is cleared. */
const MAX_REMEMBERED = 10_000;

/**
 * Finds a deck's poll by id: from memory, else as stored, else in the deck's slides (then it
 * is stored, on its first vote). Null when the deck or the poll does not exist.
 */
export class PollCatalog {
  private readonly known = new Map<string, StoredPoll>();

  constructor(private readonly store: DeckStore) {}

  /** The poll `pollId` of deck `deckId`, or null. */
  async find(deckId: string, pollId: string): Promise<StoredPoll | null> {
    const key = `${deckId}/${pollId}`;
    const remembered = this.known.get(key);
    if (remembered) return remembered;
    const poll = (await this.store.polls.get(deckId, pollId)) ?? (await this.fromDeck(deckId, pollId));
    if (!poll) return null;
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    this.known.set(key, poll);
    return poll;
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
