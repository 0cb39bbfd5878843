// `npm start` runs this first: it builds only when the build's inputs changed since the last build.
// Inputs are hashed by content (not mtime), so a fresh clone, a `git checkout` or an edit all count.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'dist', '.build-inputs.sha256');
/** What the build reads: sources, configs and the exact dependency versions. */
const INPUTS = [
  'client',
  'server',
  'shared',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];

function* files(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}

/** One hash over every input file's path and bytes. */
export function inputsHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(join(ROOT, input))) {
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

const wanted = inputsHash();
const built = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
const entry = join(ROOT, 'dist', 'server', 'main.js');
if (wanted === built && existsSync(entry) && existsSync(join(ROOT, 'dist', 'client', 'index.html'))) {
  process.exit(0);
}
console.log('Building Podium (sources changed since the last build)…');
const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(STAMP, `${wanted}\n`);
