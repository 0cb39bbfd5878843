import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { sweepOnce } from '../../../server/deck-expiry.js';
import { DRIVERS } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { deckForm, smallPng } from './asset-fixtures.js';

/** The asset URLs a created deck's slides point at. */
function assetUrls(created: CreateDeckResponse): string[] {
  const html = created.deck.slides.map((slide) => slide.html).join('\n');
  return [...new Set([...html.matchAll(/\/api\/assets\/[0-9a-f]{64}\.\w+/g)].map((match) => match[0]))];
}

describe.each(DRIVERS)('files no deck uses are freed (%s)', (driver) => {
  let server: TestServer;
  let shared: Buffer;
  const quiet = pino({ level: 'silent' });

  beforeAll(async () => {
    server = await startTestServer({ driver });
    shared = await smallPng(30, 20, { r: 10, g: 20, b: 200 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const create = async (files: Record<string, Buffer>): Promise<CreateDeckResponse> => {
    const markdown = `# Pictures\n\n${Object.keys(files)
      .map((path) => `![x](${path})`)
      .join('\n\n')}`;
    const res = await fetch(`${server.url}/api/decks`, { method: 'POST', body: deckForm(markdown, files) });
    expect(res.status).toBe(201);
    return (await res.json()) as CreateDeckResponse;
  };
  const del = (created: CreateDeckResponse) =>
    fetch(`${server.url}/api/decks/${created.deck.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${created.presenterKey}` },
    });
  /** 200 while the file is stored, 404 once freed (asked of the database: a process may still hold a served copy in memory). */
  const status = async (url: string) => {
    const id = /[0-9a-f]{64}/.exec(url)?.[0] ?? '';
    return (await server.store.assets.getAsset(id)) ? 200 : 404;
  };
  /** Makes every stored file look older than the grace a file being linked gets. */
  const ageFiles = () => server.db.query(`UPDATE assets SET created_at = now() - interval '1 hour'`);

  it('keeps a file while another deck uses it; deleting the last deck frees it at once', async () => {
    const own = await smallPng(31, 21, { r: 200, g: 200, b: 0 });
    const first = await create({ 'a.png': shared, 'own.png': own });
    const second = await create({ 'b.png': shared });
    const [sharedUrl] = assetUrls(second);
    const ownUrl = assetUrls(first).find((url) => url !== sharedUrl)!;
    await ageFiles();
    expect((await del(first)).status).toBe(204);
    expect(await status(ownUrl)).toBe(404);
    expect(await status(sharedUrl!)).toBe(200);
    expect((await del(second)).status).toBe(204);
    expect(await status(sharedUrl!)).toBe(404);
  });

  it('spares a file stored in the last minutes (a deck being created links it next), then the sweep frees it', async () => {
    const created = await create({ 'fresh.png': await smallPng(33, 22, { r: 0, g: 99, b: 99 }) });
    const [url] = assetUrls(created);
    expect((await del(created)).status).toBe(204);
    expect(await status(url!)).toBe(200);
    await sweepOnce(server.store, { deckTtlDays: 30, historyDays: 30 }, quiet);
    expect(await status(url!)).toBe(200);
    await ageFiles();
    await sweepOnce(server.store, { deckTtlDays: 30, historyDays: 30 }, quiet);
    expect(await status(url!)).toBe(404);
  });

  it('frees the files of expired decks and the files a re-import no longer links, in the sweep', async () => {
    const idle = await create({ 'idle.png': await smallPng(34, 23, { r: 1, g: 2, b: 3 }) });
    const reimported = await create({ 'old.png': await smallPng(35, 24, { r: 4, g: 5, b: 6 }) });
    const kept = await create({ 'kept.png': await smallPng(36, 25, { r: 7, g: 8, b: 9 }) });
    await server.db.query(`UPDATE decks SET updated_at = now() - interval '31 days' WHERE id = $1`, [idle.deck.id]);
    // A re-import links other files (here: none) in place of the old ones.
    await server.store.assets.linkDeckAssets(reimported.deck.id, []);
    await ageFiles();
    await sweepOnce(server.store, { deckTtlDays: 30, historyDays: 30 }, quiet);
    expect((await fetch(`${server.url}/api/decks/${idle.deck.id}`)).status).toBe(404);
    expect(await status(assetUrls(idle)[0]!)).toBe(404);
    expect(await status(assetUrls(reimported)[0]!)).toBe(404);
    expect(await status(assetUrls(kept)[0]!)).toBe(200);
    const left = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM assets a WHERE NOT EXISTS (SELECT 1 FROM deck_assets l WHERE l.asset_id = a.id)',
    );
    expect(left[0]!.n).toBe(0);
  });
});
