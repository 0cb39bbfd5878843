import { expect, it } from 'vitest';
import { connectionStatus, shownHeading } from '../../support/browser.js';
import { describeInBrowser } from '../../support/browser-suite.js';
import { focusedName, tabTo } from '../../support/keyboard.js';
import { fetchState } from '../../support/server.js';

const DECK = ['# One', '---', '## Two', '---', '## Three'].join('\n');

describeInBrowser('a dialog on the remote (DialogController)', (suite) => {
  it('opened and closed by keyboard alone, it keeps the slide keys and hands focus back to its button', async () => {
    const created = await suite.server.createDeck(DECK);
    const remote = await suite.pages.open('desktop', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    for (const opener of [/^Import report$/, /^Pair another device$/, /^Start clock$/]) {
      await tabTo(remote, opener);
      await remote.keyboard.press('Enter');
      const dialog = remote.getByRole('dialog');
      await dialog.waitFor();
      for (const key of ['ArrowRight', 'PageDown', 'n', 'End']) await remote.keyboard.press(key);
      await remote.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await focusedName(remote)).toMatch(opener);
      await shownHeading(remote, 'One').waitFor();
      expect((await fetchState(suite.server.url, created.deck.id)).index).toBe(0);
    }
    // Keys are the page's again: the next arrow moves the slide.
    await remote.keyboard.press('ArrowRight');
    await shownHeading(remote, 'Two').waitFor();
  });

  it('opened by a page key, Escape then a slide key at once moves the slide; the backdrop closes it too', async () => {
    const created = await suite.server.createDeck(DECK);
    const remote = await suite.pages.open('desktop', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    const grid = remote.getByRole('dialog', { name: 'All slides' });
    await remote.keyboard.press('g');
    await grid.waitFor();
    await remote.keyboard.press('ArrowRight');
    await remote.keyboard.press('Escape');
    await remote.keyboard.press('ArrowRight');
    await shownHeading(remote, 'Two').waitFor();
    await expect.poll(async () => (await fetchState(suite.server.url, created.deck.id)).index).toBe(1);
    await expect.poll(() => grid.isVisible()).toBe(false);

    await remote.getByRole('button', { name: 'Import report' }).click();
    const report = remote.getByRole('dialog', { name: 'Import report' });
    await report.waitFor();
    await remote.mouse.click(4, 4);
    await report.waitFor({ state: 'detached' });
  });
});
