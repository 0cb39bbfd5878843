import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';

/** The environment variable a worker finds set when it is the one that prints the welcome and serves the deck file. */
export const LEAD_WORKER_ENV = 'PODIUM_LEAD_WORKER';

/**
 * How many worker processes to run, from `PODIUM_WORKERS` (a whole number >= 1). Default: the
 * number of cores on real Postgres, 1 on PGlite, which one process owns (more is refused there).
 */
export function workerCount(env: NodeJS.ProcessEnv, onPglite: boolean): number {
  const raw = env.PODIUM_WORKERS?.trim() ?? '';
  if (raw === '') return onPglite ? 1 : availableParallelism();
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 256)
    throw new Error(`Podium cannot start: PODIUM_WORKERS must be a whole number from 1 to 256, not "${raw}".`);
  if (onPglite && count > 1)
    throw new Error('Podium cannot start: PODIUM_WORKERS above 1 needs DATABASE_URL (PGlite is single-process).');
  return count;
}

/** A worker that dies this soon after its start counts as a crash loop, and its replacement waits longer. */
const QUICK_EXIT_MS = 5000;

/**
 * Runs `count` workers of this same script on one port (node:cluster; the primary hands out
 * connections round-robin), each a whole Podium with its own LISTEN connection. A worker that
 * exits unasked is replaced (after a backoff if it keeps dying at once); its viewers'
 * EventSources reconnect to the others. SIGTERM and SIGINT are passed on to every worker, and
 * the primary exits once all have stopped. Call only in the primary.
 */
export function superviseWorkers(count: number, logger: Logger): void {
  let stopping = false;
  let quickExits = 0;
  const started = new Map<Worker, number>();
  const fork = (lead: boolean) => {
    const worker = cluster.fork(lead ? { [LEAD_WORKER_ENV]: '1' } : {});
    started.set(worker, Date.now());
  };
  cluster.on('listening', (worker, address) => {
    logger.info({ pid: worker.process.pid, port: address.port }, 'worker listening');
  });
  cluster.on('exit', (worker, code, signal) => {
    const since = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    quickExits = since < QUICK_EXIT_MS ? quickExits + 1 : 0;
    const delay = quickExits === 0 ? 0 : Math.min(30_000, 250 * 2 ** quickExits);
    logger.error({ pid: worker.process.pid, code, signal, delay }, 'worker exited; starting a replacement');
    setTimeout(() => !stopping && fork(false), delay);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: started.size }, 'shutting down workers');
    for (const worker of started.keys()) worker.process.kill('SIGTERM');
    if (started.size === 0) process.exit(0);
    setTimeout(() => process.exit(1), 8000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < count; i += 1) fork(i === 0);
}
