import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

/** Debian's PgBouncer binary (`apt-get install pgbouncer`). */
export const PGBOUNCER_BIN = process.env.PODIUM_PGBOUNCER ?? '/usr/sbin/pgbouncer';

/** True when PgBouncer is installed here. */
export const HAVE_PGBOUNCER = existsSync(PGBOUNCER_BIN);

/** A PgBouncer child process in front of the test Postgres. */
export interface PgBouncer {
  /** `databaseUrl` rewritten to go through PgBouncer. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts PgBouncer in `mode` on a free port, in front of `databaseUrl`'s server (trust auth),
 * with its own ini and userlist in a temp dir. As root it drops to the `postgres` user (`-u`),
 * since PgBouncer refuses to run as root.
 */
export async function startPgBouncer(databaseUrl: string, mode: 'transaction' | 'session'): Promise<PgBouncer> {
  const target = new URL(databaseUrl);
  const dir = await mkdtemp(join(tmpdir(), 'podium-pgbouncer-'));
  await chmod(dir, 0o777);
  const port = await freePort();
  const user = decodeURIComponent(target.username || 'postgres');
  const ini = [
    '[databases]',
    `* = host=${target.hostname} port=${target.port || '5432'}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    `unix_socket_dir =`,
    'auth_type = trust',
    `auth_file = ${join(dir, 'userlist.txt')}`,
    `pool_mode = ${mode}`,
    'default_pool_size = 20',
    'max_client_conn = 200',
    'ignore_startup_parameters = extra_float_digits,application_name',
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    '',
  ].join('\n');
  await writeFile(join(dir, 'pgbouncer.ini'), ini, { mode: 0o644 });
  await writeFile(join(dir, 'userlist.txt'), `"${user}" ""\n`, { mode: 0o644 });
  const asRoot = userInfo().uid === 0;
  const proc: ChildProcess = spawn(PGBOUNCER_BIN, [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  // Ready once it accepts a TCP connection.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`pgbouncer exited with ${proc.exitCode}:\n${output}`);
    const open = await new Promise<boolean>((resolve) => {
      const probe = connect({ host: '127.0.0.1', port });
      probe.once('connect', () => {
        probe.destroy();
        resolve(true);
      });
      probe.once('error', () => resolve(false));
    });
    if (open) break;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen within 10 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: url.toString(),
    port,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
