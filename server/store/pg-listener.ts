import pg from 'pg';
import { backoffDelay } from '../../shared/backoff.js';
import type { ListenerTimings } from '../config.js';
import type { NotificationHandlers } from './database.js';
import type { ListenConnection } from './hearing-probe.js';

/**
 * The one LISTEN connection of a process: a dedicated `pg.Client` (never pooled) that
 * replaces itself with backoff and jitter on `error`, `end` or a failed liveness query,
 * LISTENs again, and only then calls `onListening` so the caller can resync.
 */
export class PgListener implements ListenConnection {
  private client: pg.Client | null = null;
  private isConnected = false;
  private closed = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private livenessTimer: NodeJS.Timeout | null = null;
  private resolveReady: () => void = () => undefined;
  readonly ready: Promise<void>;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly handlers: NotificationHandlers,
    private readonly timings: ListenerTimings,
    /** Called whenever the connection is lost or an attempt fails, before the next attempt is scheduled. */
    private readonly onLost: (err?: unknown) => void = () => undefined,
  ) {
    this.ready = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
    void this.connect();
  }

  get connected(): boolean {
    return this.isConnected;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ ...this.config, keepAlive: true });
    this.client = client;
    client.on('error', (err) => this.handleLost(client, err));
    client.on('end', () => this.handleLost(client));
    client.on('notification', (msg) => {
      if (msg.channel === this.channel && msg.payload !== undefined) this.handlers.onNotification(msg.payload);
    });
    try {
      // A frozen server would hold the connect or the LISTEN forever: both are bounded.
      await withTimeout(client.connect(), this.timings.livenessTimeoutMs, 'connect');
      await withTimeout(
        client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`),
        this.timings.livenessTimeoutMs,
        'LISTEN',
      );
    } catch (err) {
      this.handleLost(client, err);
      return;
    }
    if (this.client !== client || this.closed) return;
    this.attempt = 0;
    this.isConnected = true;
    this.scheduleLiveness(client);
    this.resolveReady();
    this.handlers.onListening();
  }

  private scheduleLiveness(client: pg.Client): void {
    this.livenessTimer = setTimeout(() => {
      void this.checkLiveness(client);
    }, this.timings.livenessIntervalMs);
    this.livenessTimer.unref();
  }

  private async checkLiveness(client: pg.Client): Promise<void> {
    try {
      await withTimeout(client.query('SELECT 1'), this.timings.livenessTimeoutMs, 'liveness query');
    } catch (err) {
      this.handleLost(client, err);
      return;
    }
    if (this.client === client && !this.closed) this.scheduleLiveness(client);
  }

  private handleLost(client: pg.Client, err?: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.isConnected = false;
    if (this.livenessTimer) clearTimeout(this.livenessTimer);
    // A half-open socket would make end() wait forever: destroy it outright.
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    client.connection.stream.destroy();
    if (this.closed) return;
    this.onLost(err);
    const delay = backoffDelay(this.attempt, { baseMs: this.timings.backoffMinMs, capMs: this.timings.backoffMaxMs });
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      void this.connect();
    }, delay);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.livenessTimer) clearTimeout(this.livenessTimer);
    const client = this.client;
    this.client = null;
    this.isConnected = false;
    this.resolveReady();
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await Promise.race([client.end().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
      client.connection.stream.destroy();
    }
  }
}

/** Rejects when `work` has not settled within `ms`; `what` names it in the error. */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
