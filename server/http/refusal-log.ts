import type { Logger } from 'pino';

/** Shortest time between two log lines about refusals of one kind: 5 s. */
const WINDOW_MS = 5000;

/** Per logger: refusal code to [last line's time, refusals since]. */
const seen = new WeakMap<Logger, Map<string, { at: number; count: number }>>();

/**
 * Logs a refusal (429, a 503 cap such as too_many_streams) as what it is: at info, without a
 * stack trace, at most one line per code every 5 s, counting the refusals it stands for.
 */
export function logRefusal(logger: Logger, status: number, code: string): void {
  let byCode = seen.get(logger);
  if (!byCode) {
    byCode = new Map();
    seen.set(logger, byCode);
  }
  const now = performance.now();
  const entry = byCode.get(code);
  if (entry && now - entry.at < WINDOW_MS) {
    entry.count += 1;
    return;
  }
  // The first refusal in a window is logged at once; the rest are counted into the next line.
  const refused = (entry?.count ?? 0) + 1;
  byCode.set(code, { at: now, count: 0 });
  logger.info({ status, code, refused }, 'refused requests (a limit, not a failure)');
}
