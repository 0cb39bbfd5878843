import { DECK_CHANNEL } from '../deck-notification.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 10,
  name: 'presenter online and browsing behind',
  sql: `
    -- When a presenter remote of each deck was last connected; refreshed every few seconds by
    -- the process holding its stream, so the audience on every process can tell it is gone.
    CREATE TABLE deck_presenter (
      deck_id  text PRIMARY KEY REFERENCES decks(id) ON DELETE CASCADE,
      seen_at  timestamptz NOT NULL
    );

    -- browse 'behind': the audience gets only the slides up to the furthest shown (reached_*).
    ALTER TABLE decks
      ADD COLUMN browse text NOT NULL DEFAULT 'free' CHECK (browse IN ('free', 'behind')),
      ADD COLUMN reached_index integer NOT NULL DEFAULT 0 CHECK (reached_index >= 0),
      ADD COLUMN reached_step integer NOT NULL DEFAULT 0 CHECK (reached_step >= 0);
    UPDATE decks SET reached_index = current_index, reached_step = current_step;

    -- A deck browsed behind also tells how far it has reached, and how far it had before.
    CREATE OR REPLACE FUNCTION podium_notify_slide() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${DECK_CHANNEL}', json_strip_nulls(json_build_object(
        'deck', NEW.id, 'index', NEW.current_index, 'step', NEW.current_step, 'version', NEW.version,
        'count', NEW.slide_count,
        'reached', CASE WHEN NEW.browse = 'behind' THEN json_build_array(NEW.reached_index, NEW.reached_step) END,
        'before', CASE WHEN NEW.browse = 'behind' THEN json_build_array(OLD.reached_index, OLD.reached_step) END
      ))::text);
      RETURN NEW;
    END $$;
  `,
};
