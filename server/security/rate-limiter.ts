import type { Rate } from './limits.js';

interface Bucket {
  tokens: number;
  /** Time of the last refill, in ms. */
  at: number;
}

/** Options of a rate limiter. */
export interface RateLimiterOptions extends Rate {
  /** Most keys remembered; idle (full) buckets are swept first, then the oldest. Default 100000. */
  maxKeys?: number;
  /** Clock in ms. Default `performance.now`. */
  now?: () => number;
}

/**
 * Token buckets by key (a presenter key id, a client address). Memory is bounded: a full
 * bucket carries no information and is forgotten when room is needed.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Takes one token for `key`: 0 when allowed, otherwise the whole seconds to wait before retrying. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.refill(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.remember(key, bucket);
      return 0;
    }
    this.remember(key, bucket);
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.perSecond));
  }

  /** Keys with a bucket right now (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private refill(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.options.burst, at: now };
    const earned = ((now - bucket.at) / 1000) * this.options.perSecond;
    return { tokens: Math.min(this.options.burst, bucket.tokens + earned), at: now };
  }

  private remember(key: string, bucket: Bucket): void {
    // Re-insert so the Map's order is least recently used first.
    this.buckets.delete(key);
    if (this.buckets.size >= this.maxKeys) this.sweep();
    this.buckets.set(key, bucket);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) {
      if (this.refill(bucket, now).tokens >= this.options.burst) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
