import type { Logger } from 'pino';
import type { HistoryStore } from '../store/history-store.js';
import { PRESENCE_EXPIRY_MS } from './presence-publisher.js';

/**
 * Samples the audience of every deck into `audience_samples` every `intervalMs` (the interval is
 * also the sample's bucket): one statement per process and interval, over the presence rows
 * every process already publishes; the first process in an interval writes, the rest do nothing.
 */
export class AudienceSampler {
  private readonly timer: NodeJS.Timeout;
  private sampling: Promise<void> | null = null;

  constructor(
    private readonly history: HistoryStore,
    private readonly logger: Logger,
    readonly intervalMs: number,
  ) {
    this.timer = setInterval(() => void this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Writes this interval's samples now (skipped while one write is under way). */
  sample(): Promise<void> {
    this.sampling ??= this.history
      .sampleAudience(this.intervalMs, PRESENCE_EXPIRY_MS)
      .then(
        () => undefined,
        (err: unknown) => this.logger.warn({ err }, 'sampling the audience failed; trying again next interval'),
      )
      .finally(() => {
        this.sampling = null;
      });
    return this.sampling;
  }

  /** Stops sampling (a write under way finishes first). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.sampling;
  }
}
