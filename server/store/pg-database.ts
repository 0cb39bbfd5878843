import pg from 'pg';
import type { Database, NotificationHandlers, Queryable, SlideListener } from './database.js';
import { DEFAULT_LISTENER_TIMINGS, PgListener, type ListenerTimings } from './pg-listener.js';

/** Options of the node-postgres driver. */
export interface PgDatabaseOptions {
  /** `postgres://` URL of the server. */
  connectionString: string;
  /** Pool size for queries (the LISTEN connection is extra). Default 4. */
  poolSize?: number;
  /** Client-side timeout of a query, so an outage fails fast instead of hanging. Default 5000 ms. */
  queryTimeoutMs?: number;
  /** Listener reconnect and liveness timings. */
  listenerTimings?: ListenerTimings;
  /** Where connection warnings go. */
  onWarn?: (message: string, err?: unknown) => void;
}

/** Real Postgres through node-postgres: one small pool plus one dedicated LISTEN client. */
export class PgDatabase implements Database {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(private readonly options: PgDatabaseOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: 3000,
      query_timeout: options.queryTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
    });
    // An idle pooled client that dies (server restart) emits here; the pool replaces it.
    this.pool.on('error', (err) => options.onWarn?.('idle database connection lost', err));
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.pool.query(sql, [...params]);
    return result.rows as Row[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
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

  listen(channel: string, handlers: NotificationHandlers): SlideListener {
    return new PgListener(
      { connectionString: this.options.connectionString, connectionTimeoutMillis: 3000 },
      channel,
      handlers,
      this.options.listenerTimings ?? DEFAULT_LISTENER_TIMINGS,
      this.options.onWarn,
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (err) {
      if (err instanceof Error && /terminated|timeout/i.test(err.message)) broken = err;
      throw err;
    } finally {
      // A client whose connection failed must not go back into the pool.
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
