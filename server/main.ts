import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pino } from 'pino';
import type { SlideEventData } from '../shared/protocol.js';
import { readConfig, resolveSettings, type PodiumOptions } from './config.js';
import { createRequestListener } from './http/create-app.js';
import { createHttpServer } from './http/http-server.js';
import { startingAnswer } from './http/starting-answer.js';
import { streamHeaders } from './http/security-headers.js';
import { BatchLoader } from './hub/batch-loader.js';
import { Hub } from './hub/hub.js';
import { PollTally } from './room/poll-tally.js';
import { connectDeckFeed } from './hub/deck-feed.js';
import { StateCache } from './hub/state-cache.js';
import { createMetrics } from './metrics.js';
import { LOG_REDACT_PATHS } from './security/log-redaction.js';
import { StreamLimiter } from './security/stream-limiter.js';
import { printWelcome, serveDeckFile } from './serve-deck.js';
import { watchDeckFile } from './watch-deck.js';
import { startExpirySweep } from './deck-expiry.js';
import { LEAD_WORKER_ENV, superviseWorkers, workerCount } from './cluster/supervise-workers.js';
import type { Database, DeckListener } from './store/database.js';
import { DeckStore } from './store/deck-store.js';
import { KeyCache } from './store/key-cache.js';
import { untilMigrated } from './store/until-migrated.js';
import { createRoom, type Room } from './room/room.js';
import { PgDatabase } from './store/pg-database.js';
import { PgliteDatabase } from './store/pglite-database.js';

/** The repository root: the nearest folder above this file that holds package.json (works from dist/ too). */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** Every setting of startPodium, documented with its default in config.ts. */
export type { PodiumOptions };

/** A running Podium: its address, its parts, and a graceful `close`. */
export interface RunningPodium {
  url: string;
  server: Server;
  db: Database;
  store: DeckStore;
  hub: Hub;
  listener: DeckListener;
  /** Stops accepting, ends streams with a retry hint, finishes in-flight requests, closes the database. */
  close(): Promise<void>;
}

/**
 * Builds and starts the whole server, in the order its parts depend on each other. The only place
 * that constructs the world. It listens at once; until the database answers (retried with backoff,
 * never given up), /healthz and every request answer 503. Resolves once it serves for real.
 */
