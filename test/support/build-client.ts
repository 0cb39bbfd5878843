import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT = join(ROOT, 'dist', 'client');
const PAGES = ['index.html', 'audience.html', 'remote.html'];

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

/**
 * Vitest globalSetup: builds the client (`vite build` with the repo's vite.config.ts) once
 * before the browser tests, unless dist/client is already newer than its sources.
 */
export default async function buildClient(): Promise<void> {
  if (clientIsFresh()) return;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
