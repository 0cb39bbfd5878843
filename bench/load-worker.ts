/**
 * A load process: holds a few thousand raw SSE connections for the bench driver, which
 * commands it over IPC (see load-protocol.ts). It exits when the driver goes away.
 */
import { nowMs } from './clock.js';
import type {
  ArmCommand,
  ErrorCounts,
  LoadCommand,
  LoadReply,
  OpenCommand,
  ReconnectCommand,
} from './load-protocol.js';
import { SseConnection, type SseTarget } from './sse-connection.js';

interface Waiter {
  id: number;
  targets: Record<string, number>;
  done: Set<SseConnection>;
  /** Streams that closed before reaching their target. */
  lost: number;
  times: number[];
  timer: NodeJS.Timeout;
}

interface Opening {
  queue: SseTarget[];
  /** Connections of this open still waiting for their first event. */
  pending: Set<SseConnection>;
  concurrency: number;
  ok: number;
  failed: number;
  lastReadyAt: number;
  errors: ErrorCounts;
  retryMs: number;
  retryUntil: number;
  /** Retries waiting for their timer. */
  retrying: number;
}

let connections: SseConnection[] = [];
const slots = new WeakMap<SseConnection, number>();
let opening: Opening | null = null;
let waiter: Waiter | null = null;
let closing = false;
let dropped = 0;
let errors: ErrorCounts = {};

function send(reply: LoadReply): void {
  process.send?.(reply);
}

function count(into: ErrorCounts, reason: string): void {
  into[reason] = (into[reason] ?? 0) + 1;
}

const handlers = {
  onEvent(connection: SseConnection, at: number): void {
    if (opening?.pending.delete(connection)) {
      opening.ok += 1;
      opening.lastReadyAt = at;
      pump();
    }
    if (
      waiter &&
      !waiter.done.has(connection) &&
      connection.lastVersion >= (waiter.targets[connection.target.path] ?? Infinity)
    ) {
      waiter.done.add(connection);
      waiter.times.push(at);
      checkWaiter();
    }
  },
  onClose(connection: SseConnection, wasReady: boolean, reason: string): void {
    count(errors, reason);
    const open = opening;
    if (open?.pending.delete(connection)) {
      if (open.retryUntil > nowMs()) {
        // A browser's EventSource waits `retry` ms and tries again; so does this client.
        open.retrying += 1;
        const slot = slots.get(connection) ?? -1;
        setTimeout(() => {
          open.retrying -= 1;
          if (opening === open) open.pending.add(start(connection.target, slot));
        }, open.retryMs).unref();
        return;
      }
      open.failed += 1;
      count(open.errors, reason);
      pump();
    } else if (wasReady && !closing) {
      dropped += 1;
    }
    if (waiter && !opening && !waiter.done.has(connection)) {
      waiter.lost += 1;
      checkWaiter();
    }
  },
};

function start(target: SseTarget, slot = -1): SseConnection {
  const connection = new SseConnection(target, handlers);
  const index = slot >= 0 ? slot : connections.length;
  connections[index] = connection;
  slots.set(connection, index);
  return connection;
}

function pump(): void {
  const open = opening;
  if (!open) return;
  while (open.pending.size < open.concurrency && open.queue.length > 0) {
    open.pending.add(start(open.queue.shift() as SseTarget));
  }
  if (open.pending.size === 0 && open.retrying === 0 && open.queue.length === 0) {
    opening = null;
    send({ type: 'opened', ok: open.ok, failed: open.failed, lastReadyAt: open.lastReadyAt, errors: open.errors });
    countLost();
    checkWaiter();
  }
}

function beginOpening(queue: SseTarget[], concurrency: number, retryMs = 0, retryUntil = 0): void {
  closing = false;
  opening = {
    queue,
    pending: new Set(),
    concurrency,
    ok: 0,
    failed: 0,
    lastReadyAt: 0,
    errors: {},
    retryMs,
    retryUntil,
    retrying: 0,
  };
  pump();
}

function open(command: OpenCommand): void {
  dropped = 0;
  errors = {};
  const queue: SseTarget[] = [];
  for (let i = 0; i < command.count; i += 1) {
    queue.push({
      host: command.host,
      port: command.port,
      path: command.paths[i % command.paths.length] as string,
      timeoutMs: command.timeoutMs,
    });
  }
  beginOpening(queue, command.concurrency);
}

function reconnect(command: ReconnectCommand): void {
  const previous = connections;
  connections = [];
  for (const old of previous) old.reset();
  const queue = previous.map((old) => ({
    ...old.target,
    port: command.port,
    lastEventId: old.lastEventId || undefined,
  }));
  beginOpening(queue, Infinity, command.retryMs, command.retryUntil);
}

function arm(command: ArmCommand): void {
  if (waiter) clearTimeout(waiter.timer);
  const timer = setTimeout(() => finishWaiter(), command.timeoutMs);
  waiter = { id: command.id, targets: command.targets, done: new Set(), lost: 0, times: [], timer };
  for (const connection of connections) {
    if (!connection.isClosed && connection.lastVersion >= (command.targets[connection.target.path] ?? Infinity)) {
      waiter.done.add(connection);
      waiter.times.push(connection.lastAt);
    }
  }
  countLost();
  send({ type: 'armed', id: command.id });
  checkWaiter();
}

function checkWaiter(): void {
  if (waiter && !opening && waiter.done.size + waiter.lost >= connections.length) finishWaiter();
}

/** Streams that are gone without reaching their target (recounted whenever an open ends). */
function countLost(): void {
  const current = waiter;
  if (current) current.lost = connections.filter((c) => c.isClosed && !current.done.has(c)).length;
}

function finishWaiter(): void {
  const done = waiter;
  if (!done) return;
  waiter = null;
  clearTimeout(done.timer);
  send({ type: 'reached', id: done.id, times: done.times, missing: connections.length - done.done.size });
}

function close(): void {
  closing = true;
  for (const connection of connections) connection.reset();
  connections = [];
  send({ type: 'closed' });
}

process.on('message', (command: LoadCommand) => {
  switch (command.type) {
    case 'open':
      return open(command);
    case 'reconnect':
      return reconnect(command);
    case 'arm':
      return arm(command);
    case 'close':
      return close();
    case 'status': {
      const open = connections.filter((connection) => !connection.isClosed).length;
      send({ type: 'status', open, dropped, errors });
      dropped = 0;
      errors = {};
    }
  }
});
process.on('disconnect', () => process.exit(0));
