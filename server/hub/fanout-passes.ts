import type { SseStream } from './sse-stream.js';

/** One kind's newest frame for a deck, framed once and shared by its streams. */
export interface Framed {
  name: string;
  frame: Buffer;
  /** The same frame as one HTTP/1.1 chunk (see chunkedFrame). */
  chunk: Buffer;
  version: number;
}

/** A fan-out of one deck: the newest frame per kind, and the streams still to visit. */
interface Pass {
  frames: Map<string, Framed>;
  streams: Set<SseStream>;
  next: Iterator<SseStream>;
  /** Some streams were offered frames in this pass. */
  begun: boolean;
  /** Newer frames arrived after the pass began: the streams visited before need another pass. */
  stale: boolean;
  reached: number;
  /** Time spent writing in this pass, ms. */
  spent: number;
  /** performance.now() before which the pass does not begin (a busy deck's pause). */
  heldUntil: number;
}

/** What one `run` did and what is left. */
export interface SliceOutcome {
  /** Frames the streams took. */
  taken: number;
  /** Passes that can go on at once. */
  ready: number;
  /** The earliest performance.now() at which a held pass may begin (Infinity: none). */
  wakeAt: number;
}

/** How often (in streams offered) a slice looks at the clock. */
const CLOCK_EVERY = 32;

/**
 * The fan-outs in progress, written in slices: each `run` writes until its budget is spent,
 * then the caller lets the event loop take its I/O (PUTs, new streams) before the next slice.
 * Without slices, one deck with thousands of streams held the loop for every change (~15 ms
 * per 2,000 streams), so PUTs advanced one step per fan-out.
 *
 * A newer change of a deck whose pass is under way replaces its frames: streams not yet
 * visited get only the newest, and the pass is marked stale. A stale pass, once done, goes
 * round once more for the streams it visited early (each stream ignores versions it has seen),
 * but only after pausing for as long as it spent writing, times `pace`: a deck that changes
 * faster than it can be written costs at most 1 / (1 + pace) of the loop, and its streams get
 * the newest state within about two passes. A change to a quiet deck never waits. Passes take
 * turns: one that runs out of budget goes to the back of the line.
 */
export class FanoutPasses {
  private readonly passes = new Map<string, Pass>();

  /** `onDone` hears of every finished pass: the time it spent writing (s) and the streams that took a frame. */
  constructor(
    private readonly pace: number,
    private readonly onDone: (seconds: number, reached: number) => void,
  ) {}

  get size(): number {
    return this.passes.size;
  }

  /** Starts the pass of `deckId` with `frames`, or gives the newest frames to the one under way. */
  start(deckId: string, streams: Set<SseStream>, frames: Framed[]): void {
    let pass = this.passes.get(deckId);
    if (!pass || pass.streams !== streams) {
      pass = {
        frames: new Map(),
        streams,
        next: streams.values(),
        begun: false,
        stale: false,
        reached: 0,
        spent: 0,
        heldUntil: 0,
      };
      this.passes.set(deckId, pass);
    } else if (pass.begun) pass.stale = true;
    for (const framed of frames) pass.frames.set(framed.name, framed);
  }

  /** Writes until every ready pass is done or `budgetMs` is spent. */
  run(budgetMs: number, now = performance.now()): SliceOutcome {
    const deadline = now + budgetMs;
    let offered = 0;
    let taken = 0;
    let late = false;
    for (const [deckId, pass] of this.passes) {
      if (late) break;
      if (pass.heldUntil > now) continue;
      const started = performance.now();
      let done = false;
      pass.begun = true;
      for (;;) {
        const step = pass.next.next();
        if (step.done) {
          done = true;
          break;
        }
        for (const f of pass.frames.values()) {
          if (step.value.send(f.name, f.frame, f.version, f.chunk)) {
            pass.reached += 1;
            taken += 1;
          }
        }
        offered += 1;
        if (offered % CLOCK_EVERY === 0 && performance.now() >= deadline) {
          late = true;
          break;
        }
      }
      const ended = performance.now();
      pass.spent += ended - started;
      this.passes.delete(deckId);
      if (!done) {
        this.passes.set(deckId, pass);
        continue;
      }
      if (pass.reached > 0) this.onDone(pass.spent / 1000, pass.reached);
      if (pass.stale) {
        // Once more for the streams visited before the newest frames came, after a pause.
        pass.heldUntil = ended + pass.spent * this.pace;
        Object.assign(pass, { next: pass.streams.values(), begun: false, stale: false, reached: 0, spent: 0 });
        this.passes.set(deckId, pass);
      }
    }
    let ready = 0;
    let wakeAt = Infinity;
    const at = performance.now();
    for (const pass of this.passes.values()) {
      if (pass.heldUntil > at) wakeAt = Math.min(wakeAt, pass.heldUntil);
      else ready += 1;
    }
    return { taken, ready, wakeAt };
  }

  /** Drops every pass (the hub is closing). */
  clear(): void {
    this.passes.clear();
  }
}
