import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The child process died before answering: a native crash (segfault, abort) or a kill. */
export class ChildCrashedError extends Error {
  override readonly name = 'ChildCrashedError';
  /** True when V8 gave up because the child reached its heap limit. */
  readonly outOfMemory: boolean;
  constructor(message: string, outOfMemory: boolean) {
    super(message);
    this.outOfMemory = outOfMemory;
  }
}

/** The child took longer than allowed and was killed. */
export class ChildTimeoutError extends Error {
  override readonly name = 'ChildTimeoutError';
}

/** How to run one job; no time limit and Node's default heap unless given. */
export interface ChildJobOptions {
  /** Kill the child and reject with ChildTimeoutError after this many milliseconds. */
  timeoutMs?: number;
  /** The child's V8 heap limit (`--max-old-space-size`), in MB. */
  maxOldSpaceMb?: number;
}

/** At most half the cores (at least one): native decoders are heavy, the server must stay responsive. */
export const HALF_THE_CORES = Math.max(1, Math.floor(availableParallelism() / 2));

/**
 * A queue that lets at most `max` jobs run at once (default HALF_THE_CORES); the rest wait
 * their turn, first come first served.
 */
export function jobQueue(max = HALF_THE_CORES): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (running < max) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/**
 * The module `name` (no extension) next to `callerUrl` and the Node flags to run it: from the
 * build both are .js; from source (tsx, vitest) both are .ts and the child loads tsx first.
 */
function entry(callerUrl: string, name: string): { path: string; execArgv: string[] } {
  if (!callerUrl.endsWith('.ts')) return { path: fileURLToPath(new URL(`./${name}.js`, callerUrl)), execArgv: [] };
  // Resolved from the caller, not from the current directory, so any cwd works.
  const tsxRoot = dirname(createRequire(callerUrl).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxRoot, 'dist/loader.mjs')).href;
  return { path: fileURLToPath(new URL(`./${name}.ts`, callerUrl)), execArgv: ['--import', tsx] };
}

/** The last few KB a child wrote to stderr (also passed on to ours), to tell why it died. */
function tailOfStderr(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-4096);
  });
  return () => tail;
}

/**
 * Runs the child module `name` next to `callerUrl` (its `import.meta.url`) in a new process,
 * sends it `input` and resolves with its one answer (see serveChildJob); the child is then
 * stopped. Buffers and typed arrays cross as such ('advanced' serialization). A crash only
 * kills the child: rejects with ChildCrashedError, or ChildTimeoutError after `timeoutMs`.
 */
export function runChildJob(
  callerUrl: string,
  name: string,
  input: Serializable,
  options: ChildJobOptions = {},
): Promise<unknown> {
  const { path, execArgv } = entry(callerUrl, name);
  if (options.maxOldSpaceMb) execArgv.push(`--max-old-space-size=${options.maxOldSpaceMb}`);
  const child = fork(path, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  const stderr = tailOfStderr(child);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      outcome();
    };
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            settle(() => reject(new ChildTimeoutError(`The ${name} child took longer than ${options.timeoutMs} ms.`)));
          }, options.timeoutMs);
    child.once('message', (message: unknown) => settle(() => resolve(message)));
    child.once('error', (error) => settle(() => reject(error)));
    child.once('exit', (code, signal) => {
      // stderr may still hold the last words (V8's "heap out of memory"): read it once it has ended.
      const report = (): void => {
        const outOfMemory = /heap out of memory|Reached heap limit/i.test(stderr());
        const why = signal ? `signal ${signal}` : `exit code ${code}`;
        settle(() =>
          reject(new ChildCrashedError(`The ${name} child stopped before answering (${why}).`, outOfMemory)),
        );
      };
      if (!child.stderr || child.stderr.readableEnded) report();
      else child.stderr.once('close', report);
    });
    child.send(input, (error) => {
      if (error) settle(() => reject(error));
    });
  });
}
