/** How long a "browsing" report counts unless renewed, in ms. Default 60000: a page re-reports while it browses. */
export const BROWSING_TTL_MS = 60_000;

/** Most browsing viewers remembered per deck; reports past it are not counted. */
const MAX_PER_DECK = 50_000;

/**
 * Which viewers of each deck said they are browsing away from the live slide (POST
 * .../presence `{"live": false}`), by their anonymous id, each until `{"live": true}` or until
 * BROWSING_TTL_MS passes without a renewal. In memory, per process.
 */
export class BrowsingReports {
  private readonly decks = new Map<string, Map<string, number>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records that `viewerId` is on the live slide (`live`) or browsing. */
  report(deckId: string, viewerId: string, live: boolean): void {
    let viewers = this.decks.get(deckId);
    if (live) {
      viewers?.delete(viewerId);
      if (viewers?.size === 0) this.decks.delete(deckId);
      return;
    }
    if (!viewers) {
      viewers = new Map();
      this.decks.set(deckId, viewers);
    }
    if (viewers.size < MAX_PER_DECK || viewers.has(viewerId)) viewers.set(viewerId, this.now() + BROWSING_TTL_MS);
  }

  /** Viewers of the deck browsing right now (expired reports are forgotten). */
  count(deckId: string): number {
    const viewers = this.decks.get(deckId);
    if (!viewers) return 0;
    const now = this.now();
    for (const [viewerId, until] of viewers) if (until <= now) viewers.delete(viewerId);
    if (viewers.size === 0) this.decks.delete(deckId);
    return viewers.size;
  }

  /** Decks with at least one browsing report. */
  deckIds(): string[] {
    return [...this.decks.keys()];
  }
}
