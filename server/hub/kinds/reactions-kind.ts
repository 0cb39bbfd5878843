import type { ReactionsEventData } from '../../../shared/room-protocol.js';
import { sseEvent, type EventKind } from '../event-kind.js';

/** The `reactions` event: a deck's reaction totals, versioned by their sum (it grows with every flush). */
export const reactionsKind: EventKind<ReactionsEventData> = {
  name: 'reactions',
  version: (data) => data.version,
  frame: (data) => sseEvent('reactions', data),
};
