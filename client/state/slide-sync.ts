import type { SlideState } from '../../shared/protocol.js';
import { ApiError } from '../api/request.js';
import { newerState } from './newer-state.js';
import { samePosition, type SlidePosition } from './step-walk.js';

/** How a round of PUTs ended, and the state to show now. */
export type SyncOutcome =
  | { kind: 'saved'; state: SlideState }
  /** 412: someone else moved the deck; `state` is the server's current state. */
  | { kind: 'conflict'; state: SlideState }
  /** Not saved; `state` is the last state the server confirmed. */
  | { kind: 'failed'; state: SlideState; error: ApiError };

/**
 * The presenter's side of the slide state: optimistic, latest-wins, compare-and-set.
 * `request(at)` returns at once (the UI already shows slide and step `at`); PUTs go out one at a time
 * with `If-Match` set to the last confirmed version, and taps made meanwhile collapse into
 * one PUT for the newest target. A 412 adopts the server's `current` state directly, so
 * the screen moves once, never back and forth.
 */
export class SlideSync {
  private state: SlideState;
  private desired: SlidePosition | null = null;
  private inFlight = false;

  constructor(
    initial: SlideState,
    private readonly send: (target: SlidePosition, version: number) => Promise<SlideState>,
    private readonly onSettled: (outcome: SyncOutcome) => void,
  ) {
    this.state = { index: initial.index, step: initial.step, version: initial.version };
  }

  /** The last state the server confirmed (PUT answer, stream event or fetch). */
  get confirmed(): SlideState {
    return this.state;
  }

  /** True while a change is being sent or waits to be sent. */
  get pending(): boolean {
    return this.inFlight || this.desired !== null;
  }

  /** Records a state from the server (stream event, fetch, PUT or 412 answer) by the `newerState` rule. */
  observe(state: SlideState): void {
    this.state = newerState(this.state, state);
  }

  /** Asks the server for slide and step `target`; settles through `onSettled`. */
  request(target: SlidePosition): void {
    this.desired = { index: target.index, step: target.step };
    void this.flush();
  }

  private async flush(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    let outcome: SyncOutcome | null = null;
    while (this.desired !== null && !samePosition(this.desired, this.state)) {
      const target = this.desired;
      try {
        this.observe(await this.send(target, this.state.version));
        outcome = { kind: 'saved', state: this.state };
      } catch (error) {
        this.desired = null;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong.');
        if (apiError.status === 412 && apiError.current) {
          // Versions only grow and a 412 means ours was stale, so `current` is newer.
          this.observe(apiError.current);
          outcome = { kind: 'conflict', state: this.state };
        } else {
          outcome = { kind: 'failed', state: this.state, error: apiError };
        }
      }
    }
    this.desired = null;
    this.inFlight = false;
    this.onSettled(outcome ?? { kind: 'saved', state: this.state });
  }
}
