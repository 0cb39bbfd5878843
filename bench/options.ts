import { parseArgs } from 'node:util';
import { parseRoomOptions, ROOM_ARGS, type RoomOptions } from './room-phases.js';
import { SERVER_KINDS, type ServerKind } from './servers.js';
import { parseStormOptions, type StormOptions } from './upload-storm.js';

/** Settings of one `npm run bench`; the defaults are the full set of issue 6. */
export interface BenchOptions {
  /** Stream counts, default 1000, 5000, 10000, 20000. */
  n: number[];
  /** Full repetitions; figures are medians over runs. Default 3. */
  runs: number;
  /**
   * Servers measured at each N, in this order. Default: the bare node:http baseline, Podium, a
   * better-sse server and nginx+nchan (skipped, with a note, when nginx or the module is missing).
   */
  servers: ServerKind[];
  /** Timed changes per N (p99 wants at least 100). Default 100. */
  changes: number;
  /** Streams per load process (the pool holds enough for the largest N). Default 4000. */
  perProcess: number;
  /** Streams connecting at once while opening, over all load processes. Default 256. */
  concurrency: number;
  /** Quiet time before a memory reading, ms. Default 2000. */
  settleMs: number;
  /** Longest wait for a change or the storm to reach every stream, ms. Default 20000. */
  timeoutMs: number;
  /** Measure the reconnect storm at each N. Default true. */
  storm: boolean;
  /** Decks of the sustained-changes phase. Default 100. */
  decks: number;
  /** Streams held (spread over the decks) while changes are sustained. Default 2000. */
  sustainedStreams: number;
  /** Streams on ONE deck in the single-deck sustained phase (run after the 100-deck one); 0 skips it. Default 2000. */
  singleDeckStreams: number;
  /** Length of the sustained-changes phase, s; 0 skips it. Default 10. */
  sustainedSeconds: number;
  /** Slide changes in flight at once during that phase. Default 32. */
  sustainedConcurrency: number;
  /** Where results go. Default bench/results. */
  out: string;
  /** Real Postgres server for Podium (a scratch database is made on it); PGlite when unset. Default $BENCH_DATABASE_URL. */
  databaseUrl?: string;
  /** Write a CPU profile of each Podium process (node --cpu-prof) into a temp folder (its path is logged). Default false. */
  cpuProf: boolean;
  /** Run both servers from the build (`dist/`, as `npm start` runs Podium), built first; `--from-source` runs them through tsx. Default true. */
  compiled: boolean;
  /**
   * Podium worker processes (PODIUM_WORKERS, node:cluster on one port). Default 1. Above 1,
   * RSS, CPU and heap figures are the primary's and one worker's, not the sum: compare the
   * sustained phases (changes/s) across --workers 1 and 2 instead.
   */
  workers: number;
  /**
   * Worker counts for which the many-deck sustained phase runs again on a fresh Podium, to
   * report the speed-up (real Postgres only: PGlite is one process). Default 2.
   */
  sustainedWorkers: number[];
  /** Extra environment for Podium processes, `KEY=VALUE`. */
  podiumEnv: Record<string, string>;
  /** Slide changes timed idle and again during uploads (PUT-to-event); 0 skips the phase. Default 200. */
  uploadChanges: number;
  /** Clients creating 1 MiB decks of code at once during the uploads phase. Default 3. */
  uploaders: number;
  /** Run only the uploads phase (no N, no sustained phase). Default false. */
  uploadsOnly: boolean;
  /** The upload storm (bench/upload-storm.ts): hostile clients (0 skips it; default 3), timed changes (100), deck size (1000 KiB). */
  uploadStorm: StormOptions;
  /** The room phases (bench/room-phases.ts): on with a Postgres URL unless `--no-room`; `--room-only` runs nothing else. */
  room: RoomOptions;
}

const numbers = (text: string) =>
  text.split(',').map((part) => {
    const value = Number(part.trim().replace(/k$/i, '000'));
    if (!Number.isInteger(value) || value < 1) throw new Error(`not a positive whole number: ${part}`);
    return value;
  });

/** Reads `npm run bench -- --n 1000,5000 --runs 3 ...`; throws on an unknown or bad option. */
export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string', default: '1000,5000,10000,20000' },
      runs: { type: 'string', default: '3' },
      servers: { type: 'string', default: SERVER_KINDS.join(',') },
      changes: { type: 'string', default: '100' },
      'per-process': { type: 'string', default: '4000' },
      concurrency: { type: 'string', default: '256' },
      'settle-ms': { type: 'string', default: '2000' },
      'timeout-ms': { type: 'string', default: '20000' },
      'no-storm': { type: 'boolean', default: false },
      decks: { type: 'string', default: '100' },
      'sustained-streams': { type: 'string', default: '2000' },
      'single-deck-streams': { type: 'string', default: '2000' },
      'sustained-seconds': { type: 'string', default: '10' },
      'sustained-concurrency': { type: 'string', default: '32' },
      out: { type: 'string', default: 'bench/results' },
      'cpu-prof': { type: 'boolean', default: false },
      'from-source': { type: 'boolean', default: false },
      env: { type: 'string', multiple: true, default: [] },
      workers: { type: 'string', default: '1' },
      'upload-changes': { type: 'string', default: '200' },
      uploaders: { type: 'string', default: '3' },
      'uploads-only': { type: 'boolean', default: false },
      'sustained-workers': { type: 'string', default: '2' },
      'storm-uploaders': { type: 'string' },
      'storm-changes': { type: 'string' },
      'storm-deck-kib': { type: 'string' },
      ...ROOM_ARGS,
    },
    strict: true,
  });
  const one = (text: string) => numbers(text)[0] as number;
  const servers = values.servers.split(',').map((s) => s.trim());
  for (const server of servers)
    if (!(SERVER_KINDS as readonly string[]).includes(server))
      throw new Error(`unknown server: ${server} (known: ${SERVER_KINDS.join(', ')})`);
  const podiumEnv: Record<string, string> = {};
  for (const pair of values.env) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--env wants KEY=VALUE, got ${pair}`);
    podiumEnv[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const databaseUrl = env.BENCH_DATABASE_URL || undefined;
  return {
    n: numbers(values.n),
    runs: one(values.runs),
    servers: servers as ServerKind[],
    changes: one(values.changes),
    perProcess: one(values['per-process']),
    concurrency: one(values.concurrency),
    settleMs: Number(values['settle-ms']),
    timeoutMs: one(values['timeout-ms']),
    storm: !values['no-storm'],
    decks: one(values.decks),
    sustainedStreams: Number(values['sustained-streams']),
    singleDeckStreams: Number(values['single-deck-streams']),
    sustainedSeconds: Number(values['sustained-seconds']),
    sustainedConcurrency: one(values['sustained-concurrency']),
    out: values.out,
    databaseUrl,
    cpuProf: values['cpu-prof'],
    compiled: !values['from-source'],
    workers: one(values.workers),
    sustainedWorkers: numbers(values['sustained-workers']),
    podiumEnv,
    uploadChanges: Number(values['upload-changes']),
    uploaders: one(values.uploaders),
    uploadsOnly: values['uploads-only'],
    uploadStorm: parseStormOptions({
      uploaders: values['storm-uploaders'],
      changes: values['storm-changes'],
      'deck-kib': values['storm-deck-kib'],
    }),
    room: parseRoomOptions(values, databaseUrl),
  };
}
