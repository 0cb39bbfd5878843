import { afterAll, beforeAll } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from './databases.js';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';

/**
 * For the calling describe block: two Podium processes on one scratch Postgres database, as a
 * deployment with two instances has, started before its tests (handed to `started`, with the
 * database) and stopped, the database dropped, after them.
 */
export function twoProcessesOnPostgres(
  options: Omit<TestServerOptions, 'driver' | 'shared'>,
  started: (servers: [TestServer, TestServer], db: ScratchDatabase) => void,
): void {
  let db: ScratchDatabase | undefined;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    db = await createScratchDatabase();
    for (let i = 0; i < 2; i += 1) servers.push(await startTestServer({ ...options, driver: 'postgres', shared: db }));
    started([servers[0] as TestServer, servers[1] as TestServer], db);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await db?.drop();
  });
}
