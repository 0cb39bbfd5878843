import { DECK_CHANNEL } from '../deck-notification.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 2,
  name: 'notify key changes',
  sql: `
    -- Every process caches live key hashes; any change to a deck's keys tells them all to forget.
    CREATE FUNCTION podium_notify_keys() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE deck text;
    BEGIN
      IF TG_OP = 'DELETE' THEN deck := OLD.deck_id; ELSE deck := NEW.deck_id; END IF;
      PERFORM pg_notify('${DECK_CHANNEL}', json_build_object('keys', deck)::text);
      RETURN NULL;
    END $$;

    CREATE TRIGGER presenter_keys_notify AFTER INSERT OR UPDATE OR DELETE ON presenter_keys
      FOR EACH ROW EXECUTE FUNCTION podium_notify_keys();
  `,
};
