import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT = join(ROOT, 'dist', 'client');
const LOCK = join(ROOT, 'dist', '.client-build.lock');
const PAGES = ['index.html', 'audience.html', 'remote.html', 'present.html', 'report.html'];
/** A lock older than this is left over from a killed run. */
const STALE_LOCK_MS = 120_000;

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

/** True when every page exists and is newer than the client sources, shared/ and vite.config.ts. */
export function clientIsFresh(): boolean {
  if (!PAGES.every((page) => existsSync(join(OUT, page)))) return false;
  const built = Math.min(...PAGES.map((page) => statSync(join(OUT, page)).mtimeMs));
  const sources = ['client', 'shared', 'vite.config.ts'].map((path) => join(ROOT, path));
  return Math.max(...sources.filter((path) => existsSync(path)).map(newestMtime)) < built;
}

/** Takes the build lock (a directory, created atomically); false when someone else holds it. */
async function tryLock(): Promise<boolean> {
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  try {
    await mkdir(LOCK);
    return true;
  } catch {
    const held = await stat(LOCK).catch(() => null);
    if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
    return false;
  }
}

/**
 * Vitest globalSetup (and a safety net the browser tests call too): builds the client with
 * the repo's vite.config.ts unless dist/client is newer than its sources. Concurrent callers
 * wait for one build instead of emptying dist/client under each other.
 */
export default async function buildClient(): Promise<void> {
  const deadline = Date.now() + STALE_LOCK_MS;
  while (!clientIsFresh()) {
    if (await tryLock()) {
      try {
        if (!clientIsFresh()) {
          const { build } = await import('vite');
          await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
        }
      } finally {
        await rm(LOCK, { recursive: true, force: true });
      }
      return;
    }
    if (Date.now() > deadline) throw new Error(`Gave up waiting for the client build lock ${LOCK}`);
    await sleep(200);
  }
}

/** The offline cache the built service worker keeps (`podium-offline-<build id>`, see vite.config.ts). */
export async function offlineCacheName(): Promise<string> {
  const worker = await readFile(join(OUT, 'sw.js'), 'utf8');
  const build = /const BUILD = '([^']*)'/.exec(worker)?.[1];
  if (!build) throw new Error('dist/client/sw.js names no build');
  return `podium-offline-${build}`;
}
