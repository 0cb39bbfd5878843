import { DECK_CHANNEL } from '../deck-notification.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 12,
  name: 'talk clock',
  sql: `
    -- One clock per talk: when it started (the first slide change, or an explicit start; NULL
    -- before and after "start over") and its target length, from front matter or the remote.
    ALTER TABLE decks ADD COLUMN started_at timestamptz,
      ADD COLUMN duration_minutes double precision CHECK (duration_minutes > 0 AND duration_minutes <= 1440);

    -- Slide events also carry the clock (absent while it is not running and has no target).
    CREATE OR REPLACE FUNCTION podium_notify_slide() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${DECK_CHANNEL}', json_strip_nulls(json_build_object(
        'deck', NEW.id, 'index', NEW.current_index, 'step', NEW.current_step, 'version', NEW.version,
        'count', NEW.slide_count,
        'reached', CASE WHEN NEW.browse = 'behind' THEN json_build_array(NEW.reached_index, NEW.reached_step) END,
        'before', CASE WHEN NEW.browse = 'behind' THEN json_build_array(OLD.reached_index, OLD.reached_step) END,
        'startedAt', round(extract(epoch FROM NEW.started_at) * 1000)::float8,
        'durationMinutes', NEW.duration_minutes
      ))::text);
      RETURN NEW;
    END $$;
  `,
};
