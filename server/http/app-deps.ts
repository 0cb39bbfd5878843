import type { Logger } from 'pino';
import type { Settings } from '../config.js';
import type { Hub } from '../hub/hub.js';
import type { StateReader } from '../hub/state-cache.js';
import type { Metrics } from '../metrics.js';
import type { DeckStore } from '../store/deck-store.js';
import type { PollTally } from '../room/poll-tally.js';
import type { Room } from '../room/room.js';
import type { RoomReader } from '../room/room-state-cache.js';

/** The settings the HTTP layer reads (see PodiumOptions), with the built client's directory resolved. */
export type AppConfig = Settings & {
  /** Directory of the built client (index.html, audience.html, remote.html, assets/). */
  clientDir: string;
};

/** Everything the request listener needs, handed in by `startPodium`. */
export interface AppDeps {
  config: AppConfig;
  store: DeckStore;
  /** Open streams by deck; it also holds the stream caps. */
  hub: Hub;
  /** The current state for newly opened streams: from memory (StateCache) or batched reads. */
  states: StateReader;
  /** The room state (questions, polls) for newly opened streams: from memory (RoomStateCache) or batched reads. */
  roomStates: RoomReader;
  metrics: Metrics;
  /** Poll votes counted in memory and written in batches. */
  tally: PollTally;
  /** Reactions and audience counts. */
  room: Room;
  /** The LISTEN connection, for /healthz. */
  listener: { readonly connected: boolean; readonly hearing: boolean };
  logger: Logger;
}
