/** Messages between the bench driver and its load processes (over the fork IPC channel). */

/** Opens `count` streams, `paths[i % paths.length]` for the i-th, at most `concurrency` connecting at once. */
export interface OpenCommand {
  type: 'open';
  host: string;
  port: number;
  paths: string[];
  count: number;
  concurrency: number;
  /** A stream without its first event after this many ms has failed. */
  timeoutMs: number;
}

/**
 * Reopens every stream this process held (all at once, with `Last-Event-ID`), as browsers do
 * after a server restart; a refused or failed connect is retried every `retryMs` until `retryUntil`.
 */
export interface ReconnectCommand {
  type: 'reconnect';
  port: number;
  retryMs: number;
  /** `nowMs()` after which failures are final. */
  retryUntil: number;
}

/** Starts waiting until every stream has seen at least `targets[path]`; answered with `armed`, later `reached`. */
export interface ArmCommand {
  type: 'arm';
  id: number;
  targets: Record<string, number>;
  timeoutMs: number;
}

/** Resets every stream; answered with `closed`. */
export interface CloseCommand {
  type: 'close';
}

/** Asks for counters; answered with `status`. */
export interface StatusCommand {
  type: 'status';
}

/** Anything the driver sends. */
export type LoadCommand = OpenCommand | ReconnectCommand | ArmCommand | CloseCommand | StatusCommand;

/** Failure reasons and how often each happened. */
export type ErrorCounts = Record<string, number>;

/** Answer to `open` and `reconnect`: how many streams got their first event, and when. */
export interface OpenedReply {
  type: 'opened';
  ok: number;
  failed: number;
  /** `nowMs()` of the last first event (0 when none). */
  lastReadyAt: number;
  errors: ErrorCounts;
}

/** The waiter of `arm` is in place. */
export interface ArmedReply {
  type: 'armed';
  id: number;
}

/** Every stream reached its target (or the timeout passed): receipt times, `nowMs()`. */
export interface ReachedReply {
  type: 'reached';
  id: number;
  times: number[];
  missing: number;
}

/** Every stream was reset. */
export interface ClosedReply {
  type: 'closed';
}

/** Counters of this process. */
export interface StatusReply {
  type: 'status';
  open: number;
  /** Streams that ended after their first event without being asked to. */
  dropped: number;
  errors: ErrorCounts;
}

/** Anything a load process sends back. */
export type LoadReply = OpenedReply | ArmedReply | ReachedReply | ClosedReply | StatusReply;
