import type { SlideState } from '../../shared/protocol.js';
import { clampIndex } from '../utils/slide-text.js';
import { newerState } from './newer-state.js';

/**
 * Which slide one audience member sees: the live state (taken by the `newerState` rule)
 * and, while they browse on their own, the slide they chose. Starts following live.
 */
export class ViewerPosition {
  /** The newest live state taken; version 0 until the first. */
  live: SlideState = { index: 0, step: 0, version: 0 };
  /** The furthest live slide and step taken (slide first, then step); where the handout may reach. */
  furthest = { index: 0, step: 0 };
  /** True while the viewer is on the live slide and moves with it. */
  following = true;
  private viewIndex = 0;

  /** The slide to show in a deck of `count` slides. */
  shown(count: number): number {
    return clampIndex(this.following ? this.live.index : this.viewIndex, count);
  }

  /**
   * The builds to show of the shown slide, which has `steps`: the live step while following,
   * every build while browsing on one's own.
   */
  shownStep(steps: number): number {
    return this.following ? Math.min(this.live.step, steps) : steps;
  }

  /** Takes a live state from the server; false, and nothing changes, when it is not newer. */
  take(state: SlideState): boolean {
    const next = newerState(this.live, state);
    if (next === this.live) return false;
    this.live = next;
    const { furthest } = this;
    if (next.index > furthest.index || (next.index === furthest.index && next.step > furthest.step)) {
      this.furthest = { index: next.index, step: next.step };
    }
    // A viewer who browsed to the slide the presenter now moved to is back on live.
    if (!this.following && this.viewIndex === next.index) this.following = true;
    if (this.following) this.viewIndex = next.index;
    return true;
  }

  /** Moves the viewer to `index` of `count` slides; following again when that is the live slide. */
  browse(index: number, count: number): void {
    this.viewIndex = clampIndex(index, count);
    this.following = this.viewIndex === clampIndex(this.live.index, count);
  }

  /** Back to the live slide, following it. */
  followLive(): void {
    this.following = true;
    this.viewIndex = this.live.index;
  }

  /** Keeps the browsed slide inside a deck that now has `count` slides. */
  fit(count: number): void {
    this.viewIndex = clampIndex(this.viewIndex, count);
  }
}
