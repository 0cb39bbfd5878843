import type { SlideEventData } from '../../../shared/protocol.js';
import type { EventKind } from '../event-kind.js';
import { slideFrame } from '../sse-frame.js';

/** The `slide` event: the deck's current slide state, versioned by the deck's version (also the SSE `id`). */
export const slideKind: EventKind<SlideEventData> = {
  name: 'slide',
  version: (state) => state.version,
  frame: slideFrame,
};
