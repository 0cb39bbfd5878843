import { DECK_CHANNEL } from '../deck-notification.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 6,
  name: 'questions and polls',
  sql: `
    -- Questions from the audience: plain text (never HTML), with the slide they were asked on.
    CREATE TABLE questions (
      id          bigserial PRIMARY KEY,
      deck_id     text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
      text        text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 280),
      state       text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered', 'hidden')),
      slide       integer NOT NULL CHECK (slide >= 0),
      votes       integer NOT NULL DEFAULT 0 CHECK (votes >= 0),
      created_at  timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX questions_deck ON questions (deck_id, votes DESC, id);

    -- One vote per viewer and question, whichever process counts it.
    CREATE TABLE question_votes (
      question_id bigint NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
      viewer      text NOT NULL,
      PRIMARY KEY (question_id, viewer)
    );

    -- Every change to a deck's questions tells every process, with a version that only grows.
    CREATE SEQUENCE questions_version;
    CREATE FUNCTION podium_notify_questions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${DECK_CHANNEL}', json_build_object(
        'questions', NEW.deck_id, 'version', nextval('questions_version')
      )::text);
      RETURN NULL;
    END $$;
    CREATE TRIGGER questions_notify AFTER INSERT OR UPDATE ON questions
      FOR EACH ROW EXECUTE FUNCTION podium_notify_questions();

    -- Polls written in the deck, stored on their first vote; version grows with each flush of votes.
    CREATE TABLE polls (
      deck_id   text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
      poll_id   text NOT NULL,
      question  text NOT NULL,
      options   jsonb NOT NULL,
      version   bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (deck_id, poll_id)
    );

    -- A viewer's one vote in a poll: a new vote replaces the old.
    CREATE TABLE poll_votes (
      deck_id     text NOT NULL,
      poll_id     text NOT NULL,
      viewer      text NOT NULL,
      option      integer NOT NULL CHECK (option >= 0),
      updated_at  timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (deck_id, poll_id, viewer),
      FOREIGN KEY (deck_id, poll_id) REFERENCES polls(deck_id, poll_id) ON DELETE CASCADE
    );
  `,
};
