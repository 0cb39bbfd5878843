import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorCounts, LoadCommand, LoadReply, OpenedReply, ReachedReply, StatusReply } from './load-protocol.js';

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'load-worker.ts');

/** Outcome of opening (or reopening) streams across every load process. */
export interface OpenResult {
  ok: number;
  failed: number;
  /** `nowMs()` when the last stream got its first event. */
  lastReadyAt: number;
  errors: ErrorCounts;
}

/** Receipt times (`nowMs()`) of every stream that reached its target, and how many did not. */
export interface Receipts {
  times: number[];
  missing: number;
}

type Resolver = (reply: LoadReply) => void;

/** One forked load process and its reply queues. */
class LoadProcess {
  readonly child: ChildProcess;
  private readonly waiting = new Map<LoadReply['type'], Resolver[]>();

  constructor() {
    this.child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'inherit' });
    this.child.on('message', (reply: LoadReply) => this.waiting.get(reply.type)?.shift()?.(reply));
  }

  /** The next reply of `type`. */
  next<T extends LoadReply>(type: T['type']): Promise<T> {
    return new Promise((resolve) => {
      const queue = this.waiting.get(type) ?? [];
      queue.push(resolve as Resolver);
      this.waiting.set(type, queue);
    });
  }

  send(command: LoadCommand): void {
    this.child.send(command);
  }
}

/** Splits `total` into `parts` near-equal shares. */
function shares(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function mergeOpened(replies: OpenedReply[]): OpenResult {
  const errors: ErrorCounts = {};
  for (const reply of replies)
    for (const [reason, n] of Object.entries(reply.errors)) errors[reason] = (errors[reason] ?? 0) + n;
  return {
    ok: replies.reduce((sum, r) => sum + r.ok, 0),
    failed: replies.reduce((sum, r) => sum + r.failed, 0),
    lastReadyAt: Math.max(0, ...replies.map((r) => r.lastReadyAt)),
    errors,
  };
}

/** Load processes (each holds its share of the streams), commanded as one. Default 1 process. */
export class LoadPool {
  private readonly processes: LoadProcess[];
  private armed = 0;

  constructor(size = 1) {
    this.processes = Array.from({ length: Math.max(1, size) }, () => new LoadProcess());
  }

  /** Opens `count` streams on `paths` (round robin), at most `concurrency` connecting at once in all. */
  async open(
    host: string,
    port: number,
    paths: string[],
    count: number,
    concurrency: number,
    timeoutMs = 30_000,
  ): Promise<OpenResult> {
    const counts = shares(count, this.processes.length);
    const each = Math.max(1, Math.ceil(concurrency / this.processes.length));
    const replies = this.processes.map((p, i) => {
      const reply = p.next<OpenedReply>('opened');
      p.send({ type: 'open', host, port, paths, count: counts[i] ?? 0, concurrency: each, timeoutMs });
      return reply;
    });
    return mergeOpened(await Promise.all(replies));
  }

  /** Every held stream reconnects at once to `port`; failures retry every `retryMs` until `retryUntil`. */
  reconnect(port: number, retryMs: number, retryUntil: number): Promise<OpenResult> {
    const replies = this.processes.map((p) => {
      const reply = p.next<OpenedReply>('opened');
      p.send({ type: 'reconnect', port, retryMs, retryUntil });
      return reply;
    });
    return Promise.all(replies).then(mergeOpened);
  }

  /**
   * Starts waiting for every stream to see `targets[path]`; resolves once every process is
   * listening, with a promise of the receipts (partial after `timeoutMs`), wrapped so that
   * awaiting the first does not wait for the second.
   */
  async arm(targets: Record<string, number>, timeoutMs: number): Promise<{ receipts: Promise<Receipts> }> {
    const id = (this.armed += 1);
    const reached = this.processes.map((p) => p.next<ReachedReply>('reached'));
    const armed = this.processes.map((p) => {
      const ack = p.next('armed');
      p.send({ type: 'arm', id, targets, timeoutMs });
      return ack;
    });
    await Promise.all(armed);
    const receipts = Promise.all(reached).then((replies) => ({
      times: replies.flatMap((r) => r.times),
      missing: replies.reduce((sum, r) => sum + r.missing, 0),
    }));
    return { receipts };
  }

  /** Resets every stream. */
  async close(): Promise<void> {
    await Promise.all(
      this.processes.map((p) => {
        const reply = p.next('closed');
        p.send({ type: 'close' });
        return reply;
      }),
    );
  }

  /** Open streams, streams dropped without being asked, and failure reasons since the last call. */
  async status(): Promise<{ open: number; dropped: number; errors: ErrorCounts }> {
    const replies = await Promise.all(
      this.processes.map((p) => {
        const reply = p.next<StatusReply>('status');
        p.send({ type: 'status' });
        return reply;
      }),
    );
    const errors: ErrorCounts = {};
    for (const reply of replies)
      for (const [reason, n] of Object.entries(reply.errors)) errors[reason] = (errors[reason] ?? 0) + n;
    return {
      open: replies.reduce((s, r) => s + r.open, 0),
      dropped: replies.reduce((s, r) => s + r.dropped, 0),
      errors,
    };
  }

  /** Ends every load process. */
  stop(): void {
    for (const p of this.processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  }
}
