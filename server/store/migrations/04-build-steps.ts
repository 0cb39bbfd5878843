import { DECK_CHANNEL } from '../deck-notification.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 4,
  name: 'build steps',
  sql: `
    -- slide_steps[i + 1] is how many build steps slide i has; existing decks have none.
    ALTER TABLE decks ADD COLUMN slide_steps integer[];
    UPDATE decks SET slide_steps = array_fill(0, ARRAY[slide_count]);
    ALTER TABLE decks ALTER COLUMN slide_steps SET NOT NULL,
      ADD CONSTRAINT decks_slide_steps_length CHECK (cardinality(slide_steps) = slide_count),
      ADD COLUMN current_step integer NOT NULL DEFAULT 0,
      ADD CONSTRAINT decks_current_step_range
        CHECK (current_step >= 0 AND current_step <= slide_steps[current_index + 1]);

    CREATE OR REPLACE FUNCTION podium_notify_slide() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${DECK_CHANNEL}', json_build_object(
        'deck', NEW.id, 'index', NEW.current_index, 'step', NEW.current_step, 'version', NEW.version,
        'count', NEW.slide_count
      )::text);
      RETURN NEW;
    END $$;
  `,
};
