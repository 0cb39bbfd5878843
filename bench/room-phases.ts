/**
 * The room phases of `npm run bench` (real Postgres only: they need two Podium processes on one
 * database): the reactions storm at each audience size, then questions and a poll. Each runs on
 * two fresh Podium processes (see room-stage.ts).
 */
import type { LoadPool } from './load-pool.js';
import { measureQuestionStorm, type QuestionStormFigures } from './room-questions.js';
import { measureReactionStorm, type ReactionStormFigures } from './room-reactions.js';
import { openRoomStage, type RoomStage } from './room-stage.js';
import { PgCounters } from './room-window.js';
import type { BenchServer } from './servers.js';

/** Settings of the room phases (`npm run bench -- --reaction-viewers 500,2000 ...`). */
export interface RoomOptions {
  /** Run them. Default: when BENCH_DATABASE_URL is set, unless `--no-room`. */
  enabled: boolean;
  /** `--room-only`: nothing else. Default false. */
  only: boolean;
  /** Audience sizes of the reactions storm, one storm each. Default 500, 2000. */
  reactionViewers: number[];
  /** Length of each reactions storm, s (every viewer taps once a second). Default 30. */
  reactionSeconds: number;
  /** Viewers of the questions-and-polls phase. Default 2000. */
  viewers: number;
  /** Questions asked during it. Default 200. */
  questions: number;
  /** Question votes cast during it (at most one per viewer and question). Default 20000. */
  votes: number;
  /** Length of the questions window, s. Default 60. */
  seconds: number;
  /** Every viewer votes in the poll within this many s. Default 10. */
  pollSeconds: number;
  /** Slide changes timed idle before each storm. Default 50. */
  idleChanges: number;
  /** Pause between timed slide changes, ms. Default 200. */
  gapMs: number;
}

/** What the room phases measured; `skipped` says why they did not run. */
export interface RoomFigures {
  reactions: ReactionStormFigures[];
  questions: QuestionStormFigures | null;
  skipped: string | null;
}

const count = (text: string) => {
  const value = Number(text.trim().replace(/k$/i, '000'));
  if (!Number.isInteger(value) || value < 1) throw new Error(`not a positive whole number: ${text}`);
  return value;
};
const seconds = (text: string) => {
  const value = Number(text);
  if (!(value > 0)) throw new Error(`not a positive number of seconds: ${text}`);
  return value;
};

/** The parseArgs options of the room phases, with their defaults. */
export const ROOM_ARGS = {
  'room-only': { type: 'boolean', default: false },
  'no-room': { type: 'boolean', default: false },
  'reaction-viewers': { type: 'string', default: '500,2000' },
  'reaction-seconds': { type: 'string', default: '30' },
  'room-viewers': { type: 'string', default: '2000' },
  'room-questions': { type: 'string', default: '200' },
  'room-votes': { type: 'string', default: '20000' },
  'room-seconds': { type: 'string', default: '60' },
  'poll-seconds': { type: 'string', default: '10' },
  'room-idle-changes': { type: 'string', default: '50' },
} as const;

/** Reads the values of ROOM_ARGS; throws on a bad one, or on more votes than viewers x questions allow. */
export function parseRoomOptions(
  values: { 'room-only': boolean; 'no-room': boolean } & Record<
    Exclude<keyof typeof ROOM_ARGS, 'room-only' | 'no-room'>,
    string
  >,
  databaseUrl: string | undefined,
): RoomOptions {
  const options: RoomOptions = {
    enabled: (values['room-only'] || !values['no-room']) && databaseUrl !== undefined,
    only: values['room-only'],
    reactionViewers: values['reaction-viewers'].split(',').map(count),
    reactionSeconds: seconds(values['reaction-seconds']),
    viewers: count(values['room-viewers']),
    questions: count(values['room-questions']),
    votes: count(values['room-votes']),
    seconds: seconds(values['room-seconds']),
    pollSeconds: seconds(values['poll-seconds']),
    idleChanges: count(values['room-idle-changes']),
    gapMs: 200,
  };
  if (options.votes > options.viewers * options.questions)
    throw new Error(`--room-votes ${options.votes}: at most one vote per viewer and question (viewers x questions)`);
  return options;
}

