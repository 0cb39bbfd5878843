import { DECK_CHANNEL } from '../deck-notification.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 14,
  name: 'one questions notification per statement',
  sql: `
    -- A batch of votes updates many questions in one statement; a row trigger sent one
    -- notification per question (hundreds a second in a vote storm), each making every process
    -- read the list again. Now each statement tells every process once per deck it changed.
    -- (A trigger with a transition table takes one event, hence one for inserts, one for updates.)
    DROP TRIGGER questions_notify ON questions;
    DROP FUNCTION podium_notify_questions();
    CREATE FUNCTION podium_notify_questions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${DECK_CHANNEL}', json_build_object(
        'questions', changed_decks.deck_id, 'version', nextval('questions_version')
      )::text)
      FROM (SELECT DISTINCT deck_id FROM changed) AS changed_decks;
      RETURN NULL;
    END $$;
    CREATE TRIGGER questions_notify_insert AFTER INSERT ON questions
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION podium_notify_questions();
    CREATE TRIGGER questions_notify_update AFTER UPDATE ON questions
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION podium_notify_questions();
  `,
};
