/** Why a render was refused: every slot and queue place is taken, or this address has enough in flight. */
export type RenderRefusal = 'busy' | 'address';

/** A slot to render in; `release` it when the render is over (safe to call twice). */
export type ReleaseSlot = () => void;

/**
 * A semaphore with a bounded queue for deck rendering: at most `maxRunning` renders at once,
 * at most `maxWaiting` waiting (first come, first served), and at most `maxPerAddress` in
 * flight (running or waiting) for one client address, so one source cannot take the queue.
 */
export class RenderGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly byAddress = new Map<string, number>();

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting: number,
    private readonly maxPerAddress: number,
  ) {}

  /** A slot for `address` (at once, or once one frees), or the refusal when none can be had. */
  enter(address: string): Promise<ReleaseSlot> | RenderRefusal {
    const held = this.byAddress.get(address) ?? 0;
    if (held >= this.maxPerAddress) return 'address';
    if (this.running >= this.maxRunning && this.waiting.length >= this.maxWaiting) return 'busy';
    this.byAddress.set(address, held + 1);
    const release = this.releaser(address);
    if (this.running < this.maxRunning) {
      this.running += 1;
      return Promise.resolve(release);
    }
    // A freed slot passes straight to the first waiter (running stays the same).
    return new Promise((admitted) => this.waiting.push(() => admitted(release)));
  }

  /** Renders running and waiting right now (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private releaser(address: string): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    };
  }
}
