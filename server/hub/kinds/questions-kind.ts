import type { QuestionsEventData } from '../../../shared/room-protocol.js';
import { sseEvent, type EventKind } from '../event-kind.js';

/** The `questions` event: a deck's public questions (never hidden ones), versioned by the questions sequence. */
export const questionsKind: EventKind<QuestionsEventData> = {
  name: 'questions',
  version: (data) => data.version,
  frame: (data) => sseEvent('questions', data),
};
