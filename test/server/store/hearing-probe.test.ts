import { afterEach, describe, expect, it } from 'vitest';
import type { DeckListener } from '../../../server/store/database.js';
import { DECK_CHANNEL } from '../../../server/store/deck-notification.js';
import { ProbedListener } from '../../../server/store/hearing-probe.js';
import { PgliteDatabase } from '../../../server/store/pglite-database.js';
import { timeUntil } from '../../faults/fault-kit.js';

const QUICK = { probeIntervalMs: 100, probeDeadlineMs: 400 };

describe('ProbedListener (PGlite)', () => {
  let db: PgliteDatabase;
  const listeners: DeckListener[] = [];

  afterEach(async () => {
    for (const listener of listeners.splice(0)) await listener.close();
    await db.close();
  });

  it('hears its own probes and never hands them on', async () => {
    db = await PgliteDatabase.open();
    const payloads: string[] = [];
    const listener = db.listen(
      DECK_CHANNEL,
      { onNotification: (p) => payloads.push(p), onListening: () => undefined },
      QUICK,
    );
    listeners.push(listener);
    await listener.ready;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(listener.hearing).toBe(true);
    await db.query('SELECT pg_notify($1, $2)', [DECK_CHANNEL, '{"keys":"abc"}']);
    await timeUntil(() => payloads.length > 0, 2000, 'a key notification');
    expect(payloads).toEqual(['{"keys":"abc"}']);
  });

  it('turns deaf when its probes do not come back, says so once, and hears again when they do', async () => {
    db = await PgliteDatabase.open();
    let swallow = true;
    const changes: boolean[] = [];
    // The probes go out on a channel nobody listens to while `swallow` holds, as through a transaction-mode pooler.
    const send = async (payload: string) => {
      await db.query('SELECT pg_notify($1, $2)', [swallow ? 'elsewhere' : DECK_CHANNEL, payload]);
    };
    const handlers = {
      onNotification: () => undefined,
      onListening: () => undefined,
      onHearing: (h: boolean) => void changes.push(h),
    };
    const listener = new ProbedListener((h) => db.listen(DECK_CHANNEL, h), send, handlers, QUICK);
    listeners.push(listener);
    await listener.ready;
    await timeUntil(() => !listener.hearing, 3000, 'deaf');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(changes).toEqual([false]);
    swallow = false;
    await timeUntil(() => listener.hearing, 3000, 'hearing again');
    expect(changes).toEqual([false, true]);
  });
});
