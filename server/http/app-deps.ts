import type { Logger } from 'pino';
import type { SlideEventData } from '../../shared/protocol.js';
import type { BatchLoader } from '../hub/batch-loader.js';
import type { Hub } from '../hub/hub.js';
import type { Metrics } from '../metrics.js';
import type { SecurityLimits } from '../security/limits.js';
import type { DeckStore } from '../store/deck-store.js';

/** Settings the HTTP layer reads. */
export interface AppConfig {
  /** Base of links in API answers; default: the request's own origin. */
  publicUrl?: string;
  /** When set, `POST /api/decks` needs `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /** Directory of the built client (index.html, audience.html, remote.html, assets/). */
  clientDir: string;
  /** Trust X-Forwarded-* headers from a reverse proxy (the client address is its last hop). Default false. */
  trustProxy?: boolean;
  /** Abuse limits (rates, stream caps); each one not given takes its DEFAULT_LIMITS value. */
  limits?: Partial<SecurityLimits>;
}

/** Everything `createApp` needs, handed in so tests can build their own. */
export interface AppDeps {
  config: AppConfig;
  store: DeckStore;
  hub: Hub;
  /** Batched reads of the current state for newly opened streams. */
  states: BatchLoader<string, SlideEventData>;
  metrics: Metrics;
  /** The LISTEN connection, for /healthz. */
  listener: { readonly connected: boolean };
  logger: Logger;
}
