import type { Logger } from 'pino';
import { backoffDelay } from '../../shared/backoff.js';
import { isConnectionError, type Database } from './database.js';
import { migrate } from './migrations.js';

/** Backoff of the start-up wait: 250 ms, doubling, capped at 5 s (with jitter, see backoffDelay). */
const WAIT = { baseMs: 250, capMs: 5000 };

/**
 * Runs the migrations once the database answers: while it is unreachable (refused, timed out,
 * out of connections) it retries with backoff instead of giving up, logging each failed attempt
 * at warn (the first, then every tenth). Any other error (bad SQL, bad credentials) is thrown.
 */
export async function untilMigrated(db: Database, logger: Logger, stopped: () => boolean = () => false): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await migrate(db);
      if (attempt > 0) logger.info({ attempts: attempt + 1 }, 'the database answers; migrations are done');
      return;
    } catch (err) {
      if (!isConnectionError(err) || stopped()) throw err;
      const delay = backoffDelay(attempt, WAIT);
      if (attempt % 10 === 0) logger.warn({ err, attempt, delay }, 'waiting for the database; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
