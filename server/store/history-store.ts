import type { AudienceSample, SlideTime } from '../../shared/room-protocol.js';
import { guardConnection, type Database } from './database.js';

/**
 * Samples every deck's audience once per interval of `$1` ms, summed over the fresh presence rows
 * of every process (at most `$2` ms old). Each process runs it every interval: the first to run in
 * an interval writes its rows, the others' inserts of the same (deck, interval) do nothing, so
 * nothing is counted twice and the writes stay a few per interval, however large the audience.
 */
const SAMPLE_SQL = `
  INSERT INTO audience_samples (deck_id, at, viewers, live, browsing)
  SELECT deck_id, to_timestamp(floor(extract(epoch FROM now()) * 1000 / $1) * $1 / 1000.0),
         sum(viewers), sum(viewers) - LEAST(sum(browsing), sum(viewers)), LEAST(sum(browsing), sum(viewers))
  FROM deck_presence
  WHERE updated_at > now() - make_interval(secs => $2::float8 / 1000)
  GROUP BY deck_id
  HAVING sum(viewers) > 0
  ON CONFLICT (deck_id, at) DO NOTHING`;

/**
 * The talk's history as Postgres keeps it for the report: when each slide was shown (the
 * `slide_changes` rows the slide trigger writes) and the audience over time (`audience_samples`).
 * Deleted with the deck, and pruned once older than PODIUM_HISTORY_DAYS.
 */
export class HistoryStore {
  constructor(private readonly db: Database) {}

  /** Writes this interval's audience samples (see SAMPLE_SQL); answers how many rows it wrote. */
  async sampleAudience(intervalMs: number, freshMs: number): Promise<number> {
    const rows = await guardConnection(() =>
      this.db.query<{ n: number }>(
        `WITH written AS (${SAMPLE_SQL} RETURNING 1) SELECT count(*)::int AS n FROM written`,
        [intervalMs, freshMs],
      ),
    );
    return rows[0]?.n ?? 0;
  }

  /** The deck's audience samples, oldest first. */
  async audience(deckId: string): Promise<AudienceSample[]> {
    const rows = await guardConnection(() =>
      this.db.query<{ at_ms: number; viewers: number; live: number; browsing: number }>(
        `SELECT round(extract(epoch FROM at) * 1000)::float8 AS at_ms, viewers, live, browsing
         FROM audience_samples WHERE deck_id = $1 ORDER BY at`,
        [deckId],
      ),
    );
    return rows.map((row) => ({
      at: new Date(Number(row.at_ms)).toISOString(),
      viewers: row.viewers,
      live: row.live,
      browsing: row.browsing,
    }));
  }

  /**
   * Deletes slide changes, audience samples and reactions per minute older than `days` days (every deck); each deck that
   * lost slide changes keeps the slide on screen at the cutoff, as a change at the cutoff that
   * starts its kept history (so time per slide covers what is kept). Answers how many were deleted.
   */
  async prune(days: number): Promise<{ slideChanges: number; audienceSamples: number; reactionMinutes: number }> {
    const rows = await guardConnection(() =>
      this.db.query<{ slide_changes: number; audience_samples: number; reaction_minutes: number }>(
        `WITH cutoff AS (SELECT now() - $1::float8 * interval '1 day' AS at),
              last_old AS (
                SELECT DISTINCT ON (s.deck_id) s.deck_id, s.slide FROM slide_changes s, cutoff
                WHERE s.at < cutoff.at ORDER BY s.deck_id, s.at DESC),
              slides AS (DELETE FROM slide_changes s USING cutoff WHERE s.at < cutoff.at RETURNING 1),
              starts AS (
                INSERT INTO slide_changes (deck_id, at, slide, starts_history)
                SELECT last_old.deck_id, cutoff.at, last_old.slide, true FROM last_old, cutoff
                ON CONFLICT DO NOTHING RETURNING 1),
              samples AS (DELETE FROM audience_samples a USING cutoff WHERE a.at < cutoff.at RETURNING 1),
              minutes AS (DELETE FROM reaction_minutes r USING cutoff WHERE r.minute < cutoff.at RETURNING 1)
         SELECT (SELECT count(*) FROM slides)::int - (SELECT count(*) FROM starts)::int AS slide_changes,
                (SELECT count(*) FROM samples)::int AS audience_samples,
                (SELECT count(*) FROM minutes)::int AS reaction_minutes`,
        [days],
      ),
    );
    const row = rows[0];
    return {
      slideChanges: row?.slide_changes ?? 0,
      audienceSamples: row?.audience_samples ?? 0,
      reactionMinutes: row?.reaction_minutes ?? 0,
    };
  }

  /** Seconds each slide has been shown in total, up to `now`, from the deck's creation on (slide 0 first). */
  async slideTimes(deckId: string, now = new Date()): Promise<SlideTime[]> {
    const rows = await guardConnection(() =>
      this.db.query<{ slide: number; at: number }>(
        `SELECT 0 AS slide, extract(epoch FROM created_at)::float8 AS at FROM decks WHERE id = $1
           AND NOT EXISTS (SELECT 1 FROM slide_changes WHERE deck_id = $1 AND starts_history)
         UNION ALL
         SELECT slide, extract(epoch FROM at)::float8 FROM slide_changes WHERE deck_id = $1
         ORDER BY at`,
        [deckId],
      ),
    );
    return sumDwellTimes(
      rows.map((row) => ({ slide: row.slide, at: Number(row.at) * 1000 })),
      now.getTime(),
    );
  }
}

/** Seconds per slide from a timeline of `{slide, at}` (ms, in order): each entry lasts until the next one, the last until `now`. */
export function sumDwellTimes(timeline: ReadonlyArray<{ slide: number; at: number }>, now: number): SlideTime[] {
  const seconds = new Map<number, number>();
  timeline.forEach((entry, i) => {
    const end = timeline[i + 1]?.at ?? now;
    seconds.set(entry.slide, (seconds.get(entry.slide) ?? 0) + Math.max(0, end - entry.at) / 1000);
  });
  return [...seconds]
    .sort(([a], [b]) => a - b)
    .map(([slide, total]) => ({ slide, seconds: Math.round(total * 10) / 10 }));
}
