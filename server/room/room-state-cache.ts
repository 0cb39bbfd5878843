import type { PollEventData, Question } from '../../shared/room-protocol.js';
import type { StateCacheOptions } from '../hub/state-cache.js';

/** What a new stream is told of the room at once: the public questions and every stored poll's tally. */
export interface RoomSnapshot {
  questions: Question[];
  onScreen: boolean;
  polls: PollEventData[];
}

/** Answers single-deck room reads (BatchLoader's surface); `peek` answers from memory only, when it can. */
export interface RoomReader {
  /** Resolves with the deck's room state (read after the call), or null when there is none. */
  load(deckId: string): Promise<RoomSnapshot | null>;
  /** The deck's room state when memory holds a trusted one; undefined otherwise. Optional. */
  peek?(deckId: string): RoomSnapshot | undefined;
}

/** Options of the cache: StateCache's, plus a bound on the questions held. */
export interface RoomStateCacheOptions extends StateCacheOptions {
  /** Most questions held over all decks (a deck may have 1,000); least recently used decks go first, followed ones never. Default 50,000. */
  maxQuestions?: number;
}

/** A read under way: kept only while nothing made it stale; poll tallies heard meanwhile are merged in. */
export interface RoomRead {
  readonly deckId: string;
  valid: boolean;
  heardPolls: PollEventData[];
}

/** A deck's known room state: its polls always, its questions unless a change made them stale. */
interface Entry {
  questions: { questions: Question[]; onScreen: boolean } | null;
  polls: PollEventData[];
  /** The snapshot handed out, one object per state (so its frames are built once), null while questions are stale. */
  snapshot: RoomSnapshot | null;
}

/**
 * The room state (public questions, poll tallies) of recently used decks, kept up to date by
 * the LISTEN feed, so a new stream's room snapshot needs no database read. Sound for the same
 * reasons as StateCache: every change NOTIFYs; a poll notification carries its whole tally and
 * a higher version always includes the lower ones; a questions notification (version only)
 * makes the deck's questions stale until a read that began after it, with no notification
 * heard meanwhile, refills them; the feed calls `clear()` on every (re)connect and hearing
 * change. Bypassed while the listener is not trusted. Register the stream before reading: a
 * change that lands after the answer reaches the stream through the hub.
 */
export class RoomStateCache implements RoomReader {
  private readonly entries = new Map<string, Entry>();
  /** Reads under way, by deck. */
  private readonly reads = new Map<string, Set<RoomRead>>();
  private readonly maxDecks: number;
  private readonly maxQuestions: number;
  /** Questions held over all entries. */
  private questionCount = 0;

  constructor(
    private readonly reader: RoomReader,
    private readonly options: RoomStateCacheOptions,
  ) {
    this.maxDecks = options.maxDecks ?? 10_000;
    this.maxQuestions = options.maxQuestions ?? 50_000;
  }

  /** Decks whose whole room state is held now. */
  get size(): number {
    let whole = 0;
    for (const entry of this.entries.values()) if (entry.snapshot) whole += 1;
    return whole;
  }

  /** The deck's room state from memory when the feed is up and knows it; undefined otherwise. */
  peek(deckId: string): RoomSnapshot | undefined {
    if (!this.options.connected()) return undefined;
    const entry = this.entries.get(deckId);
    if (!entry?.snapshot) return undefined;
    // Most recently used last, so eviction takes the oldest first.
    this.entries.delete(deckId);
    this.entries.set(deckId, entry);
    return entry.snapshot;
  }

  /** The deck's room state from memory, or read (and kept when nothing changed meanwhile). */
  async load(deckId: string): Promise<RoomSnapshot | null> {
    const known = this.peek(deckId);
    if (known) return known;
    if (!this.options.connected()) return this.reader.load(deckId);
    const read = this.begin(deckId);
    let snapshot: RoomSnapshot | null;
    try {
      snapshot = await this.reader.load(deckId);
    } finally {
      this.end(read);
    }
    if (!snapshot) return null;
    const polls = merged(snapshot.polls, read.heardPolls);
    if (read.valid && this.options.connected()) {
      this.store(deckId, {
        questions: { questions: snapshot.questions, onScreen: snapshot.onScreen },
        polls,
        snapshot: null,
      });
      return this.entries.get(deckId)?.snapshot ?? snapshot;
    }
    return { ...snapshot, polls };
  }

