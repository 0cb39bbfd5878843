import type { Logger } from 'pino';
import { DatabaseUnavailableError } from '../store/database.js';
import type { PollStore } from '../store/poll-store.js';

/** Default pause between two flushes of one poll, in ms: at most two writes a second per poll and process. */
export const POLL_FLUSH_MS = 500;

/** One poll's votes not yet written, by viewer (a newer vote replaces the older). */
interface PendingPoll {
  deckId: string;
  pollId: string;
  optionCount: number;
  votes: Map<string, { option: number; at: number }>;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
  lastFlush: number;
}

/**
 * Poll votes counted in memory per process and written in batches: at most one flush per
 * poll every `flushMs` (default POLL_FLUSH_MS), each one multi-row upsert plus a count and a
 * NOTIFY (see PollStore.flush). A thousand votes a second cost a couple of writes per poll.
 */
export class PollTally {
  private readonly polls = new Map<string, PendingPoll>();

  constructor(
    private readonly store: PollStore,
    private readonly logger: Logger,
    private readonly flushMs = POLL_FLUSH_MS,
  ) {}

  /** Records `viewer`'s vote for `option` of a stored poll; it is written within `flushMs`. */
  vote(deckId: string, pollId: string, optionCount: number, viewer: string, option: number): void {
    const key = `${deckId}/${pollId}`;
    let poll = this.polls.get(key);
    if (!poll) {
      poll = { deckId, pollId, optionCount, votes: new Map(), timer: null, flushing: null, lastFlush: 0 };
      this.polls.set(key, poll);
    }
    poll.votes.delete(viewer);
    // Sub-millisecond wall-clock time: a vote sent right after another one, to another process, is still newer.
    poll.votes.set(viewer, { option, at: performance.timeOrigin + performance.now() });
    this.schedule(poll);
  }

  /** Writes every pending vote now (on shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all(
      [...this.polls.values()].map(async (poll) => {
        if (poll.timer) clearTimeout(poll.timer);
        poll.timer = null;
        await poll.flushing;
        await this.flush(poll);
      }),
    );
  }

  /** Writes one poll's pending votes now (before the presenter closes it). */
  async flushPoll(deckId: string, pollId: string): Promise<void> {
    const poll = this.polls.get(`${deckId}/${pollId}`);
    if (!poll) return;
    if (poll.timer) clearTimeout(poll.timer);
    poll.timer = null;
    await poll.flushing;
    await this.flush(poll);
    this.polls.delete(`${deckId}/${pollId}`);
  }

  private schedule(poll: PendingPoll): void {
    if (poll.timer || poll.flushing) return;
    const wait = Math.max(0, poll.lastFlush + this.flushMs - Date.now());
    poll.timer = setTimeout(() => {
      poll.timer = null;
      poll.flushing = this.flush(poll).finally(() => {
        poll.flushing = null;
        if (poll.votes.size > 0) this.schedule(poll);
        else this.polls.delete(`${poll.deckId}/${poll.pollId}`);
      });
    }, wait);
    poll.timer.unref();
  }

  private async flush(poll: PendingPoll): Promise<void> {
    if (poll.votes.size === 0) return;
    const batch = poll.votes;
    poll.votes = new Map();
    poll.lastFlush = Date.now();
    try {
      await this.store.flush(
        poll.deckId,
        poll.pollId,
        poll.optionCount,
        [...batch].map(([viewer, vote]) => ({ viewer, ...vote })),
      );
    } catch (err) {
      // A poll that is gone (its deck deleted) keeps nothing; an unreachable database gets the batch again.
      if (!(err instanceof DatabaseUnavailableError)) {
        this.logger.warn(
          { err, deckId: poll.deckId, pollId: poll.pollId },
          'dropped poll votes that could not be written',
        );
        return;
      }
      // Keep the batch for the next flush, unless the viewer has voted again since.
      for (const [viewer, vote] of batch) if (!poll.votes.has(viewer)) poll.votes.set(viewer, vote);
      this.logger.warn({ err, deckId: poll.deckId, pollId: poll.pollId }, 'could not write poll votes; will retry');
    }
  }
}
