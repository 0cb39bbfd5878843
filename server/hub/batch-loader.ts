/**
 * Coalesces many single-key reads into few batched ones: at most one batch is in flight,
 * and a key queued while it runs waits for the next batch. So every answer was read
 * after its caller asked, which matters for streams that register before they read.
 */
export class BatchLoader<K, V> {
  private queue = new Map<K, Array<{ resolve: (value: V | null) => void; reject: (err: unknown) => void }>>();
  private running = false;

  constructor(private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>) {}

  /** Resolves with the value for `key` (null when absent), read in the next batch. */
  load(key: K): Promise<V | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.queue.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.queue.set(key, [{ resolve, reject }]);
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = new Map();
    try {
      const values = await this.loadMany([...batch.keys()]);
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(values.get(key) ?? null);
    } catch (err) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
    }
    if (this.queue.size > 0) setImmediate(() => void this.flush());
    else this.running = false;
  }
}
