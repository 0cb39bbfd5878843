import type { SlideTime } from '../../shared/room-protocol.js';
import { guardConnection, type Database } from './database.js';

/**
 * The talk's history as Postgres keeps it for the report: when each slide was shown (the
 * `slide_changes` rows the slide trigger writes). Kept as long as the deck; deleted with it.
 */
export class HistoryStore {
  constructor(private readonly db: Database) {}

  /** Seconds each slide has been shown in total, up to `now`, from the deck's creation on (slide 0 first). */
  async slideTimes(deckId: string, now = new Date()): Promise<SlideTime[]> {
    const rows = await guardConnection(() =>
      this.db.query<{ slide: number; at: number }>(
        `SELECT 0 AS slide, extract(epoch FROM created_at)::float8 AS at FROM decks WHERE id = $1
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
