import type { PollEventData } from '../../../shared/room-protocol.js';
import { sseEvent, type EventKind } from '../event-kind.js';

/**
 * The `poll` event of one poll: its tally. Each poll is its own kind (`poll:<id>` inside the
 * hub, `event: poll` on the wire), so one poll's results never replace another's.
 */
export function pollKind(pollId: string): EventKind<PollEventData> {
  return { name: `poll:${pollId}`, version: (data) => data.version, frame: (data) => sseEvent('poll', data) };
}
