import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 5,
  name: 'reactions and presence',
  sql: `
    -- Reaction totals per deck and name; each process adds its taps in one upsert per flush.
    CREATE TABLE deck_reactions (
      deck_id  text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
      name     text NOT NULL,
      count    bigint NOT NULL DEFAULT 0 CHECK (count >= 0),
      PRIMARY KEY (deck_id, name)
    );

    -- Each process's viewers per deck, refreshed every few seconds; stale rows are ignored.
    CREATE TABLE deck_presence (
      process_id  text NOT NULL,
      deck_id     text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
      viewers     integer NOT NULL CHECK (viewers >= 0),
      live        integer NOT NULL CHECK (live >= 0),
      browsing    integer NOT NULL CHECK (browsing >= 0),
      updated_at  timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (process_id, deck_id)
    );
    CREATE INDEX deck_presence_deck ON deck_presence (deck_id, updated_at);
  `,
};
