import type { AudienceSample } from '../../shared/room-protocol.js';

/** One point of the audience chart: a time (epoch ms) and the counts then. */
export interface AudiencePoint {
  at: number;
  viewers: number;
  live: number;
  browsing: number;
}

/**
 * The samples as points to draw, oldest first: where intervals passed without a sample (nobody
 * watched), the line drops to zero one interval after the last sample and rises one interval
 * before the next, instead of joining them across the gap.
 */
export function audienceSeries(samples: readonly AudienceSample[], intervalMs: number): AudiencePoint[] {
  const points: AudiencePoint[] = [];
  for (const sample of samples) {
    const at = Date.parse(sample.at);
    const previous = points.at(-1);
    if (previous && at - previous.at > intervalMs * 1.5) {
      const nobody = { viewers: 0, live: 0, browsing: 0 };
      points.push({ at: previous.at + intervalMs, ...nobody });
      if (at - intervalMs > previous.at + intervalMs) points.push({ at: at - intervalMs, ...nobody });
    }
    points.push({ at, viewers: sample.viewers, live: sample.live, browsing: sample.browsing });
  }
  return points;
}
