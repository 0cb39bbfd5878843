import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DeckListener } from '../../../server/store/database.js';
import { PgDatabase } from '../../../server/store/pg-database.js';
import { PgListener } from '../../../server/store/pg-listener.js';
import { PgliteDatabase } from '../../../server/store/pglite-database.js';
import { terminateBackends } from '../../faults/fault-kit.js';
import { createScratchDatabase, DRIVERS, TEST_DATABASE_URL, type ScratchDatabase } from '../../support/databases.js';
import { eventually } from '../../support/sse-client.js';

const CHANNEL = 'podium_listener_test';
const QUICK = { backoffMinMs: 20, backoffMaxMs: 100, livenessIntervalMs: 100, livenessTimeoutMs: 500 };

/** A listener's record: payloads received and how often it (re)connected. */
function recorder() {
  const record = { payloads: [] as string[], listening: 0 };
  const handlers = {
    onNotification: (payload: string) => void record.payloads.push(payload),
    onListening: () => void (record.listening += 1),
  };
  return { record, handlers };
}

describe.each(DRIVERS)('the LISTEN connection on %s', (driver) => {
  let db: Database;
  let scratch: ScratchDatabase | undefined;

  beforeAll(async () => {
    scratch = driver === 'postgres' ? await createScratchDatabase() : undefined;
    db = scratch ? new PgDatabase({ connectionString: scratch.url }) : await PgliteDatabase.open();
  });

  afterAll(async () => {
    await db.close();
    await scratch?.drop();
  });

  it('is connected once ready, delivers NOTIFYs of its channel only, and nothing after close', async () => {
    const { record, handlers } = recorder();
    const listener: DeckListener = db.listen(CHANNEL, handlers);
    await listener.ready;
    expect(listener.connected).toBe(true);
    expect(record.listening).toBe(1);
    await db.query('SELECT pg_notify($1, $2)', [CHANNEL, 'one']);
    await db.query('SELECT pg_notify($1, $2)', ['another_channel', 'not mine']);
    await db.query('SELECT pg_notify($1, $2)', [CHANNEL, 'two']);
    await eventually(() => record.payloads.length >= 2, 5000, 'two notifications');
    await listener.close();
    expect(listener.connected).toBe(false);
    await db.query('SELECT pg_notify($1, $2)', [CHANNEL, 'after close']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(record.payloads).toEqual(['one', 'two']);
  });
});

// pg_terminate_backend needs a real server; PGlite's listener lives in-process and cannot be cut.
describe.skipIf(!TEST_DATABASE_URL)('PgListener on a real Postgres', () => {
  let scratch: ScratchDatabase;
  let listener: PgListener;
  const lost: unknown[] = [];
  const { record, handlers } = recorder();

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const config = { connectionString: scratch.url, application_name: 'podium-listener-test' };
    listener = new PgListener(config, CHANNEL, handlers, QUICK, (err) => lost.push(err));
    await listener.ready;
  });

  afterAll(async () => {
    await listener.close();
    await scratch.drop();
  });

  async function notify(payload: string): Promise<void> {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    } finally {
      await client.end();
    }
  }

  it('replaces a killed connection, LISTENs again, says so, and receives what is sent afterwards', async () => {
    await notify('before');
    await eventually(() => record.payloads.includes('before'), 5000, 'the first notification');
    expect(await terminateBackends(scratch.name, 'podium-listener-test')).toBe(1);
    await eventually(() => lost.length >= 1, 5000, 'the loss noticed');
    await eventually(() => record.listening === 2 && listener.connected, 5000, 'a second LISTEN');
    await notify('after');
    await eventually(() => record.payloads.includes('after'), 5000, 'a notification after the reconnect');
    expect(record.payloads).toEqual(['before', 'after']);
  });
});
