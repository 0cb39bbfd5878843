import type { Logger } from 'pino';
import type { SlideEventData, SlidePosition } from '../../shared/protocol.js';
import type { DeckStore } from '../store/deck-store.js';
import type { Hub } from './hub.js';

/**
 * Sends slide states to the hub; for a deck browsed `behind` whose change reached slides its
 * audience has not been sent, the event carries them (`reveal`), read once per change and
 * process. Per deck, events leave in the order they came, so a reveal that takes a read is
 * never overtaken by a later change. If the read fails, the event goes without them and
 * screens fetch the deck (its `reached` tells them they lack slides).
 */
export class RevealQueue {
  /** Decks with events waiting behind a read: the end of their chain. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly store: DeckStore,
    private readonly hub: Hub,
    private readonly logger: Logger,
  ) {}

  /** Broadcasts `state`; `before` is how far the deck had reached before it (behind decks only). */
  send(deckId: string, state: SlideEventData, before?: SlidePosition): void {
    const reached = state.reached;
    const reveals = reached !== undefined && before !== undefined && reached.index > before.index;
    const chain = this.chains.get(deckId);
    if (!chain && (!reveals || !this.hub.hasStreams(deckId))) {
      this.hub.broadcastSlide(deckId, state);
      return;
    }
    const next = (chain ?? Promise.resolve()).then(async () => {
      if (!reveals || !this.hub.hasStreams(deckId)) return this.hub.broadcastSlide(deckId, state);
      const first = before.index + 1;
      try {
        const slides = await this.store.getSlides(deckId, first, reached.index);
        this.hub.broadcastSlide(deckId, { ...state, reveal: { first, slides } });
      } catch (err) {
        this.logger.warn({ err, deckId }, 'could not read the slides a change revealed; screens will fetch the deck');
        this.hub.broadcastSlide(deckId, state);
      }
    });
    this.chains.set(deckId, next);
    void next.finally(() => {
      if (this.chains.get(deckId) === next) this.chains.delete(deckId);
    });
  }
}