export async function startPodium(options: PodiumOptions): Promise<RunningPodium> {
  const settings = resolveSettings(options);
  const logger = options.logger ?? pino({ level: 'info', redact: LOG_REDACT_PATHS });
  const onWarn = (message: string, err?: unknown) => logger.warn({ err }, message);
  const db: Database = settings.databaseUrl
    ? new PgDatabase({
        connectionString: settings.databaseUrl,
        onWarn,
        listenerTimings: settings.listenerTimings,
        hearingTimings: settings.hearingTimings,
      })
    : await PgliteDatabase.open(settings.dataDir);
  let listener: DeckListener | undefined;
  let handleRequest: RequestListener = startingAnswer;
  // Slow-header, slow-body and idle keep-alive clients are cut off; event streams opt out per socket.
  const server = createHttpServer((req, res) => handleRequest(req, res), settings);
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      // A deep accept queue (the kernel caps it at net.core.somaxconn): when a restart sends every
      // viewer back at once, Node's default of 511 overflows and dropped handshakes wait 1-3 s to retry.
      server.listen({ port: settings.port, host: settings.host, backlog: LISTEN_BACKLOG }, () => done());
    });
    await untilMigrated(db, logger);
    const store = new DeckStore(db);
    // The stream caps count the open streams: the one count, which /metrics reports.
    const streamCaps = new StreamLimiter(settings.limits.maxStreams, settings.limits.maxStreamsPerAddress);
    const metrics = createMetrics(() => streamCaps.size);
    const hub = new Hub({
      ...settings,
      limiter: streamCaps,
      headers: streamHeaders(),
      onBroadcast: (seconds) => metrics.fanoutDuration.observe(seconds),
    });
    // New streams' first states come from memory while the LISTEN feed is up, else one batched read.
    const loader = new BatchLoader<string, SlideEventData>((ids) => store.getSlideStates(ids));
    // Trusted only while notifications flow: connected, and hearing its own probes.
    const connected = () => listener?.connected === true && listener.hearing;
    const states = new StateCache(loader, { connected, followed: (id) => hub.hasStreams(id) });
    const feed = connectDeckFeed(db, store, hub, metrics, logger, states);
    listener = feed;
    // Key hashes are cached only while change notifications flow (see KeyCache).
    store.keys.useCache(new KeyCache(() => feed.connected && feed.hearing));
    await feed.ready;
    const config = { ...settings, clientDir: options.clientDir ?? join(ROOT, 'dist', 'client') };
    const stopSweep = startExpirySweep(store, settings, logger);
    const tally = new PollTally(store.polls, logger);
    const room = createRoom(db, hub, logger, {
      presenterOfflineMs: settings.presenterOfflineMs,
      audienceSampleMs: settings.audienceSampleMs,
    });
    handleRequest = createRequestListener({ config, store, hub, states, metrics, tally, listener: feed, logger, room });
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`,
      server,
      db,
      store,
      hub,
      listener: feed,
      close: () => {
        stopSweep();
        return shutdown(server, hub, feed, db, tally, room);
      },
    };
  } catch (err) {
    server.close();
    server.closeAllConnections();
    await listener?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}

/** Pending connections the kernel may queue for accept(); see the listen call. */
const LISTEN_BACKLOG = 4096;

/** How long in-flight requests get to finish on shutdown before their connections are cut. */
const SHUTDOWN_DRAIN_MS = 2500;

/**
 * Graceful stop, bounded to ~4.5 s in all: stop accepting; end every stream with a short
 * retry hint (clients reconnect, through the load balancer, to another process); let
 * in-flight requests (PUTs) finish; flush the last reactions and remove this process's audience
 * rows; then close the listener and the database.
 */
async function shutdown(
  server: Server,
  hub: Hub,
  listener: DeckListener,
  db: Database,
  tally: PollTally,
  room: Room,
): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  hub.closeAll();
  // Keep-alive sockets become idle as their last response goes out: close each one then.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  const deadline = new Promise<void>((done) => setTimeout(done, SHUTDOWN_DRAIN_MS).unref());
  await Promise.race([closed, deadline]);
  clearInterval(sweep);
  server.closeAllConnections();
  await tally.flushAll().catch(() => undefined);
  await room.close();
  await listener.close();
  await db.close();
}

async function runCli(): Promise<void> {
  const started = performance.now();
  const config = readConfig(process.env);
  const logger = pino({ level: config.logLevel, redact: LOG_REDACT_PATHS });
  const workers = workerCount(process.env, !config.databaseUrl);
  if (workers > 1 && cluster.isPrimary) return superviseWorkers(workers, logger);
  const podium = await startPodium({ ...config, logger });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 5000).unref();
    podium.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // In a cluster, one worker serves the deck file and prints the links; the others just serve.
  if (cluster.isWorker && !process.env[LEAD_WORKER_ENV]) return;

  // `npm start -- talk.md` runs in the package folder; resolve the file where the user typed it.
  const deckFile = process.argv[2] ? resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2]) : undefined;
  const served = await serveDeckFile(
    podium.store,
    deckFile ?? join(ROOT, 'decks', 'demo.md'),
    deckFile ? undefined : 'demo',
  );
  // Rehearsal: an edit to the talk (or its images) reaches every open screen within a second.
  if (deckFile) watchDeckFile(podium.store, deckFile, served.deck.id);
  await printWelcome({
    config,
    port: (podium.server.address() as AddressInfo).port,
    served,
    startupMs: performance.now() - started,
    database: config.databaseUrl ? 'Postgres' : `PGlite (${resolve(config.dataDir)})`,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runCli().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
