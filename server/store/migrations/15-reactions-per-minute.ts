import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 15,
  name: 'reactions per minute',
  sql: `
    -- The reactions over time, for the report: each flush adds its taps to the deck's row for the
    -- minute and name (a handful of rows a minute per deck, whatever the audience). Pruned after
    -- PODIUM_HISTORY_DAYS like the rest of the history; deleted with the deck.
    CREATE TABLE reaction_minutes (
      deck_id text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
      minute  timestamptz NOT NULL,
      name    text NOT NULL,
      count   bigint NOT NULL,
      PRIMARY KEY (deck_id, minute, name)
    );
    CREATE INDEX reaction_minutes_minute ON reaction_minutes (minute);
  `,
};
