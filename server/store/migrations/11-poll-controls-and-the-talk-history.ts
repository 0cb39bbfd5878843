import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 11,
  name: 'poll controls and the talk history',
  sql: `
    -- The presenter opens and closes a poll (closed: no more votes) and reveals its results to the room.
    ALTER TABLE polls ADD COLUMN open boolean NOT NULL DEFAULT true,
      ADD COLUMN revealed boolean NOT NULL DEFAULT false,
      ADD COLUMN closed_at timestamptz;

    -- The presenter may put the audience's top questions on every screen.
    ALTER TABLE decks ADD COLUMN questions_on_screen boolean NOT NULL DEFAULT false;

    -- When each question was asked is kept already (created_at); when each slide was shown is kept here,
    -- for the report's time per slide. Deleted with the deck.
    CREATE TABLE slide_changes (
      deck_id  text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
      at       timestamptz NOT NULL DEFAULT clock_timestamp(),
      slide    integer NOT NULL,
      PRIMARY KEY (deck_id, at, slide)
    );
    CREATE FUNCTION podium_record_slide_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO slide_changes (deck_id, slide) VALUES (NEW.id, NEW.current_index) ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$;
    CREATE TRIGGER decks_record_slide_change AFTER UPDATE ON decks
      FOR EACH ROW WHEN (OLD.current_index IS DISTINCT FROM NEW.current_index)
      EXECUTE FUNCTION podium_record_slide_change();
  `,
};
