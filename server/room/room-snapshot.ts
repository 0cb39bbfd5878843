import type { Logger } from 'pino';
import type { PollEventData } from '../../shared/room-protocol.js';
import { BatchLoader } from '../hub/batch-loader.js';
import { pollKind } from '../hub/kinds/poll-kind.js';
import { questionsKind } from '../hub/kinds/questions-kind.js';
import type { SseStream } from '../hub/sse-stream.js';
import type { DeckStore } from '../store/deck-store.js';
import type { RoomReader, RoomSnapshot } from './room-state-cache.js';

/**
 * A snapshot's `questions` version inside the stream: below every notified version (they
 * start at 1), so any change heard after the stream registered replaces it, and it never
 * replaces one. On the wire it reads `"version": 0`.
 */
const SNAPSHOT_VERSION = 0.5;

/** One event of a snapshot, framed: its kind's name, the frame, the version the stream tracks. */
interface SnapshotFrame {
  name: string;
  frame: Buffer;
  version: number;
}

/** Frames by snapshot object: the cache hands out one object per room state, so each is framed once. */
const framed = new WeakMap<RoomSnapshot, SnapshotFrame[]>();

/**
 * Reads the room state of decks in batches shared by every stream that opens meanwhile (a
 * hall joining at once costs a few reads): the public questions and every stored poll's tally.
 */
export function roomSnapshotLoader(store: DeckStore): BatchLoader<string, RoomSnapshot> {
  return new BatchLoader(async (ids) => {
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

/**
 * Sends a new stream the room's current state (like the slide state it starts with): from
 * memory at once when the reader holds it (before `start`, it goes out in the stream's first
 * write), else read. Call after the stream registered with the hub.
 */
export class RoomSnapshots {
  constructor(
    private readonly reader: RoomReader,
    private readonly logger: Logger,
  ) {}

  /** Offers the deck's room state to `stream`, synchronously when known; anything newer the stream already has wins. */
  sendTo(stream: SseStream): Promise<void> | undefined {
    const known = this.reader.peek?.(stream.deckId);
    if (known) {
      send(stream, known);
      return undefined;
    }
    return this.readAndSend(stream);
  }

  private async readAndSend(stream: SseStream): Promise<void> {
    try {
      const snapshot = await this.reader.load(stream.deckId);
      if (snapshot && !stream.isClosed) send(stream, snapshot);
    } catch (err) {
      // The slide state went out; the room's state follows with its next change. Debug only: in an
      // outage every opening stream lands here, and the database's own failure is logged elsewhere.
      this.logger.debug({ err, deckId: stream.deckId }, 'could not read the room state for a new stream');
    }
  }
}

function send(stream: SseStream, snapshot: RoomSnapshot): void {
  for (const { name, frame, version } of framesOf(snapshot)) stream.send(name, frame, version);
}

function framesOf(snapshot: RoomSnapshot): SnapshotFrame[] {
  const known = framed.get(snapshot);
  if (known) return known;
  const questions = { version: 0, questions: snapshot.questions, onScreen: snapshot.onScreen };
  const frames = [{ name: questionsKind.name, frame: questionsKind.frame(questions), version: SNAPSHOT_VERSION }];
  for (const poll of snapshot.polls) {
    const kind = pollKind(poll.id);
    frames.push({ name: kind.name, frame: kind.frame(poll), version: kind.version(poll) });
  }
  framed.set(snapshot, frames);
  return frames;
}
