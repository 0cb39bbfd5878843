import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A Podium started as its own OS process, as `npm start` would. */
export interface PodiumProcess {
  proc: ChildProcess;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The audience and remote links it printed. */
  audience: string;
  remote: string;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code once the process is gone. */
  exited: Promise<number | null>;
  /** Sends a signal and waits for exit (SIGKILL after `graceMs`). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

/**
 * Spawns `server/main.ts` (through tsx) with `env` on 127.0.0.1 and waits until it prints its
 * links. `args` are passed on, like `npm start -- talk.md`; `nodeArgs` go to node itself
 * (e.g. `--cpu-prof`, which NODE_OPTIONS does not allow). With `compiled` it runs the build
 * (`dist/server/main.js`, as `npm start` does) instead of the sources.
 */
export async function spawnPodium(
  env: Record<string, string | undefined>,
  args: string[] = [],
  timeoutMs = 60_000,
  nodeArgs: string[] = [],
  compiled = false,
): Promise<PodiumProcess> {
  const entry = compiled
    ? [join(ROOT, 'dist', 'server', 'main.js')]
    : ['--import', 'tsx', join(ROOT, 'server', 'main.ts')];
  const proc = spawn(process.execPath, [...nodeArgs, ...entry, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: '',
      PODIUM_WORKERS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const base = /Podium is running at (http:\/\/\S+?)\/ /.exec(output)?.[1];
    const remote = /(http:\/\/\S+\/remote#key=\S+)/.exec(output)?.[1];
    const audience = /\n {2}(http:\/\/\S+\/d\/[a-z0-9-]+)\n/.exec(output)?.[1];
    if (base && remote && audience) {
      return {
        proc,
        url: base,
        audience,
        remote,
        output: () => output,
        exited,
        async stop(signal = 'SIGTERM', graceMs = 8000) {
          if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
          proc.kill(signal);
          const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
          const code = await exited;
          clearTimeout(timer);
          return code;
        },
      };
    }
    if (proc.exitCode !== null) throw new Error(`Podium exited with ${proc.exitCode} before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`Podium was not ready within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The deck id and key in a printed remote link. */
export function parseRemoteLink(remote: string): { deckId: string; key: string } {
  const url = new URL(remote);
  const deckId = /^\/d\/([^/]+)\/remote$/.exec(url.pathname)?.[1];
  const key = new URLSearchParams(url.hash.slice(1)).get('key');
  if (!deckId || !key) throw new Error(`not a remote link: ${remote}`);
  return { deckId, key };
}
