import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck, PresenterDeck } from '../../../shared/protocol.js';
import { loadDeckFile, serveDeckFile } from '../../../server/serve-deck.js';
import { DRIVERS } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';

/** A deck whose import has something to report: an image that is not there. */
const MISSING_IMAGE = '# Report\n\n![chart](images/chart.png)\n\n---\n\n## Two';

describe.each(DRIVERS)('the import report, kept for the presenter, on %s', (driver) => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer({ driver });
    dir = await mkdtemp(join(tmpdir(), 'podium-report-'));
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const presenterRead = (id: string, key: string) =>
    fetch(`${server.url}/api/decks/${id}/presenter`, { headers: { Authorization: `Bearer ${key}` } });

  it('the presenter reads the warnings of the 201 answer later; the audience never sees them', async () => {
    const created = await server.createDeck(MISSING_IMAGE);
    expect(created.warnings.map((warning) => warning.code)).toContain('missing_asset');

    const res = await presenterRead(created.deck.id, created.presenterKey);
    expect(res.status).toBe(200);
    const deck = (await res.json()) as PresenterDeck;
    expect(deck.warnings).toEqual(created.warnings);
    expect(JSON.stringify(deck.warnings)).toContain('images/chart.png');

    const publicText = await (await fetch(`${server.url}/api/decks/${created.deck.id}`)).text();
    expect(publicText).not.toContain('images/chart.png');
    expect(JSON.parse(publicText)).not.toHaveProperty('warnings');
    expect((await presenterRead(created.deck.id, 'not-the-key')).status).toBe(401);
    const other = await server.createDeck('# Other');
    expect((await presenterRead(created.deck.id, other.presenterKey)).status).toBe(401);
  });

  it('a deck that came through whole has an empty report', async () => {
    const created = await server.createDeck('# Clean\n\nNothing to report');
    expect(created.warnings).toEqual([]);
    const deck = (await (await presenterRead(created.deck.id, created.presenterKey)).json()) as PresenterDeck;
    expect(deck.warnings).toEqual([]);
  });

  it('an import of the file again (rehearsal) replaces the report', async () => {
    const talk = join(dir, 'talk.md');
    await writeFile(talk, MISSING_IMAGE);
    const served = await serveDeckFile(server.store, talk);
    const first = await server.store.getPresenterDeck(served.deck.id);
    expect(first?.warnings?.map((warning) => warning.message).join(' ')).toContain('images/chart.png');

    await writeFile(talk, '# Report\n\nThe chart is gone\n\n---\n\n## Two\n\n![photo](photo.jpg)');
    await loadDeckFile(server.store, talk, served.deck.id);
    const second = await server.store.getPresenterDeck(served.deck.id);
    const text = second?.warnings?.map((warning) => warning.message).join(' ') ?? '';
    expect(text).toContain('photo.jpg');
    expect(text).not.toContain('images/chart.png');

    await writeFile(talk, '# Report\n\nAll fixed');
    await loadDeckFile(server.store, talk, served.deck.id);
    expect((await server.store.getPresenterDeck(served.deck.id))?.warnings).toEqual([]);
  });
});

describe.each(DRIVERS)('browse: behind keeps the furthest position shown, on %s', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ driver });
  });
  afterAll(() => server.stop());

  const publicDeck = async (id: string) => (await (await fetch(`${server.url}/api/decks/${id}`)).json()) as Deck;

  it('the public deck says how far the presenter has gone, and going back does not lower it', async () => {
    const markdown =
      '---\nbrowse: behind\n---\n# One\n\n---\n\n## Two\n\n- a\n- b\n\n---\n\n## Three\n\n---\n\n## Four';
    const created = await server.createDeck(markdown);
    expect(created.deck.reached).toEqual({ index: 0, step: 0 });
    const { id } = created.deck;
    expect((await server.putSlide(id, created.presenterKey, 2)).status).toBe(200);
    expect((await publicDeck(id)).reached).toEqual({ index: 2, step: 0 });
    expect((await server.putSlide(id, created.presenterKey, 0)).status).toBe(200);
    expect((await publicDeck(id)).reached).toEqual({ index: 2, step: 0 });
    expect((await server.putSlide(id, created.presenterKey, 3)).status).toBe(200);
    expect((await publicDeck(id)).reached).toEqual({ index: 3, step: 0 });
  });

  it('a deck that lets the audience browse freely carries no limit', async () => {
    const created = await server.createDeck('# Free\n\n---\n\n## Two');
    expect((await server.putSlide(created.deck.id, created.presenterKey, 1)).status).toBe(200);
    expect(await publicDeck(created.deck.id)).not.toHaveProperty('reached');
  });
});
