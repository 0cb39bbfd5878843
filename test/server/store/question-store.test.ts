import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../../server/deck/parse-deck.js';
import type { Database } from '../../../server/store/database.js';
import { DeckStore } from '../../../server/store/deck-store.js';
import { migrate } from '../../../server/store/migrations.js';
import { PgDatabase } from '../../../server/store/pg-database.js';
import { PgliteDatabase } from '../../../server/store/pglite-database.js';
import type { QuestionStore, QuestionVote } from '../../../server/store/question-store.js';
import { DECK_CHANNEL, parseDeckNotification } from '../../../server/store/deck-notification.js';
import { createScratchDatabase, DRIVERS, type ScratchDatabase } from '../../support/databases.js';

describe.each(DRIVERS)('QuestionStore votes and public view on %s', (driver) => {
  // Two stores on one database, as two Podium processes have (one PGlite serves one process).
  let dbs: Database[] = [];
  let stores: QuestionStore[] = [];
  let scratch: ScratchDatabase | undefined;

  beforeAll(async () => {
    if (driver === 'postgres') {
      scratch = await createScratchDatabase();
      const url = scratch.url;
      dbs = [new PgDatabase({ connectionString: url }), new PgDatabase({ connectionString: url })];
    } else {
      const db = await PgliteDatabase.open();
      dbs = [db, db];
    }
    await migrate(dbs[0] as Database);
    stores = dbs.map((db) => new DeckStore(db).questions);
  });

  afterAll(async () => {
    for (const db of new Set(dbs)) await db.close();
    await scratch?.drop();
  });

  async function deckWithQuestions(count: number): Promise<{ deckId: string; ids: string[] }> {
    const content = parseDeck('# Questions\n---\n# Two');
    if (!content) throw new Error('no deck');
    const { deck } = await new DeckStore(dbs[0] as Database).createDeck(content);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const question = await stores[0]?.ask(deck.id, `Question ${i + 1}?`);
      if (!question) throw new Error('not asked');
      ids.push(question.id);
    }
    return { deckId: deck.id, ids };
  }

  it('counts each viewer once per question when batches from two processes cross on the same questions', async () => {
    const { deckId, ids } = await deckWithQuestions(6);
    // Twenty batches at once, half on each store, each voting on every question (half in reverse
    // order); viewers overlap between batches, so the same vote arrives on both processes.
    const batches = Array.from({ length: 20 }, (_, b) => {
      const order = b % 2 === 0 ? ids : [...ids].reverse();
      return order.flatMap((questionId) =>
        [0, 1, 2].map((k): QuestionVote => ({ questionId, viewer: `viewer-${(b * 2 + k) % 25}`, up: true })),
      );
    });
    const results = await Promise.all(batches.map((batch, b) => stores[b % 2]?.applyVotes(deckId, batch)));
    for (const [b, list] of results.entries()) {
      expect(list).toHaveLength(batches[b]?.length ?? -1);
      for (const result of list ?? []) expect(result).toMatchObject({ kind: 'counted', voted: true });
    }
    const viewers = new Set(batches.flat().map((vote) => vote.viewer)).size;
    const listed = await stores[1]?.list(deckId, false);
    expect(listed?.map((q) => q.votes)).toEqual(ids.map(() => viewers));
    // Each answer's count is the question's count once its batch was written: never above the final one.
    const highest = Math.max(...results.flat().map((r) => (r?.kind === 'counted' ? r.votes : 0)));
    expect(highest).toBe(viewers);
  });

  it('takes votes back, ignores taking back a vote never cast, and answers not_found for hidden questions', async () => {
    const { deckId, ids } = await deckWithQuestions(3);
    const [first, second, third] = ids as [string, string, string];
    const store = stores[0] as QuestionStore;
    await store.applyVotes(deckId, [
      { questionId: first, viewer: 'ann', up: true },
      { questionId: first, viewer: 'bob', up: true },
      { questionId: second, viewer: 'ann', up: true },
    ]);
    await store.setState(deckId, third, 'hidden');
    const results = await (stores[1] as QuestionStore).applyVotes(deckId, [
      { questionId: first, viewer: 'ann', up: false },
      { questionId: second, viewer: 'bob', up: false },
      { questionId: third, viewer: 'ann', up: true },
      { questionId: '999999', viewer: 'ann', up: true },
    ]);
    expect(results).toEqual([
      { kind: 'counted', votes: 1, voted: false },
      { kind: 'counted', votes: 1, voted: false },
      { kind: 'not_found' },
      { kind: 'not_found' },
    ]);
    const listed = await store.list(deckId, true);
    expect(Object.fromEntries(listed.map((q) => [q.id, q.votes]))).toEqual({ [first]: 1, [second]: 1, [third]: 0 });
  });

  it('shows the public questions by votes and whether they are on every screen, in one read', async () => {
    const { deckId, ids } = await deckWithQuestions(3);
    const [first, second, third] = ids as [string, string, string];
    const store = stores[0] as QuestionStore;
    expect(await store.publicView(deckId)).toEqual({ questions: await store.list(deckId, false), onScreen: false });
    await store.applyVotes(deckId, [{ questionId: second, viewer: 'ann', up: true }]);
    await store.setState(deckId, third, 'hidden');
    await store.setOnScreen(deckId, true);
    const view = await store.publicView(deckId);
    expect(view?.questions.map((q) => [q.id, q.votes])).toEqual([
      [second, 1],
      [first, 0],
    ]);
    expect(view?.onScreen).toBe(true);
    const empty = await deckWithQuestions(0);
    expect(await store.publicView(empty.deckId)).toEqual({ questions: [], onScreen: false });
    expect(await store.publicView('no-such-deck')).toBeNull();
  });

  it('tells every process once per vote batch, however many questions it changed', async () => {
    const { deckId, ids } = await deckWithQuestions(5);
    const heard: number[] = [];
    let marked = false;
    const listener = (dbs[1] as Database).listen(DECK_CHANNEL, {
      onNotification(payload) {
        const notification = parseDeckNotification(payload);
        if (notification?.kind === 'questions' && notification.deckId === deckId) heard.push(notification.version);
        if (notification?.kind === 'probe' && notification.token === deckId) marked = true;
      },
      onListening: () => undefined,
    });
    try {
      await listener.ready;
      const batch = ids.flatMap((questionId) =>
        ['ann', 'bo'].map((viewer): QuestionVote => ({ questionId, viewer, up: true })),
      );
      await stores[0]?.applyVotes(deckId, batch);
      await stores[0]?.ask(deckId, 'One more?');
      // Notifications arrive in commit order: once a marker sent after both statements is heard,
      // everything they sent has been heard too. One each, nothing per question.
      await (dbs[0] as Database).query('SELECT pg_notify($1, $2)', [DECK_CHANNEL, JSON.stringify({ probe: deckId })]);
      await expect.poll(() => marked).toBe(true);
      expect(heard).toHaveLength(2);
      expect(heard[1]).toBeGreaterThan(heard[0] ?? Infinity);
    } finally {
      await listener.close();
    }
  });
});
