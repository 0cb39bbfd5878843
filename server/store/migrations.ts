import type { Database, Queryable } from './database.js';
import type { Migration } from './migrations/migration.js';
import { migration as m01 } from './migrations/01-decks-and-presenter-keys.js';
import { migration as m02 } from './migrations/02-notify-key-changes.js';
import { migration as m03 } from './migrations/03-deck-assets.js';
import { migration as m04 } from './migrations/04-build-steps.js';
import { migration as m05 } from './migrations/05-reactions-and-presence.js';
import { migration as m06 } from './migrations/06-questions-and-polls.js';
import { migration as m07 } from './migrations/07-import-reports.js';
import { migration as m08 } from './migrations/08-single-use-pairing-links.js';
import { migration as m09 } from './migrations/09-deck-creation-costs-per-address.js';
import { migration as m10 } from './migrations/10-presenter-online-and-browsing-behind.js';
import { migration as m11 } from './migrations/11-poll-controls-and-the-talk-history.js';
import { migration as m12 } from './migrations/12-talk-clock.js';
import { migration as m13 } from './migrations/13-room-settings-and-the-audience-over-time.js';
import { migration as m14 } from './migrations/14-one-questions-notification-per-statement.js';
import { migration as m15 } from './migrations/15-reactions-per-minute.js';

/** Every schema change, oldest first: one file each under migrations/, named by version. */
const MIGRATIONS: readonly Migration[] = [m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12, m13, m14, m15];

/** Every migration's version, in the order they apply (tests compare against it). */
export const MIGRATION_VERSIONS: readonly number[] = MIGRATIONS.map((migration) => migration.version);

/** Arbitrary constant shared by every Podium process: "podium" in ASCII. */
const MIGRATION_LOCK_KEY = 0x706f6469;

/**
 * Applies pending migrations under an advisory lock, so processes may start at once; up to
 * version `upTo` (default all: tests pass a lower one to build an older schema).
 */
export async function migrate(db: Database, upTo = Infinity): Promise<number[]> {
  return db.withAdvisoryLock(MIGRATION_LOCK_KEY, async (conn: Queryable) => {
    await conn.query(`CREATE TABLE IF NOT EXISTS podium_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const rows = await conn.query<{ version: number }>('SELECT version FROM podium_migrations');
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version) || migration.version > upTo) continue;
      await conn.query('BEGIN');
      try {
        await conn.exec(migration.sql);
        await conn.query('INSERT INTO podium_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await conn.query('COMMIT');
      } catch (err) {
        await conn.query('ROLLBACK');
        throw err;
      }
      applied.push(migration.version);
    }
    return applied;
  });
}