/** What the room phases need from the bench. */
export interface RoomDeps {
  options: RoomOptions;
  pool: LoadPool;
  /** The scratch database both processes use (none: PGlite, and the phases are skipped). */
  databaseUrl?: string;
  /** Starts a Podium process on it, without rate limits (the caller stops it on any outcome). */
  startPodium(): Promise<BenchServer>;
  concurrency: number;
  timeoutMs: number;
  log(line: string): void;
}

/** Runs `work` on a fresh stage of `viewers` on two new processes, and takes it all down after. */
async function onStage<T>(deps: RoomDeps, viewers: number, work: (stage: RoomStage) => Promise<T>): Promise<T> {
  // One after the other, so the first has migrated the database before the second starts.
  const a = await deps.startPodium();
  const b = await deps.startPodium().catch(async (err: unknown) => {
    await a.stop();
    throw err;
  });
  try {
    const stage = await openRoomStage([a, b], deps.pool, viewers, deps);
    try {
      return await work(stage);
    } finally {
      await stage.close();
    }
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

/**
 * Runs the reactions storms, then the questions-and-polls phase; `log` gets a line per step.
 * Without a Postgres database they are skipped, and said so in the log and in `skipped`.
 */
export async function roomPhasesOrSkip(deps: RoomDeps, skipped: string[]): Promise<RoomFigures> {
  const { options, log } = deps;
  if (!deps.databaseUrl) {
    const why =
      'the room phases need real Postgres (two Podium processes on one database; PGlite serves one process): set BENCH_DATABASE_URL';
    skipped.push(`the room (${why})`);
    log(`SKIPPED the room phases: ${why}`);
    return { reactions: [], questions: null, skipped: why };
  }
  if (!options.enabled) return { reactions: [], questions: null, skipped: 'turned off with --no-room' };
  const counters = new PgCounters(deps.databaseUrl);
  await counters.connect();
  try {
    const reactions: ReactionStormFigures[] = [];
    for (const viewers of options.reactionViewers) {
      log(
        `room: reactions storm, ${viewers} viewers on 2 processes, a tap each per second for ${options.reactionSeconds} s`,
      );
      const figures = await onStage(deps, viewers, (stage) =>
        measureReactionStorm(stage, counters, {
          ...options,
          seconds: options.reactionSeconds,
          timeoutMs: deps.timeoutMs,
        }),
      );
      reactions.push(figures);
      log(
        `  ${figures.taps.answered} taps answered (${figures.tapsPerSecond}/s), ${figures.pg.reactionRowsPerSecond} rows/s, ` +
          `${figures.pg.notifiesPerSecond.reactions} NOTIFYs/s; tap-to-remote p50 ${figures.tapToRemote.p50.toFixed(0)} p99 ${figures.tapToRemote.p99.toFixed(0)} ms; ` +
          `PUT-to-event p99 ${figures.putToEvent.storm.p99.toFixed(1)} ms (${figures.putToEvent.ratio}x idle)`,
      );
    }
    log(
      `room: questions and polls, ${options.viewers} viewers, ${options.questions} questions and ${options.votes} votes over ${options.seconds} s, ` +
        `then the poll within ${options.pollSeconds} s`,
    );
    const questions = await onStage(deps, options.viewers, (stage) =>
      measureQuestionStorm(stage, counters, { ...options, timeoutMs: deps.timeoutMs }),
    );
    const { questions: q, poll } = questions;
    log(
      `  ${q.votes.answered} question votes answered, vote-to-remote p99 ${q.voteToRemote.p99.toFixed(0)} ms, ${q.pg.rowsPerSecond} rows/s, ` +
        `${q.pg.commitsPerSecond} commits/s; poll: ${poll.votes.answered} votes, vote-to-remote p99 ${poll.voteToRemote.p99.toFixed(0)} ms`,
    );
    return { reactions, questions, skipped: null };
  } finally {
    await counters.close();
  }
}