  /**
   * Starts tracking a read of `deckId`'s state (the questions feed's own reads use it too): a
   * questions change, forget or clear while it runs marks it stale. Pair with `end`.
   */
  begin(deckId: string): RoomRead {
    const read: RoomRead = { deckId, valid: true, heardPolls: [] };
    let set = this.reads.get(deckId);
    if (!set) this.reads.set(deckId, (set = new Set()));
    set.add(read);
    return read;
  }

  /** Stops tracking `read`. */
  end(read: RoomRead): void {
    const set = this.reads.get(read.deckId);
    if (set?.delete(read) && set.size === 0) this.reads.delete(read.deckId);
  }

  /** Takes the public questions a tracked read found (see `begin`), if still valid and the deck's polls are held. */
  questionsRead(read: RoomRead, questions: Question[], onScreen: boolean): void {
    const entry = this.entries.get(read.deckId);
    if (!entry || !read.valid || !this.options.connected()) return;
    this.store(read.deckId, { ...entry, questions: { questions, onScreen } });
  }

  /** A questions notification: the deck's questions are stale, and reads under way are not kept. */
  questionsChanged(deckId: string): void {
    this.invalidate(deckId);
    const entry = this.entries.get(deckId);
    if (entry) {
      this.questionCount -= questionsOf(entry);
      entry.questions = null;
      entry.snapshot = null;
    }
  }

  /** A poll notification (its whole tally): held and merged into reads under way; older versions than held are ignored. */
  pollChanged(deckId: string, tally: PollEventData): void {
    for (const read of this.reads.get(deckId) ?? []) read.heardPolls.push(tally);
    const entry = this.entries.get(deckId);
    if (entry) this.store(deckId, { ...entry, polls: merged(entry.polls, [tally]) });
  }

  /** Forgets one deck (deleted, or its content replaced); reads under way are not kept. */
  forget(deckId: string): void {
    this.invalidate(deckId);
    this.drop(deckId);
  }

  /** Forgets everything; the feed calls this on every (re)connect. Reads under way are not kept. */
  clear(): void {
    this.entries.clear();
    this.questionCount = 0;
    for (const set of this.reads.values()) for (const read of set) read.valid = false;
  }

  private invalidate(deckId: string): void {
    for (const read of this.reads.get(deckId) ?? []) read.valid = false;
  }

  /** Keeps `entry` (a new object per state) as the most recently used, with its snapshot when whole. */
  private store(deckId: string, entry: Entry): void {
    const { questions } = entry;
    entry.snapshot = questions
      ? { questions: questions.questions, onScreen: questions.onScreen, polls: entry.polls }
      : null;
    this.drop(deckId);
    this.entries.set(deckId, entry);
    this.questionCount += questionsOf(entry);
    if (this.entries.size > this.maxDecks || this.questionCount > this.maxQuestions) this.evict();
  }

  private drop(deckId: string): void {
    const entry = this.entries.get(deckId);
    if (!entry) return;
    this.questionCount -= questionsOf(entry);
    this.entries.delete(deckId);
  }

  private evict(): void {
    for (const deckId of this.entries.keys()) {
      if (this.entries.size <= this.maxDecks && this.questionCount <= this.maxQuestions) return;
      if (!this.options.followed(deckId)) this.drop(deckId);
    }
  }
}

function questionsOf(entry: Entry): number {
  return entry.questions?.questions.length ?? 0;
}

/** `polls` with each of `heard` in place of the same poll's older tally (or added), in poll id order. */
function merged(polls: PollEventData[], heard: PollEventData[]): PollEventData[] {
  if (heard.length === 0) return polls;
  const byId = new Map(polls.map((poll) => [poll.id, poll]));
  for (const tally of heard) {
    const held = byId.get(tally.id);
    if (!held || held.version < tally.version) byId.set(tally.id, tally);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
