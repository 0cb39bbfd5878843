import type { PresenterEventData } from '../../../shared/room-protocol.js';
import { sseEvent, type EventKind } from '../event-kind.js';

/** The `presenter` event: whether a presenter remote of the deck is (or was within 20 s) connected. */
export const presenterKind: EventKind<PresenterEventData> = {
  name: 'presenter',
  version: (data) => data.version,
  frame: (data) => sseEvent('presenter', data),
};
