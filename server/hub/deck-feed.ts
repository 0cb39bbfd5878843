import type { Logger } from 'pino';
import { backoffDelay } from '../../shared/backoff.js';
import type { Metrics } from '../metrics.js';
import type { Database, DeckListener } from '../store/database.js';
import type { DeckStore } from '../store/deck-store.js';
import { DECK_CHANNEL, parseDeckNotification } from '../store/deck-notification.js';
import { DEAF_REASON } from '../store/hearing-probe.js';
import type { Hub } from './hub.js';
import { deckKind } from './kinds/deck-kind.js';
import { reactionsKind } from './kinds/reactions-kind.js';
import type { StateCache } from './state-cache.js';
import type { RoomStateCache } from '../room/room-state-cache.js';
import { pollKind } from './kinds/poll-kind.js';
import { QuestionsFeed } from '../room/questions-feed.js';
import { RevealQueue } from './reveal-queue.js';

/**
 * Joins the database to the hub: every NOTIFY is fanned out, and after every (re)connect
 * the state of each deck with open streams is read again, so nothing sent while the
 * listener was down is lost. Key-change notifications keep the store's key cache honest; a
 * deleted deck's streams get their last event. A listener that stops hearing is logged once.
 * With `caches`, every notification also updates them, and every (re)connect or hearing change
 * clears them (changes may have been missed).
 */
export function connectDeckFeed(
  db: Database,
  store: DeckStore,
  hub: Hub,
  metrics: Metrics,
  logger: Logger,
  caches: { states?: StateCache; room?: RoomStateCache } = {},
): DeckListener {
  let connects = 0;
  const { states: cache, room } = caches;
  const questions = new QuestionsFeed(store.questions, hub, logger, room);
  const slides = new RevealQueue(store, hub, logger);
  const resync = async (generation: number, attempt = 0): Promise<void> => {
    if (generation !== connects || !listener.connected) return;
    const ids = hub.deckIds();
    if (ids.length === 0) return;
    try {
      const [states, polls] = await Promise.all([store.getSlideStates(ids), store.polls.tallies(ids)]);
      for (const [deckId, state] of states) {
        if (generation === connects) cache?.remember(deckId, state);
        hub.broadcastSlide(deckId, state);
      }
      // The room too: questions and poll tallies changed while the listener was down reach the
      // open streams (a tally or list a stream already has is not sent again).
      for (const [deckId, tallies] of polls) {
        for (const { id, counts, total, version, open, revealed } of tallies) {
          hub.broadcast(pollKind(id), deckId, { id, counts, total, version, open, revealed });
        }
      }
      for (const deckId of ids) questions.changed(deckId, 0);
      logger.info({ decks: ids.length }, 'resynced open streams after reconnect');
    } catch (err) {
      const delay = backoffDelay(attempt, { baseMs: 100, capMs: 2000 });
      logger.warn({ err, delay }, 'resync after reconnect failed; retrying');
      setTimeout(() => void resync(generation, attempt + 1), delay).unref();
    }
  };
  const listener = db.listen(DECK_CHANNEL, {
    onNotification(payload) {
      const notification = parseDeckNotification(payload);
      if (notification?.kind === 'keys') store.keys.forget(notification.deckId);
      else if (notification?.kind === 'slide') {
        cache?.remember(notification.deckId, notification.state);
        slides.send(notification.deckId, notification.state, notification.before);
      } else if (notification?.kind === 'deleted') {
        cache?.forget(notification.deckId);
        room?.forget(notification.deckId);
        hub.closeDeck(notification.deckId);
      } else if (notification?.kind === 'content') {
        room?.forget(notification.deckId);
        hub.broadcast(deckKind, notification.deckId, { version: notification.version });
      } else if (notification?.kind === 'reactions') {
        const { counts, added } = notification;
        const version = Object.values(counts).reduce((sum, count) => sum + count, 0);
        hub.broadcast(reactionsKind, notification.deckId, { counts, recent: added, version });
      } else if (notification?.kind === 'questions') {
        room?.questionsChanged(notification.deckId);
        questions.changed(notification.deckId, notification.version);
      } else if (notification?.kind === 'poll') {
        room?.pollChanged(notification.deckId, notification.tally);
        hub.broadcast(pollKind(notification.tally.id), notification.deckId, notification.tally);
      } else if (notification?.kind === 'probe')
        return; // Another process's hearing probe.
      else logger.warn({ payload: payload.slice(0, 200) }, 'ignored a malformed deck notification');
    },
    onHearing(hearing) {
      // The key cache is only trusted while it hears (see main.ts); what it holds may be stale.
      store.keys.forgetAll();
      cache?.clear();
      room?.clear();
      if (hearing) logger.info('database notifications are arriving again');
      else logger.error(DEAF_REASON);
    },
    onListening() {
      // Key changes may have been missed while the connection was down.
      store.keys.forgetAll();
      cache?.clear();
      room?.clear();
      connects += 1;
      if (connects === 1) return;
      metrics.listenerReconnects.inc();
      logger.info('database listener reconnected');
      void resync(connects);
    },
  });
  return listener;
}
