import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveDeckFile } from '../../server/serve-deck.js';
import { watchDeckFile } from '../../server/watch-deck.js';
import { connectionStatus, shownHeading } from '../support/browser.js';
import { describeInBrowser } from '../support/browser-suite.js';

describeInBrowser('rehearsal in the browser: an edit of talk.md redraws the audience page', (suite) => {
  let dir: string;
  let stopWatching = (): void => undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-rehearsal-'));
  });
  afterAll(async () => {
    stopWatching();
    await rm(dir, { recursive: true, force: true });
  });

  it('the open audience page shows the new words on the same slide, without reloading', async () => {
    const talk = join(dir, 'talk.md');
    await writeFile(talk, '# Rehearsal\n\n---\n\n## Middle\n\nFirst draft\n\n---\n\n## End');
    const served = await serveDeckFile(suite.server.store, talk);
    const id = served.deck.id;
    expect((await suite.server.putSlide(id, served.presenterKey, 1)).status).toBe(200);
    stopWatching = watchDeckFile(suite.server.store, talk, id, () => undefined);

    const audience = await suite.pages.open('desktop', `${suite.server.url}/d/${id}`);
    await connectionStatus(audience, 'Live').waitFor();
    await shownHeading(audience, 'Middle').waitFor();
    await audience.getByText('First draft').waitFor();
    expect(await audience.locator('.counter').textContent()).toBe('2 / 3');
    // A mark on the window: it survives a redraw, not a page reload.
    await audience.evaluate(() => Object.assign(window, { podiumMark: 'before the edit' }));

    await writeFile(
      talk,
      '# Rehearsal\n\n---\n\n## Middle, edited\n\nSecond draft\n\n---\n\n## End\n\n---\n\n## Encore',
    );
    await shownHeading(audience, 'Middle, edited').waitFor({ timeout: 15_000 });
    await audience.getByText('Second draft').waitFor();
    expect(await audience.getByText('First draft').count()).toBe(0);
    // Still on slide 2, of the four slides the deck has now.
    await expect.poll(() => audience.locator('.counter').textContent()).toBe('2 / 4');
    expect(await audience.evaluate(() => (window as unknown as { podiumMark?: string }).podiumMark)).toBe(
      'before the edit',
    );
    expect(await connectionStatus(audience, 'Live').count()).toBe(1);

    // A shorter deck clamps the position to its last slide.
    await writeFile(talk, '# Rehearsal, cut short');
    await shownHeading(audience, 'Rehearsal, cut short').waitFor({ timeout: 15_000 });
    await expect.poll(() => audience.locator('.counter').textContent()).toBe('1 / 1');
  });
});
