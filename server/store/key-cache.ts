/** One live key of a deck as the cache holds it: its id and its SHA-256 hash. */
export interface CachedKey {
  id: string;
  hash: Buffer;
}

/** Options of the cache. */
export interface KeyCacheOptions {
  /** Longest an entry is trusted, in ms, even without a change notification. Default 30000. */
  ttlMs: number;
  /** Most decks held; the oldest entry goes first. Default 10000. */
  maxDecks: number;
}

/** Defaults of the key cache. */
export const DEFAULT_KEY_CACHE_OPTIONS: KeyCacheOptions = { ttlMs: 30_000, maxDecks: 10_000 };

/**
 * The live key hashes of recently used decks, so a slide change costs one query, not two.
 * It is only trusted while `isFresh()` says change notifications are flowing (the LISTEN
 * connection is up); every key change NOTIFYs and `invalidate`s its deck, and a reconnect
 * `clear`s everything. A read that raced with an invalidation is never stored.
 */
export class KeyCache {
  private readonly entries = new Map<string, { keys: CachedKey[]; storedAt: number }>();
  private generation = 0;
  private readonly deckGenerations = new Map<string, number>();

  constructor(
    private readonly isFresh: () => boolean,
    private readonly options: KeyCacheOptions = DEFAULT_KEY_CACHE_OPTIONS,
  ) {}

  /** The cached keys of `deckId`, or undefined when absent, expired, or notifications are not flowing. */
  get(deckId: string): CachedKey[] | undefined {
    if (!this.isFresh()) return undefined;
    const entry = this.entries.get(deckId);
    if (!entry) return undefined;
    if (performance.now() - entry.storedAt > this.options.ttlMs) {
      this.entries.delete(deckId);
      return undefined;
    }
    return entry.keys;
  }

  /** A token to pass to `set`: taken before the read, it proves no invalidation happened meanwhile. */
  token(deckId: string): string {
    return `${this.generation}:${this.deckGenerations.get(deckId) ?? 0}`;
  }

  /** Stores keys read from the database, unless `deckId` was invalidated since `token` was taken. */
  set(deckId: string, keys: CachedKey[], token: string): void {
    if (!this.isFresh() || token !== this.token(deckId)) return;
    if (this.entries.size >= this.options.maxDecks) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(deckId);
    this.entries.set(deckId, { keys, storedAt: performance.now() });
  }

  /** Forgets `deckId` (its keys changed). */
  invalidate(deckId: string): void {
    this.entries.delete(deckId);
    this.deckGenerations.set(deckId, (this.deckGenerations.get(deckId) ?? 0) + 1);
    // Generations only need to differ while a read is in flight; keep the map small.
    if (this.deckGenerations.size > this.options.maxDecks) {
      this.deckGenerations.clear();
      this.generation += 1;
    }
  }

  /** Forgets everything (notifications may have been missed). */
  clear(): void {
    this.entries.clear();
    this.generation += 1;
  }
}
