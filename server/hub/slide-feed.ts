import type { Logger } from 'pino';
import type { SlideEventData } from '../../shared/protocol.js';
import { isIndex, parseSlideEvent } from '../../shared/validate.js';
import type { Metrics } from '../metrics.js';
import type { Database, SlideListener } from '../store/database.js';
import type { DeckStore } from '../store/deck-store.js';
import { SLIDE_CHANNEL } from '../store/migrations.js';
import type { Hub } from './hub.js';

/** A NOTIFY payload from the slide trigger: `{"deck","index","version","count"}`. */
export function parseSlideNotification(payload: string): { deckId: string; state: SlideEventData } | null {
  const state = parseSlideEvent(payload);
  if (!state) return null;
  let deck: unknown;
  try {
    deck = (JSON.parse(payload) as { deck?: unknown }).deck;
  } catch {
    return null;
  }
  if (typeof deck !== 'string' || (state.count !== undefined && !isIndex(state.count))) return null;
  return { deckId: deck, state };
}

/** The deck named by a key-change NOTIFY (`{"keys":"<deck id>"}`), or null. */
export function parseKeysNotification(payload: string): string | null {
  try {
    const keys = (JSON.parse(payload) as { keys?: unknown }).keys;
    return typeof keys === 'string' ? keys : null;
  } catch {
    return null;
  }
}

/**
 * Joins the database to the hub: every NOTIFY is fanned out, and after every (re)connect
 * the state of each deck with open streams is read again, so nothing sent while the
 * listener was down is lost. Key-change notifications keep the store's key cache honest.
 */
export function connectSlideFeed(db: Database, store: DeckStore, hub: Hub, metrics: Metrics, logger: Logger): SlideListener {
  let connects = 0;
  const resync = async (generation: number, attempt = 0): Promise<void> => {
    if (generation !== connects || !listener.connected) return;
    const ids = hub.deckIds();
    if (ids.length === 0) return;
    try {
      const states = await store.getSlideStates(ids);
      for (const [deckId, state] of states) hub.broadcastSlide(deckId, state);
      logger.info({ decks: ids.length }, 'resynced open streams after reconnect');
    } catch (err) {
      const delay = Math.min(2000, 100 * 2 ** attempt);
      logger.warn({ err, delay }, 'resync after reconnect failed; retrying');
      setTimeout(() => void resync(generation, attempt + 1), delay).unref();
    }
  };
  const listener = db.listen(SLIDE_CHANNEL, {
    onNotification(payload) {
      const keysOf = parseKeysNotification(payload);
      if (keysOf !== null) return store.keys.forget(keysOf);
      const parsed = parseSlideNotification(payload);
      if (parsed) hub.broadcastSlide(parsed.deckId, parsed.state);
      else logger.warn({ payload: payload.slice(0, 200) }, 'ignored a malformed slide notification');
    },
    onListening() {
      // Key changes may have been missed while the connection was down.
      store.keys.forgetAll();
      connects += 1;
      if (connects === 1) return;
      metrics.listenerReconnects.inc();
      logger.info('database listener reconnected');
      void resync(connects);
    },
  });
  return listener;
}
