import pg from 'pg';

/**
 * Counts the connections Postgres holds to one database (pg_stat_activity), sampling every
 * `intervalMs` (default 100) while running, and keeps the highest count seen.
 */
export class PgConnectionMonitor {
  private readonly client: pg.Client;
  private timer: NodeJS.Timeout | null = null;
  private highest = 0;

  /** `adminUrl` is any database on the same server other than `database`. */
  constructor(
    adminUrl: string,
    private readonly database: string,
    private readonly intervalMs = 100,
  ) {
    this.client = new pg.Client({ connectionString: adminUrl, application_name: 'podium_bench_monitor' });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  /** Connections to the database right now. */
  async count(): Promise<number> {
    const result = await this.client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [this.database],
    );
    return result.rows[0]?.n ?? 0;
  }

  /** Starts sampling from zero. */
  start(): void {
    this.highest = 0;
    const tick = async () => {
      this.highest = Math.max(this.highest, await this.count().catch(() => 0));
      if (this.timer) this.timer = setTimeout(() => void tick(), this.intervalMs);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  /** Stops sampling (after one last sample) and returns the highest count seen. */
  async stop(): Promise<number> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.highest = Math.max(this.highest, await this.count());
    return this.highest;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
