/**
 * `npm run bench`: Podium against a bare node:http baseline at each N (see bench/options.ts
 * for the settings and README "Benchmark" for what is measured). Writes
 * `<out>/<timestamp>.json`, `.md` and `.svg`.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createScratchDatabase, type ScratchDatabase } from '../test/support/databases.js';
import { drawChart } from './chart.js';
import { Cleanup } from './cleanup.js';
import { LoadPool } from './load-pool.js';
import { measureServer } from './measure-server.js';
import { parseBenchOptions, type BenchOptions } from './options.js';
import { PgConnectionMonitor } from './pg-monitor.js';
import { openFileLimit, openFiles } from './proc-stats.js';
import { checkTargets, markdownSummary, type BenchContext, type TargetCheck } from './report.js';
import { roomPhasesOrSkip, type RoomFigures } from './room-phases.js';
import { roomMarkdown, roomOnlySummary } from './room-report.js';
import { nchanMissing, startNchanServer } from './nchan-server.js';
import { PODIUM_UNLIMITED, startNodePeer, startPodiumServer, type BenchServer, type ServerKind } from './servers.js';
import { summarizeRuns, type RunFigures, type Summary } from './summary.js';
import { measureSustained } from './sustained.js';
import { updateReadme } from './update-readme.js';
import { measureUploadLatency, type UploadLatencyFigures } from './upload-latency.js';
import { measureUploadStorm, STORM_ENV, stormMarkdown, type StormFigures } from './upload-storm.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** File descriptors kept free in a server for its own files, database connections and the like. */
const FD_RESERVE = 16;

/** Everything one `npm run bench` produced. */
export interface BenchResults {
  context: BenchContext;
  options: BenchOptions;
  runs: RunFigures[];
  summary: Summary;
  /** PUT-to-event idle and during uploads; null when skipped. */
  uploads: UploadLatencyFigures | null;
  targets: TargetCheck[];
  /** The upload storm's figures; null when skipped. */
  uploadStorm: StormFigures | null;
  /** The room phases' figures, or why they were skipped. */
  room: RoomFigures;
  /** `chart` is null for `--room-only` (no streams measured). */
  files: { json: string; markdown: string; chart: string | null };
}

