import type { Logger } from 'pino';
import { backoffDelay } from '../../shared/backoff.js';
import type { SlideEventData } from '../../shared/protocol.js';
import { isIndex, isSlideState } from '../../shared/validate.js';
import type { Metrics } from '../metrics.js';
import type { Database, SlideListener } from '../store/database.js';
import type { DeckStore } from '../store/deck-store.js';
import { SLIDE_CHANNEL } from '../store/migrations.js';
import type { Hub } from './hub.js';

/** A NOTIFY on the slide channel: a slide change, or a change to a deck's presenter keys. */
export type SlideNotification =
  { kind: 'slide'; deckId: string; state: SlideEventData } | { kind: 'keys'; deckId: string };

/**
 * Parses a NOTIFY payload once: `{"deck","index","version","count"}` from the slide trigger
 * or `{"keys":"<deck id>"}` from the key trigger. Null for anything else.
 */
export function parseNotification(payload: string): SlideNotification | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { deck, keys, count } = value as { deck?: unknown; keys?: unknown; count?: unknown };
  if (typeof keys === 'string') return { kind: 'keys', deckId: keys };
  if (typeof deck !== 'string' || !isSlideState(value) || (count !== undefined && !isIndex(count))) return null;
  const state: SlideEventData = { index: value.index, version: value.version };
  if (count !== undefined) state.count = count;
  return { kind: 'slide', deckId: deck, state };
}

/**
 * Joins the database to the hub: every NOTIFY is fanned out, and after every (re)connect
 * the state of each deck with open streams is read again, so nothing sent while the
 * listener was down is lost. Key-change notifications keep the store's key cache honest.
 */
export function connectSlideFeed(
  db: Database,
  store: DeckStore,
  hub: Hub,
  metrics: Metrics,
  logger: Logger,
): SlideListener {
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
      const delay = backoffDelay(attempt, { baseMs: 100, capMs: 2000 });
      logger.warn({ err, delay }, 'resync after reconnect failed; retrying');
      setTimeout(() => void resync(generation, attempt + 1), delay).unref();
    }
  };
  const listener = db.listen(SLIDE_CHANNEL, {
    onNotification(payload) {
      const notification = parseNotification(payload);
      if (notification?.kind === 'keys') store.keys.forget(notification.deckId);
      else if (notification) hub.broadcastSlide(notification.deckId, notification.state);
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
