import type { Database, Queryable } from './database.js';
import { DECK_CHANNEL } from './deck-notification.js';

/** One schema change; applied once, in order, inside a transaction. */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS: Migration[] = [
  {
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
  },
  {
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
  },
  {
    version: 3,
    name: 'deck assets',
    sql: `
      -- Content-addressed files (images of decks): the id is the hex sha256 of the bytes as served.
      CREATE TABLE assets (
        id          text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
        type        text NOT NULL,
        size        integer NOT NULL CHECK (size >= 0),
        bytes       bytea NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      -- Images and PDFs are compressed already: store them without another compression pass.
      ALTER TABLE assets ALTER COLUMN bytes SET STORAGE EXTERNAL;

      -- Which files a deck was imported with, by their path relative to the deck.
      CREATE TABLE deck_assets (
        deck_id   text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        path      text NOT NULL,
        asset_id  text NOT NULL REFERENCES assets(id),
        PRIMARY KEY (deck_id, path)
      );
      CREATE INDEX deck_assets_asset ON deck_assets (asset_id);
    `,
  },
  {
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
  },
  {
    version: 5,
    name: 'reactions and presence',
    sql: `
      -- Reaction totals per deck and name; each process adds its taps in one upsert per flush.
      CREATE TABLE deck_reactions (
        deck_id  text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        name     text NOT NULL,
        count    bigint NOT NULL DEFAULT 0 CHECK (count >= 0),
        PRIMARY KEY (deck_id, name)
      );

      -- Each process's viewers per deck, refreshed every few seconds; stale rows are ignored.
      CREATE TABLE deck_presence (
        process_id  text NOT NULL,
        deck_id     text NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        viewers     integer NOT NULL CHECK (viewers >= 0),
        live        integer NOT NULL CHECK (live >= 0),
        browsing    integer NOT NULL CHECK (browsing >= 0),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (process_id, deck_id)
      );
      CREATE INDEX deck_presence_deck ON deck_presence (deck_id, updated_at);
    `,
  },
  {
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
  },
  {
    version: 7,
    name: 'import reports',
    sql: `
      -- The latest import's warnings, for the presenter; NULL for decks imported before they were kept.
      ALTER TABLE decks ADD COLUMN warnings jsonb;
    `,
  },
  {
    version: 8,
    name: 'single-use pairing links',
    sql: `
      -- A 'link' key travels in a remote link (printed, shown as a QR code, returned by the API);
      -- opening the link exchanges it, once, for a 'device' key that never leaves the device.
      -- Keys minted before this migration are links: a device holding one keeps using it.
      ALTER TABLE presenter_keys
        ADD COLUMN kind text NOT NULL DEFAULT 'link' CHECK (kind IN ('link', 'device')),
        ADD COLUMN used_at timestamptz,
        ADD COLUMN used_for bigint REFERENCES presenter_keys(id) ON DELETE SET NULL;
    `,
  },
  {
    version: 9,
    name: 'deck creation costs per address',
    sql: `
      -- What each client address spent on creating decks, by the hour: the per-address daily
      -- quotas sum the last 24 rows. Rows older than a day are swept with idle decks.
      CREATE TABLE deck_admissions (
        address    text NOT NULL,
        hour       timestamptz NOT NULL,
        decks      integer NOT NULL DEFAULT 0,
        bytes      bigint NOT NULL DEFAULT 0,
        render_ms  bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (address, hour)
      );
      CREATE INDEX deck_admissions_hour ON deck_admissions (hour);
    `,
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
];

/** Every migration's version, in the order they apply (tests compare against it). */
export const MIGRATION_VERSIONS: readonly number[] = MIGRATIONS.map((migration) => migration.version);

/** Arbitrary constant shared by every Podium process: "podium" in ASCII. */
const MIGRATION_LOCK_KEY = 0x706f6469;

/**
 * Applies pending migrations under an advisory lock, so processes may start at once; up to
 * version `upTo` (default all: tests pass a lower one to build an older schema).
 */
export async function migrate(db: Database, upTo = Infinity): Promise<number[]> {
  return db.withAdvisoryLock(MIGRATION_LOCK_KEY, async (conn: Queryable) => {
    await conn.query(`CREATE TABLE IF NOT EXISTS podium_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const rows = await conn.query<{ version: number }>('SELECT version FROM podium_migrations');
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version) || migration.version > upTo) continue;
      await conn.query('BEGIN');
      try {
        await conn.exec(migration.sql);
        await conn.query('INSERT INTO podium_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await conn.query('COMMIT');
      } catch (err) {
        await conn.query('ROLLBACK');
        throw err;
      }
      applied.push(migration.version);
    }
    return applied;
  });
}