/** Runs the whole bench; `log` gets one line per step. Cleans up (processes, scratch database, temp dirs) on any outcome. */
export async function runBench(
  options: BenchOptions,
  log: (line: string) => void = console.log,
  command = 'npm run bench',
): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const cleanup = new Cleanup();
  const onSignal = () => void cleanup.run().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  cleanup.add(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });
  try {
    if (options.compiled) {
      // Podium as `npm start` builds it; the baseline (never part of the build) into dist-bench/.
      log('building the servers (tsc -p tsconfig.build.json; tsc -p tsconfig.bench.json)');
      for (const project of ['tsconfig.build.json', 'tsconfig.bench.json']) {
        execFileSync(
          process.execPath,
          [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, project)],
          { stdio: 'inherit' },
        );
      }
    }
    const limit = openFileLimit();
    const only = options.uploadsOnly || options.room.only;
    const sizes = only ? [] : options.n;
    const roomViewers = options.room.enabled ? [...options.room.reactionViewers, options.room.viewers] : [];
    const largest = Math.min(Math.max(...sizes, ...roomViewers, options.sustainedStreams), limit);
    const pool = new LoadPool(Math.ceil(largest / options.perProcess));
    cleanup.add(() => pool.stop());
    let scratch: ScratchDatabase | undefined;
    let monitor: PgConnectionMonitor | undefined;
    if (options.databaseUrl) {
      scratch = await createScratchDatabase(options.databaseUrl);
      cleanup.add(() => scratch?.drop());
      monitor = new PgConnectionMonitor(options.databaseUrl, scratch.name);
      await monitor.connect();
      cleanup.add(() => monitor?.close());
    }
    const profiles = join(tmpdir(), `podium-bench-profiles-${startedAt.replace(/[:.]/g, '-')}`);
    if (options.cpuProf) log(`CPU profiles of Podium go to ${profiles}`);
    // `limits` null: Podium without its abuse limits (PODIUM_UNLIMITED); otherwise exactly this environment over the defaults.
    const startServer = async (
      kind: ServerKind,
      extraEnv: Record<string, string> = {},
      limits: Record<string, string> | null = null,
    ): Promise<BenchServer> => {
      if (kind === 'baseline' || kind === 'better-sse') return startNodePeer(kind, options.compiled);
      if (kind === 'nchan') return startNchanServer();
      const dataDir = await mkdtemp(join(tmpdir(), 'podium-bench-'));
      cleanup.add(() => rm(dataDir, { recursive: true, force: true }));
      const env: Record<string, string> = {
        ...(limits ?? PODIUM_UNLIMITED),
        PODIUM_WORKERS: String(options.workers),
        ...options.podiumEnv,
        ...extraEnv,
      };
      const nodeArgs = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : [];
      return startPodiumServer({ databaseUrl: scratch?.url, dataDir, env, nodeArgs, compiled: options.compiled });
    };
    const withServer = async <T>(
      kind: ServerKind,
      work: (server: BenchServer) => Promise<T>,
      extraEnv?: Record<string, string>,
      limits: Record<string, string> | null = null,
    ): Promise<T> => {
      const server = await startServer(kind, extraEnv, limits);
      cleanup.add(() => server.stop());
      try {
        return await work(server);
      } finally {
        await server.stop();
      }
    };

    const sustain = (server: BenchServer, decks = options.decks, streams = options.sustainedStreams) =>
      measureSustained(
        server,
        pool,
        {
          decks,
          streams: Math.min(streams, limit - openFiles(server.pid()) - FD_RESERVE),
          seconds: options.sustainedSeconds,
          concurrency: options.sustainedConcurrency,
          timeoutMs: options.timeoutMs,
        },
        monitor,
      );
    const last = sizes[sizes.length - 1];
    const skipped: string[] = [];
    const missing = options.servers.includes('nchan') ? nchanMissing() : null;
    if (missing) {
      skipped.push(`nchan (${missing})`);
      log(`SKIPPED the nginx+nchan peer: ${missing}`);
    }
    const servers = options.servers.filter((kind) => kind !== 'nchan' || !missing);
    const runs: RunFigures[] = [];
    for (let run = 1; run <= options.runs; run += 1) {
      const figures: RunFigures = { run, servers: [], sustained: null, singleDeck: null, sustainedByWorkers: [] };
      for (const requested of sizes) {
        for (const kind of servers) {
          const measured = await withServer(kind, async (server) => {
            const n = Math.min(requested, limit - openFiles(server.pid()) - FD_RESERVE);
            log(`run ${run}/${options.runs}: ${kind} with ${n.toLocaleString('en-US')} streams`);
            const result = await measureServer(server, pool, n, options, kind === 'podium' ? monitor : undefined);
            // The sustained phase reuses the last Podium process (after its storm), saving a start.
            if (kind === 'podium' && requested === last && options.sustainedSeconds > 0) {
              figures.sustained = await sustain(server);
              if (options.singleDeckStreams > 0)
                figures.singleDeck = await sustain(server, 1, options.singleDeckStreams);
            }
            return result;
          });
          figures.servers.push({ ...measured, requested });
          log(
            `  held ${measured.opened} (failed ${measured.failed}), ${(measured.rssPerStream / 1024).toFixed(1)} KB RSS/stream, ` +
              `fan-out p50 ${measured.fanout.p50.toFixed(1)} p99 ${measured.fanout.p99.toFixed(1)} max ${measured.fanout.max.toFixed(1)} ms, ` +
              `${measured.connectRate} connects/s, storm ${measured.storm?.ms.toFixed(0) ?? '-'} ms, PG ${measured.pgConnections ?? '-'}`,
          );
        }
      }
      // The many-deck phase again on a fresh Podium for each other worker count (one Postgres: PGlite is one process).
      for (const workers of options.sustainedWorkers) {
        if (workers === options.workers || !scratch || options.sustainedSeconds <= 0 || only) continue;
        log(`run ${run}/${options.runs}: sustained phase with ${workers} Podium workers`);
        const extra = await withServer('podium', (server) => sustain(server), { PODIUM_WORKERS: String(workers) });
        figures.sustainedByWorkers?.push({ workers, figures: extra });
        log(
          `  ${extra.changesPerSecond} changes/s over ${extra.decks} decks, missing ${extra.missing + extra.failures}`,
        );
      }
      const s = figures.sustained;
      const one = figures.singleDeck;
      if (one)
        log(
          `run ${run}/${options.runs}: one deck: ${one.changesPerSecond} changes/s, ${one.streams} streams, PUT p50 ${one.putLatency.p50.toFixed(0)} ms, missing ${one.missing + one.failures}`,
        );
      if (s)
        log(
          `run ${run}/${options.runs}: sustained ${s.changesPerSecond} changes/s over ${s.decks} decks, ${s.streams} streams, missing ${s.missing}`,
        );
      runs.push(figures);
    }

    let uploads: UploadLatencyFigures | null = null;
    if (options.uploadChanges > 0 && !options.room.only) {
      log(
        `uploads: ${options.uploadChanges} slide changes idle, then while ${options.uploaders} clients create 1 MiB decks`,
      );
      uploads = await withServer('podium', (server) =>
        measureUploadLatency(server, {
          changes: options.uploadChanges,
          uploaders: options.uploaders,
          timeoutMs: options.timeoutMs,
        }),
      );
      log(
        `  PUT-to-event idle p50 ${uploads.idle.p50.toFixed(1)} p99 ${uploads.idle.p99.toFixed(1)} ms; ` +
          `during uploads p50 ${uploads.duringUploads.p50.toFixed(1)} p99 ${uploads.duringUploads.p99.toFixed(1)} ms ` +
          `(${uploads.decksCreated} decks created, ${uploads.uploadFailures} refused ${uploads.refusals.join(', ')})`,
      );
    }

    // Issue 16: a live talk's slide changes while hostile clients hit the deck-creation limits.
    const uploadStorm =
      options.uploadStorm.uploaders > 0 && !only && options.servers.includes('podium')
        ? await withServer('podium', (server) => measureUploadStorm(server, options.uploadStorm, log), {}, STORM_ENV)
        : null;

    // The room (issues "room part 1" and "part 2"): two Podium processes on one Postgres database.
    const room = await roomPhasesOrSkip(
      {
        options: options.room,
        pool,
        databaseUrl: scratch?.url,
        startPodium: async () => {
          const server = await startServer('podium');
          cleanup.add(() => server.stop());
          return server;
        },
        concurrency: options.concurrency,
        timeoutMs: options.timeoutMs,
        log,
      },
      skipped,
    );

    const context: BenchContext = {
      startedAt,
      command,
      database: options.databaseUrl ? 'postgres' : 'pglite',
      runs: options.runs,
      cpus: `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'cpu'}`,
      node: process.versions.node,
      openFileLimit: limit,
      workers: options.workers,
      skipped,
    };
    const summary = summarizeRuns(runs, options.workers);
    const targetN = sizes.includes(10_000) ? 10_000 : Math.max(0, ...sizes);
    const targets = checkTargets(summary, context.database, targetN, uploads);
    const stamp = startedAt.replace(/[:.]/g, '-');
    await mkdir(options.out, { recursive: true });
    const files = {
      json: join(options.out, `${stamp}.json`),
      markdown: join(options.out, `${stamp}.md`),
      chart: options.room.only ? null : join(options.out, `${stamp}.svg`),
    };
    const chart = drawChart(
      summary.rows,
      `Podium vs bare node:http, ${context.database}, medians of ${options.runs} run(s), ${startedAt}`,
    );
    await writeFile(
      files.json,
      `${JSON.stringify({ context, options, runs, summary, uploads, targets, uploadStorm, room }, null, 2)}\n`,
    );
    if (files.chart) await writeFile(files.chart, chart);
    const sustained = { decks: options.decks, streams: options.sustainedStreams };
    const markdown = markdownSummary(context, summary, targets, `${stamp}.svg`, sustained, uploads);
    const sections = options.room.only
      ? roomOnlySummary(context, room)
      : `${markdown}${uploadStorm ? stormMarkdown(uploadStorm) : ''}${roomMarkdown(room)}`;
    await writeFile(files.markdown, sections);
    return { context, options, runs, summary, uploads, targets, uploadStorm, room, files };
  } finally {
    await cleanup.run();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const readme = argv.includes('--update-readme');
  const options = parseBenchOptions(argv.filter((arg) => arg !== '--update-readme'));
  runBench(options, console.log, ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' ')).then(
    async (results) => {
      console.log(`\n${await readFile(results.files.markdown, 'utf8')}`);
      console.log(`Wrote ${Object.values(results.files).filter(Boolean).join(', ')}`);
      if (readme) await updateReadme(results);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
