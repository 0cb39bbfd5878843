import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../../server/deck/parse-deck.js';
import type { Database } from '../../../server/store/database.js';
import { DeckStore, type DeckContent } from '../../../server/store/deck-store.js';
import { DECK_CHANNEL, parseDeckNotification, type SlidePayload } from '../../../server/store/deck-notification.js';
import { MIGRATION_VERSIONS, migrate } from '../../../server/store/migrations.js';
import { PgDatabase } from '../../../server/store/pg-database.js';
import { PgliteDatabase } from '../../../server/store/pglite-database.js';
import { createScratchDatabase, DRIVERS, type ScratchDatabase } from '../../support/databases.js';
import { eventually } from '../../support/sse-client.js';

function content(slides: number): DeckContent {
  const deck = parseDeck(
    Array.from({ length: slides }, (_, i) => `# Slide ${i + 1}\n\nNote:\nnote ${i + 1}`).join('\n---\n'),
  );
  if (!deck) throw new Error('no deck');
  return deck;
}

/** A deck whose slide i has `steps[i]` builds (reveal.js fragments). */
function builds(steps: number[]): DeckContent {
  const slide = (count: number, i: number) =>
    [`# Slide ${i + 1}`, ...Array.from({ length: count }, (_, k) => `<p class="fragment">build ${k + 1}</p>`)].join(
      '\n\n',
    );
  const deck = parseDeck(steps.map(slide).join('\n---\n'));
  if (!deck) throw new Error('no deck');
  return deck;
}

