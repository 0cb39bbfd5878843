import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 9,
  name: 'deck creation costs per address',
  sql: `
    -- What each client address spent on creating decks, by the hour: the per-address daily
    -- quotas sum the last 24 rows. Rows older than a day are swept with idle decks.
    CREATE TABLE deck_admissions (
      address    text NOT NULL,
      hour       timestamptz NOT NULL,
      decks      integer NOT NULL DEFAULT 0,
      bytes      bigint NOT NULL DEFAULT 0,
      render_ms  bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (address, hour)
    );
    CREATE INDEX deck_admissions_hour ON deck_admissions (hour);
  `,
};
