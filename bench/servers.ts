import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRemoteLink, spawnPodium, type PodiumProcess } from '../test/support/process.js';
import { httpJson, httpRequest } from './http-client.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Which server a figure belongs to: Podium, or a peer (see README "Benchmark"). */
export type ServerKind = 'podium' | 'baseline' | 'better-sse' | 'nchan';

/** Every server the bench knows, in the order it measures them. */
export const SERVER_KINDS: readonly ServerKind[] = ['baseline', 'podium', 'better-sse', 'nchan'];

/** The peers that are small Node servers of the bench's own, with their entry file's base name. */
const NODE_PEERS = { baseline: 'baseline-server', 'better-sse': 'better-sse-server' } as const;

/** A server under test, running as its own OS process on 127.0.0.1. */
export interface BenchServer {
  readonly kind: ServerKind;
  readonly port: number;
  /** Base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Process id (changes on restart). */
  pid(): number;
  /** Path of the event stream the bench's audience follows. */
  readonly eventsPath: string;
  /** Makes one change (Podium: the presenter's PUT; baseline: the trigger); resolves with its version. */
  change(): Promise<number>;
  /** The version clients must be on now. */
  version(): Promise<number>;
  /** Open streams as the server counts them. */
  streams(): Promise<number>;
  /** V8 heap in use, in bytes, as the server reports it. */
  heapUsed(): Promise<number>;
  /** Runs a full garbage collection in the server (it runs with --expose-gc), so memory readings are fair. */
  collectGarbage(): Promise<void>;
  /** Stops the process (streams get the server's goodbye) and starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops the process. */
  stop(): Promise<void>;
}

/** Podium without its abuse limits: the bench opens every stream from one address and PUTs hundreds per second. */
export const PODIUM_UNLIMITED: Record<string, string> = {
  PODIUM_RATE_LIMIT: 'off',
  PODIUM_MAX_STREAMS: '1000000',
  PODIUM_MAX_STREAMS_PER_ADDRESS: '1000000',
  // The sustained phases create a hundred decks from one address.
  PODIUM_DECKS_PER_ADDRESS_PER_DAY: '0',
  PODIUM_DECK_MB_PER_ADDRESS_PER_DAY: '0',
  PODIUM_RENDER_SECONDS_PER_ADDRESS_PER_DAY: '0',
};
/** A free TCP port on 127.0.0.1, so a restarted server can come back on the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Node flags for every server: `--expose-gc` plus a preloaded one-liner that runs `gc()` on
 * SIGUSR2, so the bench can force a collection before each memory reading on every server.
 */
export const GC_NODE_ARGS = [
  '--expose-gc',
  `--import=data:text/javascript,${encodeURIComponent("process.on('SIGUSR2',()=>globalThis.gc?.())")}`,
];

/** Signals `pid` to collect garbage and gives it a moment to do so. */
async function collectGarbage(pid: number): Promise<void> {
  if (pid <= 0) return;
  process.kill(pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** A figure from Podium's Prometheus text. */
function metric(text: string, name: string): number {
  const match = new RegExp(`^${name} (\\S+)`, 'm').exec(text);
  if (!match?.[1]) throw new Error(`${name} missing from /metrics`);
  return Number(match[1]);
}

/** How to run Podium for the bench. */
export interface PodiumLaunch {
  /** Real Postgres database URL; PGlite in `dataDir` otherwise. */
  databaseUrl?: string;
  dataDir: string;
  /** More environment (e.g. raised limits). */
  env?: Record<string, string>;
  /** Arguments for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Run the build (`dist/`, as `npm start` does) rather than the sources through tsx. */
  compiled?: boolean;
}

/** Starts `server/main.ts` as its own process, serving its demo deck; the bench drives that deck. */
export async function startPodiumServer(launch: PodiumLaunch): Promise<BenchServer> {
  const port = await freePort();
  const env = {
    PORT: String(port),
    DATABASE_URL: launch.databaseUrl ?? '',
    PODIUM_DATA_DIR: launch.dataDir,
    LOG_LEVEL: 'warn',
    ...launch.env,
  };
  const nodeArgs = [...GC_NODE_ARGS, ...(launch.nodeArgs ?? [])];
  let proc: PodiumProcess = await spawnPodium(env, [], 60_000, nodeArgs, launch.compiled);
  const { deckId, key } = parseRemoteLink(proc.remote);
  const base = `http://127.0.0.1:${port}`;
  const auth = { Authorization: `Bearer ${key}` };
  const deck = await httpJson<{ index: number; slides: unknown[] }>('GET', `${base}/api/decks/${deckId}`);
  let index = deck.index;
  const scrape = async () => (await httpRequest('GET', `${base}/metrics`)).body;
  return {
    kind: 'podium',
    port,
    url: base,
    pid: () => proc.proc.pid ?? 0,
    eventsPath: `/api/decks/${deckId}/events`,
    async change() {
      index = (index + 1) % deck.slides.length;
      return (await httpJson<{ version: number }>('PUT', `${base}/api/decks/${deckId}/slide`, { index }, auth)).version;
    },
    async version() {
      return (await httpJson<{ version: number }>('GET', `${base}/api/decks/${deckId}`)).version;
    },
    streams: async () => metric(await scrape(), 'podium_sse_clients'),
    heapUsed: async () => metric(await scrape(), 'podium_process_nodejs_heap_size_used_bytes'),
    collectGarbage: () => collectGarbage(proc.proc.pid ?? 0),
    async restart() {
      await proc.stop('SIGTERM', 10_000);
      proc = await spawnPodium(env, [], 60_000, nodeArgs, launch.compiled);
    },
    stop: async () => void (await proc.stop('SIGTERM', 10_000)),
  };
}

/** Spawns a Node peer and waits for its `listening` line. */
async function spawnNodePeer(
  kind: keyof typeof NODE_PEERS,
  port: number,
  env: Record<string, string>,
  compiled: boolean,
): Promise<ChildProcess> {
  const file = NODE_PEERS[kind];
  const entry = compiled
    ? [join(ROOT, 'dist-bench', `${file}.js`)]
    : ['--import', 'tsx', join(ROOT, 'bench', `${file}.ts`)];
  const child = spawn(process.execPath, [...GC_NODE_ARGS, ...entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`${kind} listening`)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  return child;
}

/** Stops a child process (SIGTERM, then SIGKILL after 10 s) and waits for its exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts a Node peer as its own process: the bare `node:http` baseline (bench/baseline-server.ts)
 * or the better-sse server (bench/better-sse-server.ts), or their builds with `compiled`.
 */
export async function startNodePeer(
  kind: keyof typeof NODE_PEERS,
  compiled = false,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const port = await freePort();
  let child = await spawnNodePeer(kind, port, env, compiled);
  const base = `http://127.0.0.1:${port}`;
  const stats = () => httpJson<{ streams: number; heapUsed: number; version: number }>('GET', `${base}/stats`);
  return {
    kind,
    port,
    url: base,
    pid: () => child.pid ?? 0,
    eventsPath: '/events',
    change: async () => (await httpJson<{ version: number }>('POST', `${base}/trigger`)).version,
    version: async () => (await stats()).version,
    streams: async () => (await stats()).streams,
    heapUsed: async () => (await stats()).heapUsed,
    collectGarbage: () => collectGarbage(child.pid ?? 0),
    async restart() {
      await stopChild(child);
      child = await spawnNodePeer(kind, port, env, compiled);
    },
    stop: () => stopChild(child),
  };
}