describe.each(DRIVERS)('DeckStore on %s', (driver) => {
  let db: Database;
  let store: DeckStore;
  let scratch: ScratchDatabase | undefined;

  beforeAll(async () => {
    if (driver === 'postgres') {
      scratch = await createScratchDatabase();
      db = new PgDatabase({ connectionString: scratch.url });
    } else {
      db = await PgliteDatabase.open();
    }
    await migrate(db);
    store = new DeckStore(db);
  });

  afterAll(async () => {
    await db.close();
    await scratch?.drop();
  });

  it('applies migrations once, however often it is asked', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>('SELECT version FROM podium_migrations');
    expect(rows.map((row) => row.version).sort((a, b) => a - b)).toEqual(MIGRATION_VERSIONS);
  });

  it('creates a deck at slide 0, version 1, with a working presenter key', async () => {
    const { deck, presenterKey } = await store.createDeck(content(3));
    expect(deck).toMatchObject({ index: 0, version: 1, title: 'Slide 1' });
    expect(deck.slides).toHaveLength(3);
    expect(deck).not.toHaveProperty('notes');
    expect(deck.id).toMatch(/^[a-z0-9]{8}$/);
    expect(presenterKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await store.keys.check(deck.id, presenterKey)).kind).toBe('ok');
    expect((await store.keys.check(deck.id, presenterKey.slice(0, -1) + 'x')).kind).toBe('invalid');
    expect((await store.keys.check('nosuchdk', presenterKey)).kind).toBe('no_deck');
  });

  it('stores only a SHA-256 hash of each key', async () => {
    const { deck, presenterKey } = await store.createDeck(content(1));
    const rows = await db.query<{ key_hash: Uint8Array }>('SELECT key_hash FROM presenter_keys WHERE deck_id = $1', [
      deck.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.key_hash).length).toBe(32);
    expect(Buffer.from(rows[0]!.key_hash).toString('utf8')).not.toContain(presenterKey);
  });

  it('keeps notes from everyone but the presenter read', async () => {
    const { deck } = await store.createDeck(content(2));
    expect(await store.getDeck(deck.id)).not.toHaveProperty('notes');
    expect((await store.getPresenterDeck(deck.id))?.notes).toEqual(['note 1', 'note 2']);
  });

  it('moves the slide with version +1, and a repeat of the same index changes nothing', async () => {
    const { deck } = await store.createDeck(content(3));
    const moved = await store.setSlide(deck.id, 2);
    expect(moved).toMatchObject({ kind: 'changed', state: { index: 2, step: 0, version: 2, count: 3 } });
    expect(await store.setSlide(deck.id, 2)).toEqual({ ...moved, kind: 'unchanged' });
    expect(await store.setSlide(deck.id, 0)).toMatchObject({ kind: 'changed', state: { index: 0, version: 3 } });
  });

  it('refuses out-of-range indexes and unknown decks', async () => {
    const { deck } = await store.createDeck(content(2));
    expect(await store.setSlide(deck.id, 2)).toEqual({ kind: 'out_of_range', count: 2 });
    expect(await store.setSlide('missing1', 0)).toEqual({ kind: 'not_found' });
    expect(await store.getSlideState(deck.id)).toEqual({
      index: 0,
      step: 0,
      version: 1,
      count: 2,
      clock: { startedAt: null, durationMinutes: null },
    });
  });

  it('is a compare-and-set with an expected version', async () => {
    const { deck } = await store.createDeck(content(3));
    expect(await store.setSlide(deck.id, 1, 1)).toMatchObject({ kind: 'changed', state: { version: 2 } });
    expect(await store.setSlide(deck.id, 2, 1)).toMatchObject({
      kind: 'version_mismatch',
      current: { index: 1, step: 0, version: 2, count: 3 },
    });
  });

  it('loses no update when many changes race', async () => {
    const { deck } = await store.createDeck(content(10));
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => store.setSlide(deck.id, (i % 9) + 1)));
    const changed = results.filter((r) => r.kind === 'changed').length;
    const state = await store.getSlideState(deck.id);
    expect(state?.version).toBe(1 + changed);
  });

  it('commits a burst of one deck as a batch, each change answered as if they ran one after another', async () => {
    const { deck } = await store.createDeck(builds([0, 2, 0, 0]));
    const payloads: string[] = [];
    const listener = db.listen(DECK_CHANNEL, { onNotification: (p) => payloads.push(p), onListening: () => undefined });
    await listener.ready;
    // The first runs alone; the rest wait behind it and are worked out in order from its result.
    const results = await Promise.all([
      store.setSlide(deck.id, 1), // v2
      store.setSlide(deck.id, 1), // unchanged
      store.setSlide(deck.id, 1, undefined, 2), // v3
      store.setSlide(deck.id, 1, undefined, 3), // past slide 2's builds
      store.setSlide(deck.id, 9), // past the end
      store.setSlide(deck.id, 3, 3), // If-Match 3: v4
      store.setSlide(deck.id, 0, 3), // If-Match 3, but the one before moved it on
      store.setSlide(deck.id, 2), // v5
    ]);
    // The clock starts with the first change; every state after it carries that start.
    const first = results[0];
    const startedAt = first?.kind === 'changed' ? first.state.clock?.startedAt : undefined;
    expect(startedAt).toBeGreaterThan(Date.now() - 60_000);
    const clock = { startedAt, durationMinutes: null };
    const at = (index: number, step: number, version: number) => ({ index, step, version, count: 4, clock });
    expect(results).toEqual([
      { kind: 'changed', state: at(1, 0, 2) },
      { kind: 'unchanged', state: at(1, 0, 2) },
      { kind: 'changed', state: at(1, 2, 3) },
      { kind: 'step_out_of_range', index: 1, steps: 2 },
      { kind: 'out_of_range', count: 4 },
      { kind: 'changed', state: at(3, 0, 4) },
      { kind: 'version_mismatch', current: at(3, 0, 4) },
      { kind: 'changed', state: at(2, 0, 5) },
    ]);
    expect(await store.getSlideState(deck.id)).toEqual(at(2, 0, 5));
    // Two commits, each NOTIFYing its last state: the lone first change, then the batch.
    await eventually(() => payloads.filter((p) => p.includes(deck.id)).length >= 2, 5000, 'two notifications');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const versions = payloads
      .map((p) => JSON.parse(p) as { deck: string; version: number })
      .filter((p) => p.deck === deck.id)
      .map((p) => p.version);
    expect(versions).toEqual([2, 5]);
    await listener.close();
  });

  it('hands out no version twice when two stores batch changes of one deck at once', async () => {
    const { deck } = await store.createDeck(content(10));
    const other = new DeckStore(db);
    const burst = (on: DeckStore, offset: number) =>
      Array.from({ length: 40 }, (_, i) => on.setSlide(deck.id, (i + offset) % 10));
    const results = await Promise.all([...burst(store, 0), ...burst(other, 5)]);
    const versions = results.flatMap((r) => (r.kind === 'changed' ? [r.state.version] : []));
    expect(new Set(versions).size).toBe(versions.length);
    expect((await store.getSlideState(deck.id))?.version).toBe(1 + versions.length);
    expect(Math.max(...versions)).toBe(1 + versions.length);
  });

  it('NOTIFYs each change with deck, index and version, in the same transaction', async () => {
    const { deck } = await store.createDeck(content(3));
    const payloads: string[] = [];
    const listener = db.listen(DECK_CHANNEL, {
      onNotification: (p) => payloads.push(p),
      onListening: () => undefined,
    });
    await listener.ready;
    await store.setSlide(deck.id, 1);
    await store.setSlide(deck.id, 1);
    await store.setSlide(deck.id, 2);
    await eventually(() => payloads.filter((p) => p.includes(deck.id)).length >= 2, 5000, 'two notifications');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const mine = payloads.map((p) => JSON.parse(p) as Record<string, unknown>).filter((p) => p.deck === deck.id);
    // The clock starts with the first change and keeps its start.
    const startedAt = (mine[0]?.startedAt as number | undefined) ?? 0;
    expect(startedAt).toBeGreaterThan(Date.now() - 60_000);
    const clock = { startedAt, durationMinutes: null };
    // A clock without a target sends no durationMinutes (nulls are stripped).
    const expected: SlidePayload[] = [
      { deck: deck.id, index: 1, step: 0, version: 2, count: 3, startedAt },
      { deck: deck.id, index: 2, step: 0, version: 3, count: 3, startedAt },
    ];
    expect(mine).toEqual(expected);
    // The parser the hub uses reads exactly what the trigger sends.
    const parsed = payloads
      .map(parseDeckNotification)
      .filter((n) => n !== null && 'deckId' in n && n.deckId === deck.id);
    expect(parsed).toEqual(
      expected.map(({ deck: deckId, index, step, version, count }) => ({
        kind: 'slide',
        deckId,
        state: { index, step, version, count, clock },
      })),
    );
    await listener.close();
  });

  it('refreshes a served file deck only when its source changed', async () => {
    const first = await store.upsertDeck('talk-abc123', content(3), 'hash-1');
    expect(first).toMatchObject({ id: 'talk-abc123', version: 1 });
    await store.setSlide('talk-abc123', 2);
    expect(await store.upsertDeck('talk-abc123', content(3), 'hash-1')).toMatchObject({ index: 2, version: 2 });
    const edited = await store.upsertDeck('talk-abc123', content(2), 'hash-2');
    expect(edited).toMatchObject({ index: 1, version: 3 });
    expect(edited.slides).toHaveLength(2);
  });

  it('walks the build steps of a slide: range checked per slide, same index and step changes nothing', async () => {
    const { deck } = await store.createDeck(builds([0, 2, 1]));
    expect(deck.slides.map((slide) => slide.steps)).toEqual([0, 2, 1]);
    expect(deck).toMatchObject({ index: 0, step: 0, version: 1 });
    expect(await store.setSlide(deck.id, 1, undefined, 2)).toMatchObject({
      kind: 'changed',
      state: { index: 1, step: 2, version: 2, count: 3 },
    });
    expect(await store.setSlide(deck.id, 1, 2, 2)).toMatchObject({ kind: 'unchanged', state: { version: 2 } });
    expect(await store.setSlide(deck.id, 1, 2, 1)).toMatchObject({ kind: 'changed', state: { step: 1, version: 3 } });
    expect(await store.setSlide(deck.id, 1)).toMatchObject({ kind: 'changed', state: { step: 0, version: 4 } });
    expect(await store.setSlide(deck.id, 1, undefined, 3)).toEqual({ kind: 'step_out_of_range', index: 1, steps: 2 });
    expect(await store.setSlide(deck.id, 0, undefined, 1)).toEqual({ kind: 'step_out_of_range', index: 0, steps: 0 });
    expect(await store.setSlide(deck.id, 1, 3, 1)).toMatchObject({ kind: 'version_mismatch' });
    expect(await store.getSlideState(deck.id)).toMatchObject({ index: 1, step: 0, version: 4, count: 3 });
  });

  it('keeps the step through a reload of a served file deck, clamped to the new builds', async () => {
    await store.upsertDeck('steps-abc123', builds([0, 3]), 'hash-1');
    await store.setSlide('steps-abc123', 1, undefined, 3);
    expect(await store.upsertDeck('steps-abc123', builds([0, 3, 0]), 'hash-2')).toMatchObject({ index: 1, step: 3 });
    const fewer = await store.upsertDeck('steps-abc123', builds([0, 1]), 'hash-3');
    expect(fewer).toMatchObject({ index: 1, step: 1, version: 4 });
    const shorter = await store.upsertDeck('steps-abc123', builds([2]), 'hash-4');
    expect(shorter).toMatchObject({ index: 0, step: 1, version: 5 });
  });

  // A second PGlite starts slowly on a busy machine.
  it('gives decks made before steps existed no builds, at step 0', async () => {
    const old = driver === 'postgres' ? null : await PgliteDatabase.open();
    if (!old) return; // The upgrade runs the same SQL on both drivers; one older schema is enough.
    try {
      await migrate(old, 3);
      await old.query(
        `INSERT INTO decks (id, title, slides, notes, slide_count, current_index, version)
         VALUES ('olddeck1', 'Old', '[{"html":"<p>a</p>"},{"html":"<p>b</p>"}]', '["",""]', 2, 1, 4)`,
      );
      expect(await migrate(old)).toEqual(MIGRATION_VERSIONS.filter((version) => version > 3));
      const upgraded = new DeckStore(old);
      expect(await upgraded.getDeck('olddeck1')).toMatchObject({
        index: 1,
        step: 0,
        version: 4,
        slides: [
          { html: '<p>a</p>', steps: 0 },
          { html: '<p>b</p>', steps: 0 },
        ],
      });
      expect(await upgraded.setSlide('olddeck1', 0)).toMatchObject({ kind: 'changed', state: { step: 0, version: 5 } });
    } finally {
      await old.close();
    }
  }, 60_000);

  it('mints extra presenter keys that work alongside the first', async () => {
    const { deck, presenterKey } = await store.createDeck(content(1));
    const minted = await store.keys.mint(deck.id, 'phone 2');
    const second = minted.kind === 'minted' ? minted.key : '';
    expect(second).not.toBe(presenterKey);
    expect((await store.keys.check(deck.id, second)).kind).toBe('ok');
    expect((await store.keys.check(deck.id, presenterKey)).kind).toBe('ok');
  });
});
