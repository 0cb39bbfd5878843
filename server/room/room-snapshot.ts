import type { Logger } from 'pino';
import type { PollEventData, Question } from '../../shared/room-protocol.js';
import { BatchLoader } from '../hub/batch-loader.js';
import { pollKind } from '../hub/kinds/poll-kind.js';
import { questionsKind } from '../hub/kinds/questions-kind.js';
import type { SseStream } from '../hub/sse-stream.js';
import type { DeckStore } from '../store/deck-store.js';

/** What a new stream is told of the room at once: the public questions and every stored poll's tally. */
export interface RoomSnapshot {
  questions: Question[];
  onScreen: boolean;
  polls: PollEventData[];
}

/**
 * A snapshot's `questions` version inside the stream: below every notified version (they
 * start at 1), so any change heard after the stream registered replaces it, and it never
 * replaces one. On the wire it reads `"version": 0`.
 */
const SNAPSHOT_VERSION = 0.5;

/**
 * Sends a new stream the room's current state (like the slide state it starts with): the
 * questions and poll tallies, read in batches shared by every stream that opens meanwhile (a
 * hall joining at once costs a few reads). Call after the stream registered with the hub.
 */
export class RoomSnapshots {
  private readonly loader: BatchLoader<string, RoomSnapshot>;

  constructor(
    store: DeckStore,
    private readonly logger: Logger,
  ) {
    this.loader = new BatchLoader(async (ids) => {
      const [questions, polls, screens] = await Promise.all([
        store.questions.listAll(ids, false),
        store.polls.tallies(ids),
        store.questions.onScreen(ids),
      ]);
      const snapshots = new Map<string, RoomSnapshot>();
      for (const id of ids) {
        const tallies = (polls.get(id) ?? []).map(
          ({ id: pollId, counts, total, version, open, revealed }): PollEventData => ({
            id: pollId,
            counts,
            total,
            version,
            open,
            revealed,
          }),
        );
        snapshots.set(id, { questions: questions.get(id) ?? [], onScreen: screens.get(id) ?? false, polls: tallies });
      }
      return snapshots;
    });
  }

  /** Reads the deck's room state and offers it to `stream`; anything newer the stream already has wins. */
  async sendTo(stream: SseStream): Promise<void> {
    try {
      const snapshot = await this.loader.load(stream.deckId);
      if (!snapshot || stream.isClosed) return;
      const questions = { version: 0, questions: snapshot.questions, onScreen: snapshot.onScreen };
      stream.send(questionsKind.name, questionsKind.frame(questions), SNAPSHOT_VERSION);
      for (const poll of snapshot.polls) {
        const kind = pollKind(poll.id);
        stream.send(kind.name, kind.frame(poll), kind.version(poll));
      }
    } catch (err) {
      // The slide state went out; the room's state follows with its next change. Debug only: in an
      // outage every opening stream lands here, and the database's own failure is logged elsewhere.
      this.logger.debug({ err, deckId: stream.deckId }, 'could not read the room state for a new stream');
    }
  }
}
