import type { Logger } from 'pino';
import type { DeckRemoval } from './store/deck-removal.js';

/** How often idle decks are swept: hourly. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Deletes decks idle for `ttlDays` (PODIUM_DECK_TTL_DAYS, default 30; 0 turns expiry off) now and
 * every hour; decks served from a file are exempt. Returns a function that stops the sweep.
 */
export function startExpirySweep(removal: DeckRemoval, ttlDays: number, logger: Logger): () => void {
  if (ttlDays <= 0) return () => undefined;
  const sweep = async () => {
    try {
      const ids = await removal.expireIdle(ttlDays);
      if (ids.length > 0) logger.info({ decks: ids.length, ttlDays }, 'deleted idle decks');
    } catch (err) {
      logger.warn({ err }, 'sweeping idle decks failed; trying again later');
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
