import type { Logger } from 'pino';
import type { AdmissionStore } from './store/admission-store.js';
import type { DeckRemoval } from './store/deck-removal.js';
import type { HistoryStore } from './store/history-store.js';

/** How often the sweep runs: hourly. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** What the sweep cleans: decks and their files, the creation costs that no longer count, old history. */
export interface SweptStores {
  removal: DeckRemoval;
  admission: AdmissionStore;
  history: HistoryStore;
}

/** How long things are kept, in days (0: forever); see PodiumOptions. */
export interface Retention {
  deckTtlDays: number;
  historyDays: number;
}

/**
 * One sweep: deletes decks idle for `deckTtlDays` (0: none; decks served from a file are exempt),
 * frees the files no deck links to any more (after deletions, expiry, re-imports), forgets
 * creation costs older than a day, and prunes the talk history older than `historyDays` (0: none).
 */
export async function sweepOnce(stores: SweptStores, retention: Retention, logger: Logger): Promise<void> {
  const { deckTtlDays, historyDays } = retention;
  const ids = deckTtlDays > 0 ? await stores.removal.expireIdle(deckTtlDays) : [];
  if (ids.length > 0) logger.info({ decks: ids.length, ttlDays: deckTtlDays }, 'deleted idle decks');
  const freed = await stores.removal.freeOrphanAssets();
  if (freed.files > 0) logger.info(freed, 'freed files no deck uses');
  await stores.admission.forgetOld();
  if (historyDays > 0) {
    const pruned = await stores.history.prune(historyDays);
    if (pruned.slideChanges + pruned.audienceSamples + pruned.reactionMinutes > 0)
      logger.info({ ...pruned, historyDays }, 'pruned old talk history');
  }
}

/**
 * Runs sweepOnce now and every hour (PODIUM_DECK_TTL_DAYS and PODIUM_HISTORY_DAYS, default 30
 * each, say how long). Returns a function that stops the sweep.
 */
export function startExpirySweep(stores: SweptStores, retention: Retention, logger: Logger): () => void {
  const sweep = async () => {
    try {
      await sweepOnce(stores, retention, logger);
    } catch (err) {
      logger.warn({ err }, 'sweeping idle decks and unused files failed; trying again later');
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
