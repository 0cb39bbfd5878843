import { guardConnection, type Database } from './database.js';

/** What one client address spent on creating decks over the last 24 hours. */
export interface AddressUsage {
  decks: number;
  bytes: number;
  renderMs: number;
  /** Seconds until the oldest hour counted leaves the window (0 when nothing is counted). */
  oldestLeavesInS: number;
}

/** The cost of one deck creation, charged to its address. */
export interface CreationCost {
  decks: number;
  bytes: number;
  renderMs: number;
}

interface UsageRow {
  decks: string | number;
  bytes: string | number;
  render_ms: string | number;
  leaves_in_s: string | number | null;
}

/** Deck-creation costs per address (hourly rows, a rolling day) and the bytes stored in all. */
export class AdmissionStore {
  constructor(private readonly db: Database) {}

  /** What `address` spent over the last 24 hours. */
  async usage(address: string): Promise<AddressUsage> {
    const rows = await guardConnection(() =>
      this.db.query<UsageRow>(
        `SELECT coalesce(sum(decks), 0) AS decks, coalesce(sum(bytes), 0) AS bytes,
                coalesce(sum(render_ms), 0) AS render_ms,
                ceil(extract(epoch FROM min(hour) + interval '24 hours' - now())) AS leaves_in_s
           FROM deck_admissions WHERE address = $1 AND hour > now() - interval '24 hours'`,
        [address],
      ),
    );
    const row = rows[0];
    return {
      decks: Number(row?.decks ?? 0),
      bytes: Number(row?.bytes ?? 0),
      renderMs: Number(row?.render_ms ?? 0),
      oldestLeavesInS: Math.max(0, Number(row?.leaves_in_s ?? 0)),
    };
  }

  /** Adds `cost` to this hour of `address`. */
  async charge(address: string, cost: CreationCost): Promise<void> {
    await guardConnection(() =>
      this.db.query(
        `INSERT INTO deck_admissions (address, hour, decks, bytes, render_ms)
         VALUES ($1, date_trunc('hour', now()), $2, $3, $4)
         ON CONFLICT (address, hour) DO UPDATE SET decks = deck_admissions.decks + EXCLUDED.decks,
           bytes = deck_admissions.bytes + EXCLUDED.bytes, render_ms = deck_admissions.render_ms + EXCLUDED.render_ms`,
        [address, cost.decks, cost.bytes, Math.round(cost.renderMs)],
      ),
    );
  }

  /** Bytes stored by decks (slides and notes as stored) and their files, together. */
  async storedBytes(): Promise<number> {
    const rows = await guardConnection(() =>
      this.db.query<{ bytes: string | number }>(
        `SELECT (SELECT coalesce(sum(size), 0) FROM assets)
              + (SELECT coalesce(sum(pg_column_size(slides) + pg_column_size(notes)), 0) FROM decks) AS bytes`,
      ),
    );
    return Number(rows[0]?.bytes ?? 0);
  }

  /** Forgets hours that no longer count (older than a day); returns how many rows went. */
  async forgetOld(): Promise<number> {
    const rows = await guardConnection(() =>
      this.db.query<{ hour: string }>(
        `DELETE FROM deck_admissions WHERE hour <= now() - interval '24 hours' RETURNING hour`,
      ),
    );
    return rows.length;
  }
}
