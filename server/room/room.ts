import type { Logger } from 'pino';
import type { Hub } from '../hub/hub.js';
import type { Database } from '../store/database.js';
import { PresenceStore } from '../store/presence-store.js';
import { ReactionStore } from '../store/reaction-store.js';
import { PresencePublisher } from './presence-publisher.js';
import { ReactionCounter } from './reaction-counter.js';

/** The room talking back in one process: reaction taps counted and flushed, audience counts published. */
export interface Room {
  reactions: ReactionCounter;
  reactionStore: ReactionStore;
  presence: PresencePublisher;
  /** Flushes the last taps and removes this process's audience rows; call before the database closes. */
  close(): Promise<void>;
}

/** Starts the room's timers (flush every 500 ms, presence every 2 s; see their modules). */
export function createRoom(db: Database, hub: Hub, logger: Logger): Room {
  const reactionStore = new ReactionStore(db);
  const reactions = new ReactionCounter(reactionStore, logger);
  const presence = new PresencePublisher(new PresenceStore(db), hub, logger);
  return {
    reactions,
    reactionStore,
    presence,
    async close() {
      await Promise.all([reactions.close().catch(() => undefined), presence.close()]);
    },
  };
}
