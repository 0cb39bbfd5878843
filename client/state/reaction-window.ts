import type { ReactionCounts } from '../../shared/room-protocol.js';
import { REACTION_NAMES } from '../../shared/validate.js';

/** How far back the window counts, in ms. Default 60 s. */
export const REACTION_WINDOW_MS = 60_000;

/**
 * Reactions over the last minute, from the `recent` part of `reactions` events: each event's
 * taps are kept with their time and dropped once older than the window.
 */
export class ReactionWindow {
  private entries: Array<{ at: number; recent: ReactionCounts }> = [];

  constructor(private readonly windowMs = REACTION_WINDOW_MS) {}

  /** Adds one event's new taps, received at `at`. */
  add(recent: ReactionCounts, at = Date.now()): void {
    this.entries.push({ at, recent });
  }

  /** Taps by name within the window ending at `now` (every name present, 0 when none). */
  counts(now = Date.now()): Record<(typeof REACTION_NAMES)[number], number> {
    this.entries = this.entries.filter((entry) => now - entry.at < this.windowMs);
    const totals = Object.fromEntries(REACTION_NAMES.map((name) => [name, 0])) as Record<
      (typeof REACTION_NAMES)[number],
      number
    >;
    for (const entry of this.entries) for (const name of REACTION_NAMES) totals[name] += entry.recent[name] ?? 0;
    return totals;
  }

  /** Forgets everything (another deck). */
  clear(): void {
    this.entries = [];
  }
}
