/** Why a stream was refused: the process is full, or this address holds too many. */
export type StreamRefusal = 'process' | 'address';

/** Counts open event streams per process and per client address against their caps. */
export class StreamLimiter {
  private total = 0;
  private readonly byAddress = new Map<string, number>();

  constructor(
    /** Most open streams in this process. */
    private readonly maxStreams: number,
    /** Most open streams from one address key. */
    private readonly maxPerAddress: number,
  ) {}

  /** Reserves a slot for `address`; returns a release function (safe to call twice) or the refusal. */
  acquire(address: string): (() => void) | StreamRefusal {
    if (this.total >= this.maxStreams) return 'process';
    const held = this.byAddress.get(address) ?? 0;
    if (held >= this.maxPerAddress) return 'address';
    this.total += 1;
    this.byAddress.set(address, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
    };
  }

  /** Streams counted right now. */
  get size(): number {
    return this.total;
  }
}
