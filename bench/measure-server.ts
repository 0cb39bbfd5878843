import { nowMs, sleep } from './clock.js';
import type { LoadPool } from './load-pool.js';
import type { ErrorCounts } from './load-protocol.js';
import type { PgConnectionMonitor } from './pg-monitor.js';
import { cpuSeconds, openFiles, rssBytes } from './proc-stats.js';
import type { BenchServer, ServerKind } from './servers.js';
import { spread, type Spread } from './stats.js';

/** How one server is measured at one N. */
export interface MeasureOptions {
  /** Streams connecting at once while opening (over all load processes). */
  concurrency: number;
  /** Slide changes whose fan-out is timed. */
  changes: number;
  /** Quiet time before each memory reading, ms. */
  settleMs: number;
  /** Longest wait for one change (or the storm) to reach every stream, ms. */
  timeoutMs: number;
  /** Measure the reconnect storm. */
  storm: boolean;
}

/** The reconnect storm: every stream reconnects at once to the restarted server. */
export interface StormFigures extends Spread {
  /** From the reconnect to the last stream on the current state, ms (the storm's max). */
  ms: number;
  ok: number;
  failed: number;
  missing: number;
  /** Stop plus start of the server process, ms (not part of `ms`). */
  restartMs: number;
  /** Server CPU time (user + system) per reconnected stream, ms, from the restart to the storm's end. */
  cpuPerStreamMs: number;
}

/** Everything measured for one server at one N. */
export interface ServerFigures {
  server: ServerKind;
  n: number;
  opened: number;
  failed: number;
  errors: ErrorCounts;
  /** Open streams as the server counted them. */
  serverStreams: number;
  /** File descriptors the server held with every stream open. */
  serverFds: number;
  connectMs: number;
  /** Streams accepted (first event received) per second while opening. */
  connectRate: number;
  /** Server CPU time (user + system) per opened stream, ms, from /proc/<pid>/stat before and after opening. */
  cpuPerOpenMs: number;
  rssBefore: number;
  rssAfter: number;
  rssPerStream: number;
  heapBefore: number;
  heapAfter: number;
  heapPerStream: number;
  /** Per-stream receipt latency of each change, ms, from sending the change; `perChange` holds each change's max. */
  fanout: Spread & { changes: number; missing: number; perChange: number[] };
  /** Streams that ended without being asked to while they were held. */
  dropped: number;
  /** Highest count of Postgres connections while streams were open (real Postgres only). */
  pgConnections: number | null;
  storm: StormFigures | null;
}

async function timeFanout(
  server: BenchServer,
  pool: LoadPool,
  options: MeasureOptions,
): Promise<ServerFigures['fanout']> {
  const latencies: number[] = [];
  const perChange: number[] = [];
  let missing = 0;
  let version = await server.version();
  for (let i = 0; i < options.changes; i += 1) {
    version += 1;
    const { receipts } = await pool.arm({ [server.eventsPath]: version }, options.timeoutMs);
    const sent = nowMs();
    version = await server.change();
    const { times, missing: lost } = await receipts;
    let slowest = 0;
    for (const at of times) {
      latencies.push(at - sent);
      slowest = Math.max(slowest, at - sent);
    }
    perChange.push(Math.round(slowest * 10) / 10);
    missing += lost;
    await sleep(20);
  }
  return { ...spread(latencies), changes: options.changes, missing, perChange };
}

async function timeStorm(server: BenchServer, pool: LoadPool, options: MeasureOptions): Promise<StormFigures> {
  const down = nowMs();
  await server.restart();
  const restartMs = nowMs() - down;
  const version = await server.version();
  const cpuBefore = cpuSeconds(server.pid());
  const started = nowMs();
  const reopened = pool.reconnect(server.port, 250, started + options.timeoutMs);
  const { receipts } = await pool.arm({ [server.eventsPath]: version }, options.timeoutMs);
  const { ok, failed } = await reopened;
  const { times, missing } = await receipts;
  const latency = spread(times.map((at) => at - started));
  const cpuPerStreamMs = ((cpuSeconds(server.pid()) - cpuBefore) * 1000) / Math.max(1, ok);
  return { ...latency, ms: latency.max, ok, failed, missing, restartMs, cpuPerStreamMs };
}

/** Opens `n` streams on `server`, then measures memory, connect rate, fan-out and (optionally) the storm. */
export async function measureServer(
  server: BenchServer,
  pool: LoadPool,
  n: number,
  options: MeasureOptions,
  monitor?: PgConnectionMonitor,
): Promise<ServerFigures> {
  await sleep(options.settleMs);
  await server.collectGarbage();
  const rssBefore = rssBytes(server.pid());
  const heapBefore = await server.heapUsed();
  monitor?.start();
  const cpuBefore = cpuSeconds(server.pid());
  const started = nowMs();
  const opened = await pool.open('127.0.0.1', server.port, [server.eventsPath], n, options.concurrency);
  const connectMs = Math.max(1, opened.lastReadyAt - started);
  const cpuPerOpenMs = ((cpuSeconds(server.pid()) - cpuBefore) * 1000) / Math.max(1, opened.ok);
  await sleep(options.settleMs);
  await server.collectGarbage();
  const rssAfter = rssBytes(server.pid());
  const heapAfter = await server.heapUsed();
  const serverStreams = await server.streams();
  const serverFds = openFiles(server.pid());
  const fanout = await timeFanout(server, pool, options);
  const pgConnections = monitor ? await monitor.stop() : null;
  const { dropped } = await pool.status();
  const storm = options.storm ? await timeStorm(server, pool, options) : null;
  await pool.close();
  const per = (before: number, after: number) => Math.round((after - before) / Math.max(1, opened.ok));
  return {
    server: server.kind,
    n,
    opened: opened.ok,
    failed: opened.failed,
    errors: opened.errors,
    serverStreams,
    serverFds,
    connectMs,
    connectRate: Math.round((opened.ok / connectMs) * 1000),
    cpuPerOpenMs,
    rssBefore,
    rssAfter,
    rssPerStream: per(rssBefore, rssAfter),
    heapBefore,
    heapAfter,
    heapPerStream: per(heapBefore, heapAfter),
    fanout,
    dropped,
    pgConnections,
    storm,
  };
}
