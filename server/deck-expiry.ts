import type { Logger } from 'pino';
import type { AdmissionStore } from './store/admission-store.js';
import type { DeckRemoval } from './store/deck-removal.js';

/** How often the sweep runs: hourly. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** What the sweep cleans: decks and their files, and the creation costs that no longer count. */
export interface SweptStores {
  removal: DeckRemoval;
  admission: AdmissionStore;
}

/**
 * One sweep: deletes decks idle for `ttlDays` (0: none; decks served from a file are exempt),
 * frees the files no deck links to any more (after deletions, expiry, re-imports) and forgets
 * creation costs older than a day.
 */
export async function sweepOnce(stores: SweptStores, ttlDays: number, logger: Logger): Promise<void> {
  const ids = ttlDays > 0 ? await stores.removal.expireIdle(ttlDays) : [];
  if (ids.length > 0) logger.info({ decks: ids.length, ttlDays }, 'deleted idle decks');
  const freed = await stores.removal.freeOrphanAssets();
  if (freed.files > 0) logger.info(freed, 'freed files no deck uses');
  await stores.admission.forgetOld();
}

/**
 * Runs sweepOnce now and every hour (PODIUM_DECK_TTL_DAYS, default 30, sets the idle time).
 * Returns a function that stops the sweep.
 */
export function startExpirySweep(stores: SweptStores, ttlDays: number, logger: Logger): () => void {
  const sweep = async () => {
    try {
      await sweepOnce(stores, ttlDays, logger);
    } catch (err) {
      logger.warn({ err }, 'sweeping idle decks and unused files failed; trying again later');
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
