import type { SlideEventData } from '../../shared/protocol.js';

/** Answers single-deck reads in batches (BatchLoader's surface). */
export interface StateReader {
  /** Resolves with the deck's current state, or null when there is no such deck. */
  load(deckId: string): Promise<SlideEventData | null>;
  /**
   * Takes a state this process just committed (a slide change's answer), so a stream opened
   * right after it starts there, before the change's own notification comes back. Optional.
   */
  remember?(deckId: string, state: SlideEventData): void;
  /** Drops what is known of a deck this process just deleted. Optional. */
  forget?(deckId: string): void;
}

/** How the cache learns whether the LISTEN feed is up and which decks are being followed. */
export interface StateCacheOptions {
  /** True while the LISTEN connection is up; the cache is bypassed otherwise. */
  connected: () => boolean;
  /** True while a deck has open streams; such entries are never evicted. */
  followed: (deckId: string) => boolean;
  /** Most decks kept (least recently used go first, followed decks never). Default 10,000. */
  maxDecks?: number;
}

/**
 * The latest slide state of recently used decks, kept up to date by the LISTEN feed, so a new
 * stream's first state needs no database read. Sound because an entry only ever moves to a
 * newer version, every change is NOTIFYed, and the feed calls `clear()` on every (re)connect
 * (changes may have been missed while it was down). While the listener is down the cache is
 * bypassed and reads go to `reader` (batched); a read that began in an older generation (before
 * a clear) is not kept. Register the stream before calling `load`: a change that lands after
 * the answer still reaches the stream through the hub.
 */
export class StateCache implements StateReader {
  private readonly entries = new Map<string, SlideEventData>();
  private generation = 0;
  private readonly maxDecks: number;

  constructor(
    private readonly reader: StateReader,
    private readonly options: StateCacheOptions,
  ) {
    this.maxDecks = options.maxDecks ?? 10_000;
  }

  /** Decks held now. */
  get size(): number {
    return this.entries.size;
  }

  /** The deck's state from memory when the feed is up and knows it; otherwise read (and remembered). */
  async load(deckId: string): Promise<SlideEventData | null> {
    if (!this.options.connected()) return this.reader.load(deckId);
    const hit = this.entries.get(deckId);
    if (hit) {
      // Most recently used last, so eviction takes the oldest first.
      this.entries.delete(deckId);
      this.entries.set(deckId, hit);
      return hit;
    }
    const generation = this.generation;
    const state = await this.reader.load(deckId);
    if (state && generation === this.generation && this.options.connected()) this.remember(deckId, state);
    return state;
  }

  /** Takes a state the feed delivered (or a fresh read after reconnect); older versions than held are ignored. */
  remember(deckId: string, state: SlideEventData): void {
    const held = this.entries.get(deckId);
    if (held && held.version >= state.version) return;
    this.entries.delete(deckId);
    this.entries.set(deckId, state);
    if (this.entries.size > this.maxDecks) this.evict();
  }

  /** Forgets one deck (it was deleted); a read already in flight is not kept. */
  forget(deckId: string): void {
    this.entries.delete(deckId);
    this.generation += 1;
  }

  /** Forgets everything; the feed calls this on every (re)connect. Reads already in flight are not kept. */
  clear(): void {
    this.entries.clear();
    this.generation += 1;
  }

  private evict(): void {
    for (const deckId of this.entries.keys()) {
      if (this.entries.size <= this.maxDecks) return;
      if (!this.options.followed(deckId)) this.entries.delete(deckId);
    }
  }
}
