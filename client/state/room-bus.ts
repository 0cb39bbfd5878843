import type { PollEventData, QuestionsEventData } from '../../shared/room-protocol.js';
import { parsePollEvent, parseQuestionsEvent } from '../../shared/room-validate.js';

/** The room's event names the stream forwards here. */
export const ROOM_EVENTS = ['questions', 'poll'] as const;

/**
 * The page's one view of the room (a page follows one deck): the latest questions and poll
 * tallies from the stream, for the components that show them wherever they sit (the poll
 * cards inside slides, the questions panel). The stream controller feeds it; components
 * listen for `questions` and `poll` and read the latest state when they mount.
 * `deckId` and `presenterKey` are set by the page's room components (the remote's sets the key).
 */
class RoomBus extends EventTarget {
  /** The deck of this page ('' until a room component knows it). */
  deckId = '';
  /** The presenter key on the remote; null on the audience page. */
  presenterKey: string | null = null;
  /** The latest `questions` event, or null before the first. */
  questions: QuestionsEventData | null = null;
  /** The latest tally of each poll, by id. */
  readonly polls = new Map<string, PollEventData>();

  /** Takes one raw event from the stream (ignores malformed ones) and tells the listeners. */
  receive(name: string, data: string): void {
    if (name === 'questions') {
      const event = parseQuestionsEvent(data);
      if (!event) return;
      this.questions = event;
    } else if (name === 'poll') {
      const event = parsePollEvent(data);
      if (event) this.takePoll(event);
      return;
    } else return;
    this.dispatchEvent(new Event(name));
  }

  /** Takes a poll tally from an API answer (newer versions only) and tells the listeners. */
  takePoll(tally: PollEventData): void {
    const held = this.polls.get(tally.id);
    if (held && held.version > tally.version) return;
    this.polls.set(tally.id, tally);
    this.dispatchEvent(new Event('poll'));
  }
}

/** The page's room state (see RoomBus). */
export const roomBus = new RoomBus();
