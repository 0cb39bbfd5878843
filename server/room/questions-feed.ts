import type { Logger } from 'pino';
import type { Hub } from '../hub/hub.js';
import { questionsKind } from '../hub/kinds/questions-kind.js';
import type { QuestionStore } from '../store/question-store.js';
import type { RoomStateCache } from './room-state-cache.js';

/**
 * Turns "this deck's questions changed (version n)" notifications into `questions` events
 * carrying the public list. At most one read per deck is in flight: notifications that arrive
 * meanwhile are folded into one more read after it, so a burst of votes costs a few reads
 * per process, not one per vote. Decks without open streams cost nothing.
 *
 * The notified versions come from a sequence taken inside each writing transaction, so they
 * need not arrive in commit order: v6 may be heard (and read, and sent) before v5's commit,
 * whose change v6's read then missed. So any notification heard during a read brings one more
 * read whatever its version, and each event's version is above every one this process sent for
 * the deck (streams drop versions they have seen), so the newest read always goes out.
 */
export class QuestionsFeed {
  /** Decks being read, with the highest version heard since the read began (null: none). */
  private readonly reading = new Map<string, number | null>();
  /** The last version sent per deck (dropped when a notification finds the deck without streams). */
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly questions: QuestionStore,
    private readonly hub: Hub,
    private readonly logger: Logger,
    private readonly cache?: RoomStateCache,
  ) {}

  /** Notes that `deckId`'s questions reached `version`; its streams get the public list. */
  changed(deckId: string, version: number): void {
    if (!this.hub.hasStreams(deckId)) {
      this.sent.delete(deckId);
      return;
    }
    if (this.reading.has(deckId)) {
      this.reading.set(deckId, Math.max(this.reading.get(deckId) ?? 0, version));
      return;
    }
    this.reading.set(deckId, null);
    void this.read(deckId, version);
  }

  private async read(deckId: string, notified: number): Promise<void> {
    const tracked = this.cache?.begin(deckId);
    try {
      // Read after the notification: the list has at least every change notified so far.
      const [questions, screens] = await Promise.all([
        this.questions.list(deckId, false),
        this.questions.onScreen([deckId]),
      ]);
      const onScreen = screens.get(deckId) ?? false;
      if (tracked) this.cache?.questionsRead(tracked, questions, onScreen);
      const version = Math.max(notified, (this.sent.get(deckId) ?? 0) + 1);
      this.sent.set(deckId, version);
      this.hub.broadcast(questionsKind, deckId, { version, questions, onScreen });
    } catch (err) {
      this.logger.warn({ err, deckId }, 'could not read questions for their event');
    } finally {
      if (tracked) this.cache?.end(tracked);
    }
    const heard = this.reading.get(deckId) ?? null;
    this.reading.delete(deckId);
    if (heard !== null) this.changed(deckId, heard);
  }
}
