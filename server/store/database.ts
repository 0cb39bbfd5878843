/** A row-returning query runner: the smallest surface both drivers share. */
export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

/** What receives deck notifications and learns whether the LISTEN connection is up. */
export interface NotificationHandlers {
  /** Called with each raw NOTIFY payload on the channel (see deck-notification.ts). */
  onNotification(payload: string): void;
  /** Called after every (re)connect, once LISTEN is in place, so callers can resync state. */
  onListening(): void;
  /** Called when notifications stop arriving (false) and when they arrive again (true); see hearing-probe.ts. */
  onHearing?(hearing: boolean): void;
}

/** One database, whichever driver: a query pool, transactions, and one LISTEN connection. */
export interface Database extends Queryable {
  /** Which driver answers: "postgres" (node-postgres) or "pglite" (embedded). */
  readonly kind: 'postgres' | 'pglite';
  /**
   * Runs one statement that changes data, on its own connection. A connection failure before it
   * was sent throws DatabaseUnavailableError (certainly not applied); one after it was sent and
   * before the answer (lost connection, query timeout) throws OutcomeUnknownError.
   */
  change<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `work` while holding a session-level advisory lock (used for migrations). */
  withAdvisoryLock<T>(key: number, work: (conn: Queryable) => Promise<T>): Promise<T>;
  /** Starts listening on `channel`; the returned listener owns reconnects. */
  listen(channel: string, handlers: NotificationHandlers): DeckListener;
  /** Closes every connection. */
  close(): Promise<void>;
}

/** A LISTEN connection that reports whether it is up. */
export interface DeckListener {
  /** True while LISTEN is in place and the connection answers. */
  readonly connected: boolean;
  /** False while the connection's own probe NOTIFYs do not come back (see hearing-probe.ts). */
  readonly hearing: boolean;
  /** Resolves once the first LISTEN is in place. */
  readonly ready: Promise<void>;
  /** Stops listening and closes the dedicated connection. */
  close(): Promise<void>;
}

/** Thrown when the database cannot be reached; the HTTP layer answers 503. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The database is not answering right now.', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** Thrown when a change was sent and its answer was lost: it may or may not have been applied (503 outcome_unknown). */
export class OutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super('The change was sent to the database but its answer was lost.', { cause });
    this.name = 'OutcomeUnknownError';
  }
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/** True when `err` says the database is unreachable or going away, not that the SQL was wrong. */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (CONNECTION_ERROR_CODES.has(code)) return true;
    // SQLSTATE classes 08 (connection exception), 57P (shutdown, crash), 53 (resources).
    if (code.startsWith('08') || code.startsWith('57P') || code.startsWith('53')) return true;
  }
  return /connection terminated|timeout|not queryable|client has encountered a connection error|closed/i.test(
    err.message,
  );
}

/** Runs `work`, turning connection failures into DatabaseUnavailableError (503); other errors pass through. */
export async function guardConnection<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isConnectionError(err)) throw new DatabaseUnavailableError(err);
    throw err;
  }
}
