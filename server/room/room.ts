import type { Logger } from 'pino';
import type { Hub } from '../hub/hub.js';
import type { Database } from '../store/database.js';
import { PresenceStore } from '../store/presence-store.js';
import { ReactionStore } from '../store/reaction-store.js';
import { PresenterSeenStore } from '../store/presenter-seen-store.js';
import { HistoryStore } from '../store/history-store.js';
import { AudienceSampler } from './audience-sampler.js';
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
  /** The audience sampled into the talk's history, for the report. */
  sampler: AudienceSampler;
  /** Flushes the last taps and removes this process's audience rows; call before the database closes. */
  close(): Promise<void>;
}

/** The room's timings; see PodiumOptions. */
export interface RoomTimings {
  presenterOfflineMs?: number;
  audienceSampleMs: number;
}

/** Starts the room's timers (flush every 500 ms, presence and presenter every 2 s, audience samples; see their modules). */
export function createRoom(db: Database, hub: Hub, logger: Logger, timings: RoomTimings): Room {
  const reactionStore = new ReactionStore(db);
  const reactions = new ReactionCounter(reactionStore, logger);
  const presence = new PresencePublisher(new PresenceStore(db), hub, logger);
  const presenter = new PresenterWatch(new PresenterSeenStore(db), hub, logger, undefined, timings.presenterOfflineMs);
  const sampler = new AudienceSampler(new HistoryStore(db), logger, timings.audienceSampleMs);
  return {
    reactions,
    reactionStore,
    presence,
    presenter,
    sampler,
    async close() {
      await Promise.all([presenter.close(), sampler.close()]);
      await Promise.all([reactions.close().catch(() => undefined), presence.close()]);
    },
  };
}
