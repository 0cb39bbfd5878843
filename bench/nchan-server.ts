import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from './clock.js';
import { httpRequest } from './http-client.js';
import { openFileLimit } from './proc-stats.js';
import { freePort, stopChild, type BenchServer } from './servers.js';

const NGINX = '/usr/sbin/nginx';
const NCHAN_MODULE = '/usr/lib/nginx/modules/ngx_nchan_module.so';

/** Why the nchan peer cannot run here, or null when it can (Debian's nginx and libnginx-mod-nchan). */
export function nchanMissing(): string | null {
  if (!existsSync(NGINX)) return `${NGINX} is not installed (apt-get install -y nginx-light libnginx-mod-nchan)`;
  if (!existsSync(NCHAN_MODULE)) return `${NCHAN_MODULE} is not installed (apt-get install -y libnginx-mod-nchan)`;
  return null;
}

/**
 * nginx with the nchan module, as its own config in a temp folder on a free port (the system's
 * nginx and its config are never touched). One process (`master_process off`: the event loop a
 * single worker runs, and the pid the bench reads /proc of), one channel, EventSource subscribers
 * that get the newest message on connect, publishers on POST /trigger.
 */
function config(dir: string, port: number): string {
  const files = Math.max(1024, openFileLimit());
  return `load_module ${NCHAN_MODULE};
daemon off;
master_process off;
worker_processes 1;
worker_rlimit_nofile ${files};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections ${files}; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port} backlog=4096;
    location = /events {
      nchan_subscriber eventsource;
      nchan_channel_id deck;
      nchan_subscriber_first_message -1;
      nchan_eventsource_event slide;
    }
    location = /trigger { nchan_publisher; nchan_channel_id deck; }
    location = /status { nchan_stub_status; }
  }
}
`;
}

async function spawnNginx(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`nginx exited with ${code}; see ${dir}/error.log`))),
  );
  for (let tries = 0; ; tries += 1) {
    const up = await Promise.race([
      httpRequest('GET', `http://127.0.0.1:${port}/status`).then(
        (answer) => answer.status === 200,
        () => false,
      ),
      exited,
    ]);
    if (up) return child;
    if (tries > 100) throw new Error('nginx did not answer within 10 s');
    await sleep(100);
  }
}

/** Starts nginx+nchan (check nchanMissing first); the slide state is published as the same JSON the other servers send. */
export async function startNchanServer(): Promise<BenchServer> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'podium-bench-nchan-'));
  await writeFile(join(dir, 'nginx.conf'), config(dir, port));
  let child = await spawnNginx(dir, port);
  const base = `http://127.0.0.1:${port}`;
  let index = 0;
  let version = 1;
  let publishedAt = 0;
  const publish = async () => {
    publishedAt = Date.now();
    const body = { index, version, count: 5 };
    const answer = await httpRequest('POST', `${base}/trigger`, body);
    if (answer.status >= 300) throw new Error(`nchan publish answered ${answer.status}`);
    return version;
  };
  await publish();
  const status = async (name: string) => {
    const match = new RegExp(`^${name}: (\\d+)`, 'm').exec((await httpRequest('GET', `${base}/status`)).body);
    return Number(match?.[1] ?? Number.NaN);
  };
  return {
    kind: 'nchan',
    port,
    url: base,
    pid: () => child.pid ?? 0,
    eventsPath: '/events',
    async change() {
      index = (index + 1) % 5;
      version += 1;
      return publish();
    },
    version: async () => version,
    streams: () => status('subscribers'),
    // No V8 heap; its memory is all in the RSS figure.
    heapUsed: async () => Number.NaN,
    collectGarbage: async () => undefined,
    async restart() {
      await stopChild(child);
      child = await spawnNginx(dir, port);
      // The memory store starts empty: the current state is published again, as Podium reads it from its
      // database. nchan's ids are `<second>:<n>`, so it waits for the next second: within the same one
      // the new id would sort before the clients' Last-Event-ID and they would wait for a newer message.
      await sleep(Math.max(0, (Math.floor(publishedAt / 1000) + 1) * 1000 - Date.now() + 10));
      await publish();
    },
    async stop() {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
