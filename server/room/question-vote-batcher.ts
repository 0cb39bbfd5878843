import type { QuestionStore, QuestionVote, QuestionVoteResult } from '../store/question-store.js';

/** Default pause between two writes of one deck's question votes, in ms: at most five a second per deck and process. */
export const QUESTION_VOTE_FLUSH_MS = 200;

/** One viewer's newest vote on one question and the requests waiting for its outcome. */
interface PendingVote extends QuestionVote {
  waiters: Array<{ resolve: (result: QuestionVoteResult) => void; reject: (err: unknown) => void }>;
}

/** One deck's votes not yet written. */
interface PendingDeck {
  votes: Map<string, PendingVote>;
  timer: NodeJS.Timeout | null;
  flushing: boolean;
  lastFlush: number;
}

/**
 * Question votes written in batches, like poll tallies: every request joins the deck's next
 * batch, and a deck is written at most once every `flushMs` (default QUESTION_VOTE_FLUSH_MS),
 * in one statement (QuestionStore.applyVotes). A vote after a quiet spell is written at once;
 * in a storm each request waits at most `flushMs` for its batch, and a thousand taps a second
 * cost five writes. Every request still gets the exact outcome: the batch's answer, read from
 * the database that decided it, so one vote per viewer holds across processes.
 */
export class QuestionVoteBatcher {
  private readonly decks = new Map<string, PendingDeck>();

  constructor(
    private readonly store: QuestionStore,
    private readonly flushMs = QUESTION_VOTE_FLUSH_MS,
  ) {}

  /** Casts (`up`) or takes back `viewer`'s vote on a question; resolves once its batch is written. */
  vote(deckId: string, questionId: string, viewer: string, up: boolean): Promise<QuestionVoteResult> {
    let deck = this.decks.get(deckId);
    if (!deck) {
      deck = { votes: new Map(), timer: null, flushing: false, lastFlush: 0 };
      this.decks.set(deckId, deck);
    }
    const key = `${questionId}/${viewer}`;
    const pending = deck.votes.get(key) ?? { questionId, viewer, up, waiters: [] };
    // The newest intent wins; every request of the same viewer and question gets its outcome.
    pending.up = up;
    deck.votes.set(key, pending);
    const result = new Promise<QuestionVoteResult>((resolve, reject) => pending.waiters.push({ resolve, reject }));
    this.schedule(deckId, deck);
    return result;
  }

  private schedule(deckId: string, deck: PendingDeck): void {
    if (deck.timer || deck.flushing) return;
    const wait = Math.max(0, deck.lastFlush + this.flushMs - Date.now());
    deck.timer = setTimeout(() => {
      deck.timer = null;
      void this.flush(deckId, deck);
    }, wait);
  }

  private async flush(deckId: string, deck: PendingDeck): Promise<void> {
    const batch = [...deck.votes.values()];
    deck.votes = new Map();
    deck.flushing = true;
    deck.lastFlush = Date.now();
    try {
      const results = await this.store.applyVotes(deckId, batch);
      batch.forEach((vote, i) => {
        const result = results[i] ?? { kind: 'not_found' };
        for (const waiter of vote.waiters) waiter.resolve(result);
      });
    } catch (err) {
      for (const vote of batch) for (const waiter of vote.waiters) waiter.reject(err);
    } finally {
      deck.flushing = false;
      if (deck.votes.size > 0) this.schedule(deckId, deck);
      else this.decks.delete(deckId);
    }
  }
}
