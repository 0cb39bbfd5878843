import { DECK_CHANNEL } from '../deck-notification.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 13,
  name: 'room settings and the audience over time',
  sql: `
    -- The presenter may turn reaction bursts off for the whole room (counts stay for the presenter);
    -- browse (migration 10) may now change during the talk too. Either change grows the version.
    ALTER TABLE decks ADD COLUMN bursts boolean NOT NULL DEFAULT true;

    -- Slide events also carry bursts: false while they are off for the room.
    CREATE OR REPLACE FUNCTION podium_notify_slide() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${DECK_CHANNEL}', json_strip_nulls(json_build_object(
        'deck', NEW.id, 'index', NEW.current_index, 'step', NEW.current_step, 'version', NEW.version,
        'count', NEW.slide_count,
        'reached', CASE WHEN NEW.browse = 'behind' THEN json_build_array(NEW.reached_index, NEW.reached_step) END,
        'before', CASE WHEN NEW.browse = 'behind' THEN json_build_array(OLD.reached_index, OLD.reached_step) END,
        'startedAt', round(extract(epoch FROM NEW.started_at) * 1000)::float8,
        'durationMinutes', NEW.duration_minutes,
        'bursts', CASE WHEN NOT NEW.bursts THEN false END
      ))::text);
      RETURN NEW;
    END $$;

    -- The audience over time: one row per deck and sample interval, summed from deck_presence by
    -- whichever process samples first (the others' inserts of the same interval do nothing).
    CREATE TABLE audience_samples (
      deck_id   text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
      at        timestamptz NOT NULL,
      viewers   integer NOT NULL CHECK (viewers >= 0),
      live      integer NOT NULL CHECK (live >= 0),
      browsing  integer NOT NULL CHECK (browsing >= 0),
      PRIMARY KEY (deck_id, at)
    );

    -- History older than PODIUM_HISTORY_DAYS is pruned by time, across decks. Pruning leaves each
    -- deck the slide that was on screen at the cutoff, at the cutoff: kept history starts there.
    CREATE INDEX audience_samples_at ON audience_samples (at);
    CREATE INDEX slide_changes_at ON slide_changes (at);
    ALTER TABLE slide_changes ADD COLUMN starts_history boolean NOT NULL DEFAULT false;
  `,
};
