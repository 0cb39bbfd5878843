import type { Logger } from 'pino';
import type { Hub } from '../hub/hub.js';
import { questionsKind } from '../hub/kinds/questions-kind.js';
import type { QuestionStore } from '../store/question-store.js';

/**
 * Turns "this deck's questions changed (version n)" notifications into `questions` events
 * carrying the public list. At most one read per deck is in flight: changes that arrive
 * meanwhile are folded into one more read after it, so a burst of votes costs a few reads
 * per process, not one per vote. Decks without open streams cost nothing.
 */
export class QuestionsFeed {
  /** Decks being read, with the newest version heard since the read began (0: none). */
  private readonly reading = new Map<string, number>();

  constructor(
    private readonly questions: QuestionStore,
    private readonly hub: Hub,
    private readonly logger: Logger,
  ) {}

  /** Notes that `deckId`'s questions reached `version`; its streams get the public list. */
  changed(deckId: string, version: number): void {
    if (!this.hub.hasStreams(deckId)) return;
    const heard = this.reading.get(deckId);
    if (heard !== undefined) {
      this.reading.set(deckId, Math.max(heard, version));
      return;
    }
    this.reading.set(deckId, 0);
    void this.read(deckId, version);
  }

  private async read(deckId: string, version: number): Promise<void> {
    try {
      // Read after the notification: the list is at least as new as `version`.
      const [questions, screens] = await Promise.all([
        this.questions.list(deckId, false),
        this.questions.onScreen([deckId]),
      ]);
      this.hub.broadcast(questionsKind, deckId, { version, questions, onScreen: screens.get(deckId) ?? false });
    } catch (err) {
      this.logger.warn({ err, deckId }, 'could not read questions for their event');
    }
    const next = this.reading.get(deckId) ?? 0;
    this.reading.delete(deckId);
    if (next > version) this.changed(deckId, next);
  }
}
