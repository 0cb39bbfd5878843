import type { Logger } from 'pino';
import type { Hub } from '../hub/hub.js';
import type { Database } from '../store/database.js';
import { PresenceStore } from '../store/presence-store.js';
import { ReactionStore } from '../store/reaction-store.js';
import { PresenterSeenStore } from '../store/presenter-seen-store.js';
import { PresencePublisher } from './presence-publisher.js';
import { PresenterWatch } from './presenter-watch.js';
import { ReactionCounter } from './reaction-counter.js';

/** The room talking back in one process: reaction taps counted and flushed, audience counts published. */
export interface Room {
  reactions: ReactionCounter;
  reactionStore: ReactionStore;
  presence: PresencePublisher;
  /** Whether each deck's presenter remote is online, told to its audience as `presenter` events. */
  presenter: PresenterWatch;
  /** Flushes the last taps and removes this process's audience rows; call before the database closes. */
  close(): Promise<void>;
}

/** Starts the room's timers (flush every 500 ms, presence and presenter every 2 s; see their modules). */
export function createRoom(db: Database, hub: Hub, logger: Logger, presenterOfflineMs?: number): Room {
  const reactionStore = new ReactionStore(db);
  const reactions = new ReactionCounter(reactionStore, logger);
  const presence = new PresencePublisher(new PresenceStore(db), hub, logger);
  const presenter = new PresenterWatch(new PresenterSeenStore(db), hub, logger, undefined, presenterOfflineMs);
  return {
    reactions,
    reactionStore,
    presence,
    presenter,
    async close() {
      await presenter.close();
      await Promise.all([reactions.close().catch(() => undefined), presence.close()]);
    },
  };
}
