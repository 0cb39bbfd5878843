import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, TEST_DATABASE_URL, type ScratchDatabase } from '../support/databases.js';
import { parseRemoteLink, spawnPodium, type PodiumProcess } from '../support/process.js';
import { SlideStreamClient } from '../support/sse-client.js';
import { reportTiming } from './fault-kit.js';
import { freePort } from '../support/free-port.js';

const NGINX = process.env.PODIUM_NGINX ?? '/usr/sbin/nginx';
const VIEWERS = 2000;
const README = new URL('../../README.md', import.meta.url);

/** The README's nginx block (the one with `upstream podium`), exactly as written. */
async function readmeNginxConfig(): Promise<string> {
  const blocks = [...(await readFile(README, 'utf8')).matchAll(/^( *)```nginx\n([\s\S]*?)^\1```/gm)];
  const block = blocks.find((found) => found[2]?.includes('upstream podium'));
  if (!block?.[2]) throw new Error('README.md has no nginx block with "upstream podium"');
  const indent = block[1] ?? '';
  return block[2]
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}

const nginxMissing = !existsSync(NGINX);
if (nginxMissing) {
  const message = `nginx not found at ${NGINX}: the README's proxy configuration is NOT tested (apt-get install nginx)`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n*** ${message} ***\n`);
}
if (!TEST_DATABASE_URL)
  console.warn("\n*** TEST_DATABASE_URL unset: the README's nginx test (three processes) is skipped ***\n");

describe.skipIf(nginxMissing || !TEST_DATABASE_URL)(
  "the README's nginx configuration in front of three processes",
  () => {
    let dir: string;
    let database: ScratchDatabase;
    let nginx: ChildProcess | undefined;
    let nginxOutput = '';
    let base = '';
    const podiums: PodiumProcess[] = [];
    const viewers: SlideStreamClient[] = [];

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'podium-nginx-'));
      database = await createScratchDatabase();
      const env = { DATABASE_URL: database.url, PODIUM_TRUST_PROXY: '1', LOG_LEVEL: 'warn' };
      // One after the other: each upserts the same demo deck.
      for (let i = 0; i < 3; i += 1) podiums.push(await spawnPodium(env));
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      let site = await readmeNginxConfig();
      podiums.forEach((podium, i) => {
        site = site.replace(`127.0.0.1:${3001 + i};`, `${new URL(podium.url).host};`);
      });
      site = site.replace('listen 80;', `listen 127.0.0.1:${port};`);
      expect(site).not.toMatch(/127\.0\.0\.1:300[123];|listen 80;/);
      await mkdir(join(dir, 'temp'));
      const main = [
        'worker_processes 1;',
        `error_log ${join(dir, 'error.log')} warn;`,
        'events { worker_connections 16384; }',
        'http {',
        `  access_log off;`,
        `  client_body_temp_path ${join(dir, 'temp')};`,
        `  proxy_temp_path ${join(dir, 'temp')};`,
        site,
        '}',
      ].join('\n');
      await writeFile(join(dir, 'nginx.conf'), main);
      nginx = spawn(
        NGINX,
        ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      nginx.stderr?.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
      for (let i = 0; ; i += 1) {
        const ok = await fetch(`${base}/healthz`).then(
          (res) => res.ok,
          () => false,
        );
        if (ok) break;
        if (i > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start:\n${nginxOutput}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, 90_000);

    afterAll(async () => {
      for (const viewer of viewers) viewer.close();
      nginx?.kill('SIGTERM');
      await Promise.all(podiums.map((podium) => podium.stop('SIGTERM')));
      await database?.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    }, 60_000);

    it(`lets ${VIEWERS} viewers from one address follow, and brings them all back onto the current slide soon after one process's SIGTERM`, async () => {
      const { deckId, key } = parseRemoteLink(podiums[0]!.remote);
      const put = async (index: number) => {
        const res = await fetch(`${base}/api/decks/${deckId}/slide`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ index }),
        });
        expect(res.status).toBe(200);
      };
      const allOn = async (index: number, timeoutMs: number) => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const behind = viewers.filter((viewer) => viewer.latest?.index !== index).length;
          if (behind === 0) return;
          if (Date.now() > deadline)
            throw new Error(`${behind} of ${viewers.length} viewers are not on slide ${index}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      await put(0);
      const url = `${base}/api/decks/${deckId}/events`;
      for (let wave = 0; wave < VIEWERS / 250; wave += 1) {
        const batch = Array.from({ length: 250 }, () => new SlideStreamClient(url));
        viewers.push(...batch);
        await Promise.all(batch.map((viewer) => viewer.waitFor(() => true, 30_000)));
      }
      await put(1);
      await allOn(1, 15_000);
      const perProcess = await Promise.all(
        podiums.map(
          async (podium) => /podium_sse_clients (\d+)/.exec(await (await fetch(`${podium.url}/metrics`)).text())?.[1],
        ),
      );

      const signalled = performance.now();
      const stopped = podiums[1]!.stop('SIGTERM');
      await put(2);
      const putMs = Math.round(performance.now() - signalled);
      const behindAfterPut = viewers.filter((viewer) => viewer.latest?.index !== 2).length;
      console.info(`[nginx] PUT answered ${putMs} ms after SIGTERM; ${behindAfterPut} behind then`);
      await allOn(2, 20_000);
      const convergedMs = Math.round(performance.now() - signalled);
      reportTiming(`${VIEWERS} viewers through nginx back on the current slide after SIGTERM`, convergedMs);
      console.info(
        `[nginx] streams per process ${perProcess.join('/')}; all on the current slide ${convergedMs} ms after SIGTERM`,
      );
      expect(await stopped).toBe(0);
      // Convergence is asserted; its speed is reported (goal 2 s: measured 1.8-3.0 s alone on a
      // loaded 2-core machine). The bound only catches viewers left behind after a deploy.
      expect(convergedMs).toBeLessThan(20_000);
    }, 240_000);
  },
);
