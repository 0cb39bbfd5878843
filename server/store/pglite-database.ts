import { PGlite } from '@electric-sql/pglite';
import { join } from 'node:path';
import type { Database, NotificationHandlers, Queryable, DeckListener } from './database.js';
import { lockDataDir } from './data-dir-lock.js';
import { ProbedListener, type HearingTimings, type ListenConnection } from './hearing-probe.js';
import { DEFAULT_SETTINGS } from '../config.js';

/** Embedded Postgres (PGlite, WebAssembly). Same SQL and LISTEN/NOTIFY as the server. */
export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;

  private constructor(
    private readonly db: PGlite,
    private readonly releaseLock: () => void,
  ) {}

  /** Opens `<dataDir>/pgdata` (locked against a second process), or an in-memory database. */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    if (dataDir === undefined) {
      const db = await PGlite.create();
      return new PgliteDatabase(db, () => undefined);
    }
    const release = lockDataDir(dataDir);
    try {
      const db = await PGlite.create(join(dataDir, 'pgdata'));
      return new PgliteDatabase(db, release);
    } catch (err) {
      release();
      throw err;
    }
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.db.query<Row>(sql, [...params]);
    return result.rows;
  }

  /** In-process: a change either returns or throws before it was applied. */
  async change<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.query<Row>(sql, params);
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      work({
        async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
          return (await tx.query<Row>(sql, [...params])).rows;
        },
        async exec(sql: string): Promise<void> {
          await tx.exec(sql);
        },
      }),
    );
  }

  async withAdvisoryLock<T>(key: number, work: (conn: Queryable) => Promise<T>): Promise<T> {
    // One connection per process and one process per data dir: the lock is a formality
    // kept so the same migration code runs on both drivers.
    await this.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work(this);
    } finally {
      await this.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  }

  /** Listens on `channel` with the same hearing probe as real Postgres (timings: DEFAULT_SETTINGS.hearingTimings). */
  listen(
    channel: string,
    handlers: NotificationHandlers,
    timings: HearingTimings = DEFAULT_SETTINGS.hearingTimings,
  ): DeckListener {
    const send = async (payload: string) => {
      await this.query('SELECT pg_notify($1, $2)', [channel, payload]);
    };
    return new ProbedListener((probed) => this.openListener(channel, probed), send, handlers, timings);
  }

  private openListener(channel: string, handlers: NotificationHandlers): ListenConnection {
    let connected = false;
    let unsubscribe: (() => Promise<void>) | null = null;
    const ready = this.db
      .listen(channel, (payload) => handlers.onNotification(payload))
      .then((unsub) => {
        unsubscribe = unsub;
        connected = true;
        handlers.onListening();
      });
    return {
      get connected() {
        return connected;
      },
      ready,
      close: async () => {
        connected = false;
        await ready.catch(() => undefined);
        if (unsubscribe && !this.db.closed) await unsubscribe();
      },
    };
  }

  async close(): Promise<void> {
    try {
      if (!this.db.closed) await this.db.close();
    } finally {
      this.releaseLock();
    }
  }
}
