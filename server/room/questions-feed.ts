import type { Logger } from 'pino';
import type { Hub } from '../hub/hub.js';
import { questionsKind } from '../hub/kinds/questions-kind.js';
import type { QuestionStore } from '../store/question-store.js';
import type { RoomStateCache } from './room-state-cache.js';

/** Default least time between the starts of two reads of one deck's questions, ms: at most five events a second per deck and process. */
export const QUESTIONS_FEED_GAP_MS = 200;

/**
 * Turns "this deck's questions changed (version n)" notifications into `questions` events
 * carrying the public list. At most one read per deck is in flight, and reads of a deck start
 * at least `gapMs` apart (default QUESTIONS_FEED_GAP_MS): notifications that arrive meanwhile
 * are folded into the next read. Each event carries the whole list to every stream of the deck,
 * so in a storm of votes this bounds the events (and the bytes every viewer receives) by time,
 * not by how fast the database answers. Decks without open streams cost nothing.
 *
 * The notified versions come from a sequence taken inside each writing transaction, so they
 * need not arrive in commit order: v6 may be heard (and read, and sent) before v5's commit,
 * whose change v6's read then missed. So any notification heard during a read brings one more
 * read whatever its version, and each event's version is above every one this process sent for
 * the deck (streams drop versions they have seen), so the newest read always goes out.
 */
export class QuestionsFeed {
  /** Decks being read or waiting to be, with the highest version heard meanwhile (null: none since the read began). */
  private readonly reading = new Map<string, number | null>();
  /** The last version sent per deck (dropped when a notification finds the deck without streams). */
  private readonly sent = new Map<string, number>();
  /** When each deck's last read began (Date.now()). */
  private readonly lastRead = new Map<string, number>();

  constructor(
    private readonly questions: Pick<QuestionStore, 'publicView'>,
    private readonly hub: Pick<Hub, 'hasStreams' | 'broadcast'>,
    private readonly logger: Logger,
    private readonly cache?: RoomStateCache,
    private readonly gapMs = QUESTIONS_FEED_GAP_MS,
  ) {}

  /** Notes that `deckId`'s questions reached `version`; its streams get the public list. */
  changed(deckId: string, version: number): void {
    if (!this.hub.hasStreams(deckId)) {
      this.sent.delete(deckId);
      this.lastRead.delete(deckId);
      return;
    }
    if (this.reading.has(deckId)) {
      this.reading.set(deckId, Math.max(this.reading.get(deckId) ?? 0, version));
      return;
    }
    this.reading.set(deckId, version);
    const wait = (this.lastRead.get(deckId) ?? 0) + this.gapMs - Date.now();
    if (wait > 0) setTimeout(() => void this.read(deckId), wait).unref();
    else void this.read(deckId);
  }

  private async read(deckId: string): Promise<void> {
    // Everything heard until now is committed, so this read has it.
    const notified = this.reading.get(deckId) ?? 0;
    this.reading.set(deckId, null);
    this.lastRead.set(deckId, Date.now());
    const tracked = this.cache?.begin(deckId);
    try {
      const view = await this.questions.publicView(deckId);
      if (view) {
        if (tracked) this.cache?.questionsRead(tracked, view.questions, view.onScreen);
        const version = Math.max(notified, (this.sent.get(deckId) ?? 0) + 1);
        this.sent.set(deckId, version);
        this.hub.broadcast(questionsKind, deckId, { version, ...view });
      }
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
