import pg from 'pg';
import {
  DatabaseUnavailableError,
  isConnectionError,
  OutcomeUnknownError,
  type Database,
  type NotificationHandlers,
  type Queryable,
  type DeckListener,
} from './database.js';
import { DEFAULT_SETTINGS, type ListenerTimings } from '../config.js';
import { PgListener } from './pg-listener.js';
import { ProbedListener, type HearingTimings } from './hearing-probe.js';

/** Options of the node-postgres driver. */
export interface PgDatabaseOptions {
  /** `postgres://` URL of the server. */
  connectionString: string;
  /** Pool size for queries (the LISTEN connection is extra). Default 4. */
  poolSize?: number;
  /** Client-side timeout of a query, so an outage fails fast instead of hanging. Default 5000 ms. */
  queryTimeoutMs?: number;
  /** Listener reconnect and liveness timings. Default DEFAULT_SETTINGS.listenerTimings. */
  listenerTimings?: ListenerTimings;
  /** Hearing-probe timings. Default DEFAULT_SETTINGS.hearingTimings. */
  hearingTimings?: HearingTimings;
  /** Where connection warnings go. */
  onWarn?: (message: string, err?: unknown) => void;
}

/** `application_name` of pooled connections, so operators (and fault tests) can find them. */
export const POOL_APPLICATION_NAME = 'podium';
/** `application_name` of the LISTEN connection. */
export const LISTENER_APPLICATION_NAME = 'podium-listener';

/**
 * Real Postgres through node-postgres: one small pool plus one dedicated LISTEN client.
 * When a pooled connection fails with a connection error, or the listener loses its own,
 * the whole pool is replaced: its idle connections were opened to the same server and are as
 * suspect (after a restart or a network cut they are half-open, and each would cost the next
 * request a full query timeout).
 */
export class PgDatabase implements Database {
  readonly kind = 'postgres' as const;
  private pool: pg.Pool;
  private closed = false;

  constructor(private readonly options: PgDatabaseOptions) {
    this.pool = this.createPool();
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.onPool((pool) => pool.query(sql, [...params]));
    return result.rows as Row[];
  }

  async exec(sql: string): Promise<void> {
    await this.onPool((pool) => pool.query(sql));
  }

  async change<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    let sent = false;
    try {
      return await this.withClient(async (client) => {
        sent = true;
        return (await client.query(sql, [...params])).rows as Row[];
      });
    } catch (err) {
      if (!isConnectionError(err)) throw err;
      // Checked out but never answered: the statement may have committed on the server.
      throw sent ? new OutcomeUnknownError(err) : new DatabaseUnavailableError(err);
    }
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await work(clientQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  async withAdvisoryLock<T>(key: number, work: (conn: Queryable) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('SELECT pg_advisory_lock($1)', [key]);
      try {
        return await work(clientQueryable(client));
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
      }
    });
  }

  listen(channel: string, handlers: NotificationHandlers): DeckListener {
    const timings = this.options.listenerTimings ?? DEFAULT_SETTINGS.listenerTimings;
    // The probe goes out through the pool, as another process's change would.
    const send = async (payload: string) => {
      await this.query('SELECT pg_notify($1, $2)', [channel, payload]);
    };
    const hearing = this.options.hearingTimings ?? DEFAULT_SETTINGS.hearingTimings;
    return new ProbedListener((probed) => this.openListener(channel, probed, timings), send, handlers, hearing);
  }

  private openListener(channel: string, handlers: NotificationHandlers, timings: ListenerTimings): PgListener {
    return new PgListener(
      {
        connectionString: this.options.connectionString,
        connectionTimeoutMillis: 3000,
        application_name: LISTENER_APPLICATION_NAME,
      },
      channel,
      handlers,
      timings,
      (err) => {
        this.options.onWarn?.('database listener connection lost; reconnecting', err);
        // The resync that follows the reconnect reads through the pool: it must not wait out
        // a query timeout on a pooled connection that died with the listener's.
        this.retirePool();
      },
    );
  }

  /** Ends the pool; gives up waiting after `timeoutMs` (default 1000), since a frozen server never answers. */
  async close(timeoutMs = 1000): Promise<void> {
    this.closed = true;
    const ended = this.pool.end().catch((err: unknown) => this.options.onWarn?.('closing the pool failed', err));
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  private createPool(): pg.Pool {
    const pool = new pg.Pool({
      connectionString: this.options.connectionString,
      max: this.options.poolSize ?? 4,
      connectionTimeoutMillis: 3000,
      query_timeout: this.options.queryTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: POOL_APPLICATION_NAME,
    });
    // An idle pooled client that dies (server restart) emits here; the pool drops it.
    pool.on('error', (err) => this.options.onWarn?.('idle database connection lost', err));
    return pool;
  }

  /** Runs `work` on the current pool; a connection error retires that pool (see the class doc). */
  private async onPool<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> {
    const pool = this.pool;
    try {
      return await work(pool);
    } catch (err) {
      if (pool === this.pool && isConnectionError(err)) {
        this.options.onWarn?.('database connection failed; replacing the pool', err);
        this.retirePool();
      }
      throw err;
    }
  }

  /** Swaps in a fresh pool; work in flight on the old one finishes, its idle connections close now. */
  private retirePool(): void {
    if (this.closed) return;
    const old = this.pool;
    this.pool = this.createPool();
    old.end().catch(() => undefined);
  }

  private withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.onPool((pool) => this.withPoolClient(pool, work));
  }

  private async withPoolClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // A checked-out client has no pool listener: without this, a connection lost between two
    // statements of a transaction would be an unhandled 'error' event and crash the process.
    let broken = false;
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    try {
      return await work(client);
    } catch (err) {
      // Like pool.query, never reuse a client that saw an error: after a client-side timeout
      // its protocol state is out of step (a late answer would reach the next caller).
      broken = true;
      throw err;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }
}

function clientQueryable(client: pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const result = await client.query(sql, [...params]);
      return result.rows as Row[];
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}
