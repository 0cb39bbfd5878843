import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 3,
  name: 'deck assets',
  sql: `
    -- Content-addressed files (images of decks): the id is the hex sha256 of the bytes as served.
    CREATE TABLE assets (
      id          text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
      type        text NOT NULL,
      size        integer NOT NULL CHECK (size >= 0),
      bytes       bytea NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now()
    );
    -- Images and PDFs are compressed already: store them without another compression pass.
    ALTER TABLE assets ALTER COLUMN bytes SET STORAGE EXTERNAL;

    -- Which files a deck was imported with, by their path relative to the deck.
    CREATE TABLE deck_assets (
      deck_id   text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
      path      text NOT NULL,
      asset_id  text NOT NULL REFERENCES assets(id),
      PRIMARY KEY (deck_id, path)
    );
    CREATE INDEX deck_assets_asset ON deck_assets (asset_id);
  `,
};
