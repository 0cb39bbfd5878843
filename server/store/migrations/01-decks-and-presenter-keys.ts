import { DECK_CHANNEL } from '../deck-notification.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 1,
  name: 'decks and presenter keys',
  sql: `
    CREATE TABLE decks (
      id            text PRIMARY KEY,
      title         text NOT NULL,
      slides        jsonb NOT NULL,
      notes         jsonb NOT NULL,
      slide_count   integer NOT NULL CHECK (slide_count > 0),
      source_hash   text,
      current_index integer NOT NULL DEFAULT 0 CHECK (current_index >= 0 AND current_index < slide_count),
      version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE presenter_keys (
      id          bigserial PRIMARY KEY,
      deck_id     text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
      key_hash    bytea NOT NULL UNIQUE,
      label       text NOT NULL DEFAULT '',
      created_at  timestamptz NOT NULL DEFAULT now(),
      revoked_at  timestamptz
    );
    CREATE INDEX presenter_keys_deck ON presenter_keys (deck_id) WHERE revoked_at IS NULL;

    -- The NOTIFY rides in the same transaction as the change: no commit without its event.
    -- Its payload is a SlidePayload, and the key trigger's a KeysPayload (deck-notification.ts).
    CREATE FUNCTION podium_notify_slide() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${DECK_CHANNEL}', json_build_object(
        'deck', NEW.id, 'index', NEW.current_index, 'version', NEW.version, 'count', NEW.slide_count
      )::text);
      RETURN NEW;
    END $$;

    CREATE TRIGGER decks_notify_slide AFTER UPDATE ON decks
      FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version)
      EXECUTE FUNCTION podium_notify_slide();
  `,
};
