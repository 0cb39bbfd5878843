import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, Deck } from '../../../shared/protocol.js';
import { createScratchDatabase, TEST_DATABASE_URL, type ScratchDatabase } from '../../support/databases.js';
import { parseRemoteLink, spawnPodium, type PodiumProcess } from '../../support/process.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { deckForm, smallPng } from './asset-fixtures.js';

/** A folder with `talk.md` referencing `images/logo.png` (present) and `images/gone.png` (absent). */
async function talkFolder(): Promise<{ dir: string; talk: string; png: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'podium-talk-'));
  const png = await smallPng(33, 22);
  await mkdir(join(dir, 'images'));
  await writeFile(join(dir, 'images', 'logo.png'), png);
  const talk = join(dir, 'talk.md');
  await writeFile(talk, '# Logo talk\n\n![logo](images/logo.png)\n\n---\n\n## Two\n\n![gone](images/gone.png)');
  return { dir, talk, png };
}

/** The first asset URL in a deck's slides. */
function firstAsset(deck: Deck): string {
  return /src="(\/api\/assets\/[^"]+)"/.exec(deck.slides.map((slide) => slide.html).join(''))?.[1] ?? '';
}

describe('npm start -- talk.md with an image folder (its own process, PGlite)', () => {
  it('serves the images next to talk.md and prints the missing one under the links', async () => {
    const { dir, talk, png } = await talkFolder();
    let podium: PodiumProcess | undefined;
    try {
      podium = await spawnPodium({ PODIUM_DATA_DIR: join(dir, 'data') }, [talk]);
      const { deckId } = parseRemoteLink(podium.remote);
      const deck = (await (await fetch(`${podium.url}/api/decks/${deckId}`)).json()) as Deck;
      const image = await fetch(new URL(firstAsset(deck), podium.url));
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
      expect(podium.output()).toMatch(/Import warnings \(1\):\n {2}- Slide 2 shows "images\/gone\.png"/);
    } finally {
      await podium?.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.skipIf(!TEST_DATABASE_URL)('assets on two processes sharing one Postgres', () => {
  let shared: ScratchDatabase;
  let folder: Awaited<ReturnType<typeof talkFolder>>;
  let other: PodiumProcess;
  let server: TestServer;

  beforeAll(async () => {
    shared = await createScratchDatabase();
    folder = await talkFolder();
    other = await spawnPodium({ DATABASE_URL: shared.url }, [folder.talk]);
    server = await startTestServer({ driver: 'postgres', shared });
  }, 60_000);
  afterAll(async () => {
    await other?.stop();
    await server?.stop();
    await shared?.drop();
    await rm(folder.dir, { recursive: true, force: true });
  });

  it('serves from this process an image the other process imported, and the other way round', async () => {
    const { deckId } = parseRemoteLink(other.remote);
    const deck = (await (await fetch(`${server.url}/api/decks/${deckId}`)).json()) as Deck;
    const here = await fetch(new URL(firstAsset(deck), server.url));
    expect(here.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await here.arrayBuffer()).equals(folder.png)).toBe(true);

    const png = await smallPng(7, 5);
    const res = await fetch(`${server.url}/api/decks`, {
      method: 'POST',
      body: deckForm('# Shared\n\n![x](x.png)', { 'x.png': png }),
    });
    const created = (await res.json()) as CreateDeckResponse;
    const there = await fetch(new URL(firstAsset(created.deck), other.url));
    expect(there.status).toBe(200);
    expect(Buffer.from(await there.arrayBuffer()).equals(png)).toBe(true);
  });
});
