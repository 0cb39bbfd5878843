import { randomBytes } from 'node:crypto';
import type { DeckListener, NotificationHandlers } from './database.js';
import { parseDeckNotification } from './deck-notification.js';

/** How the listener proves it hears; both in ms. */
export interface HearingTimings {
  /** How often a probe NOTIFY is sent while the listener is connected. */
  probeIntervalMs: number;
  /** A probe not back this long after it was committed means notifications are not arriving. */
  probeDeadlineMs: number;
}

const CHECK_INTERVAL_MS = 250;

/** What /healthz and the log say when probes do not come back. */
export const DEAF_REASON =
  'notifications are not arriving: is the database behind a transaction-mode pooler such as PgBouncer?';

/** The LISTEN connection itself, before the probe is wrapped around it. */
export type ListenConnection = Omit<DeckListener, 'hearing'>;

/**
 * A LISTEN connection that proves it hears: while connected it NOTIFYs its own probe payload
 * on the channel through the query pool (`send`), and expects it back through LISTEN. A probe
 * that is not back within `probeDeadlineMs` makes `hearing` false (a transaction-mode pooler
 * takes the LISTEN and delivers nothing) until one comes back. Its own probes never reach `handlers`.
 */
export class ProbedListener implements DeckListener {
  private readonly connection: ListenConnection;
  private readonly prefix = randomBytes(6).toString('hex');
  private sequence = 0;
  /** Probes committed and not yet heard: token to the time the commit was answered. */
  private readonly pending = new Map<string, number>();
  private deaf = false;
  private lastProbeAt = -Infinity;
  /** Own probes heard before their commit was answered. */
  private readonly heardEarly = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(
    open: (handlers: NotificationHandlers) => ListenConnection,
    private readonly send: (payload: string) => Promise<void>,
    private readonly handlers: NotificationHandlers,
    private readonly timings: HearingTimings,
  ) {
    this.connection = open({
      onNotification: (payload) => this.receive(payload),
      onListening: () => {
        this.pending.clear();
        handlers.onListening();
        void this.probe();
      },
    });
    // Deadlines are checked often; probes go out every probeIntervalMs.
    this.timer = setInterval(() => this.tick(), Math.min(timings.probeIntervalMs, CHECK_INTERVAL_MS));
    this.timer.unref();
  }

  get connected(): boolean {
    return this.connection.connected;
  }

  /** False once a probe went unheard past its deadline, until one is heard again. */
  get hearing(): boolean {
    return !this.deaf;
  }

  get ready(): Promise<void> {
    return this.connection.ready;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.connection.close();
  }

  private receive(payload: string): void {
    // Cheap test first: every other payload goes straight on.
    if (!payload.includes('"probe"')) return this.handlers.onNotification(payload);
    const notification = parseDeckNotification(payload);
    if (notification?.kind !== 'probe') return this.handlers.onNotification(payload);
    // Another process's probe goes on (the feed ignores it); only our own stop here.
    if (!notification.token.startsWith(`${this.prefix}-`)) return this.handlers.onNotification(payload);
    const sentAt = this.pending.get(notification.token);
    if (sentAt === undefined) {
      // Back before its commit was answered: heard all the same.
      if (this.heardEarly.size > 16) this.heardEarly.clear();
      this.heardEarly.add(notification.token);
      this.setDeaf(false);
      return;
    }
    for (const [token, at] of this.pending) if (at <= sentAt) this.pending.delete(token);
    this.setDeaf(false);
  }

  private tick(): void {
    if (this.closed) return;
    if (!this.connection.connected) {
      this.pending.clear();
      return;
    }
    const now = performance.now();
    for (const [token, sentAt] of this.pending) {
      if (now - sentAt <= this.timings.probeDeadlineMs) continue;
      // Late is lost: deaf until a newer probe comes back.
      this.pending.delete(token);
      this.setDeaf(true);
    }
    if (now - this.lastProbeAt >= this.timings.probeIntervalMs) void this.probe();
  }

  private async probe(): Promise<void> {
    if (this.closed || !this.connection.connected) return;
    // Bounded, so a lost probe cannot grow the map: the oldest unanswered ones are enough.
    if (this.pending.size >= 8) return;
    this.sequence += 1;
    this.lastProbeAt = performance.now();
    const token = `${this.prefix}-${this.sequence}`;
    try {
      await this.send(JSON.stringify({ probe: token }));
    } catch {
      return; // The database did not take it: the pool's errors tell that story, not the probe.
    }
    // A probe that arrived before its commit was answered is already heard.
    if (!this.closed && !this.heardEarly.delete(token)) this.pending.set(token, performance.now());
  }

  private setDeaf(deaf: boolean): void {
    if (this.deaf === deaf) return;
    this.deaf = deaf;
    this.handlers.onHearing?.(!deaf);
  }
}
