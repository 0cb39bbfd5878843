import { sseEvent, type EventKind } from '../event-kind.js';

/** Data of the SSE `deck` event: the deck's content changed at `version`; fetch it again. */
export interface DeckChangeData {
  version: number;
}

/** `event: deck`: the deck was edited (a rehearsal reload); screens fetch `GET /api/decks/:id` again. */
export const deckKind: EventKind<DeckChangeData> = {
  name: 'deck',
  version: (data) => data.version,
  frame: (data) => sseEvent('deck', data),
};
