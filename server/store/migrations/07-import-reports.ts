import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 7,
  name: 'import reports',
  sql: `
    -- The latest import's warnings, for the presenter; NULL for decks imported before they were kept.
    ALTER TABLE decks ADD COLUMN warnings jsonb;
  `,
};
