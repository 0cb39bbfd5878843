import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database driver a test can run against. */
export type Driver = 'pglite' | 'postgres';

/** The drivers available in this run: PGlite always, real Postgres when TEST_DATABASE_URL is set. */
export const DRIVERS: Driver[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** Real Postgres URL for this run, or undefined. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** A throwaway database on the real Postgres server. */
export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Creates an empty database `podium_test_<random>` so each test file's data (and NOTIFYs) stay apart. */
export async function createScratchDatabase(baseUrl = TEST_DATABASE_URL): Promise<ScratchDatabase> {
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `podium_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(baseUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
