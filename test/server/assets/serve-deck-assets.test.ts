import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDeckFile } from '../../../server/serve-deck.js';
import { DRIVERS } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { HOSTILE_SVG, smallPng } from './asset-fixtures.js';

describe.each(DRIVERS)('npm start -- talk.md with images on %s', (driver) => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer({ driver });
    dir = await mkdtemp(join(tmpdir(), 'podium-folder-'));
    await mkdir(join(dir, 'talk', 'images'), { recursive: true });
    await writeFile(join(dir, 'talk', 'images', 'chart.png'), await smallPng());
    await writeFile(join(dir, 'talk', 'my photo.png'), await smallPng(30, 20));
    await writeFile(join(dir, 'talk', 'diagram.svg'), HOSTILE_SVG);
    await writeFile(join(dir, 'outside.png'), await smallPng());
    await symlink(join(dir, 'outside.png'), join(dir, 'talk', 'escape.png'));
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the images next to the file and names what it could not take', async () => {
    const talk = join(dir, 'talk', 'talk.md');
    await writeFile(
      talk,
      [
        '# Folder talk',
        '![chart](images/chart.png) ![me](my%20photo.png) ![d](./diagram.svg)',
        '---',
        '## More',
        '![gone](images/gone.png) ![out](escape.png) ![up](../outside.png)',
      ].join('\n'),
    );
    const served = await serveDeckFile(server.store, talk);
    const html = served.deck.slides.map((slide) => slide.html).join('\n');
    const sources = [...html.matchAll(/src="(\/api\/assets\/[^"]+)"/g)].map((match) => match[1] ?? '');
    expect(sources).toHaveLength(3);
    for (const src of sources) expect((await fetch(new URL(src, server.url))).status).toBe(200);
    const codes = served.warnings.map((warning) => `${warning.code} ${warning.message}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^asset_path_refused .*escape\.png/),
        expect.stringMatching(/^asset_missing .*images\/gone\.png/),
      ]),
    );
    // `../outside.png` is not a path inside the deck: never read, reported.
    expect(codes).toContainEqual(expect.stringMatching(/^asset_path_refused .*\.\.\/outside\.png/));
    expect((await server.store.assets.deckAssets(served.deck.id)).map((link) => link.path)).toEqual([
      'diagram.svg',
      'images/chart.png',
      'my photo.png',
    ]);
  });

  it('refreshes the deck when only an image changed', async () => {
    const talk = join(dir, 'talk', 'second.md');
    await writeFile(talk, '# Second\n\n![chart](images/chart.png)');
    const first = await serveDeckFile(server.store, talk);
    await writeFile(join(dir, 'talk', 'images', 'chart.png'), await smallPng(10, 10, { r: 0, g: 0, b: 255 }));
    const second = await serveDeckFile(server.store, talk);
    expect(second.deck.version).toBe(first.deck.version + 1);
    expect(second.deck.slides[0]?.html).not.toBe(first.deck.slides[0]?.html);
  });
});
