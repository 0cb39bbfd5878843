import { expect, it } from 'vitest';
import { connectionStatus, shownHeading } from '../../support/browser.js';
import { describeInBrowser } from '../../support/browser-suite.js';
import { tabTo } from '../../support/keyboard.js';
import { fetchState } from '../../support/server.js';

const DECK = ['# One', 'Note:', 'First notes.', '---', '## Two', '---', '## Three'].join('\n');

describeInBrowser('keyboard-only walks', (suite) => {
  it('through the remote: Next and Back, the grid, the clock dialog, the pair dialog', async () => {
    const created = await suite.server.createDeck(DECK);
    const remote = await suite.pages.open('desktop', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    await tabTo(remote, /^Next slide$/);
    await remote.keyboard.press('Enter');
    await shownHeading(remote, 'Two').waitFor();
    await tabTo(remote, /^Back$/);
    await remote.keyboard.press('Space');
    await shownHeading(remote, 'One').waitFor();

    await tabTo(remote, /^All slides$/);
    await remote.keyboard.press('Enter');
    const grid = remote.getByRole('dialog', { name: 'All slides' });
    await grid.waitFor();
    await tabTo(remote, /^Slide 3 ?Three$/);
    await remote.keyboard.press('Enter');
    await shownHeading(remote, 'Three').waitFor();
    await expect.poll(async () => (await fetchState(suite.server.url, created.deck.id)).index).toBe(2);

    // The first slide change started the clock; its dialog starts the talk over after a confirmation.
    await tabTo(remote, /^Clock$/);
    await remote.keyboard.press('Enter');
    const clock = remote.getByRole('dialog', { name: 'Talk clock' });
    await clock.getByText(/Running since/).waitFor();
    await tabTo(remote, /^Start over…$/);
    await remote.keyboard.press('Enter');
    await tabTo(remote, /^Yes, start over$/);
    await remote.keyboard.press('Enter');
    await clock.getByText('Started over').waitFor();
    await remote.keyboard.press('Escape');
    await shownHeading(remote, 'One').waitFor();
    await remote.getByRole('button', { name: 'Start clock' }).waitFor();

    await tabTo(remote, /^Pair another device$/);
    await remote.keyboard.press('Enter');
    const pair = remote.getByRole('dialog', { name: 'Pair another device' });
    await pair.getByText('This device').waitFor();
    await remote.keyboard.press('Escape');
    expect(await pair.count()).toBe(0);
  });

  it('through the presenter view: keys, buttons, the clock and the shortcut-free notes', async () => {
    const created = await suite.server.createDeck(DECK);
    const laptop = await suite.pages.open('desktop', created.links.remote.replace('/remote#', '/present#'));
    await connectionStatus(laptop, 'Live').waitFor();
    await tabTo(laptop, /^Next/);
    await laptop.keyboard.press('Enter');
    await shownHeading(laptop, 'Two').waitFor();
    await tabTo(laptop, /^Back/);
    await laptop.keyboard.press('Enter');
    await shownHeading(laptop, 'One').waitFor();
    await tabTo(laptop, /^Clock$/);
    await laptop.keyboard.press('Enter');
    await laptop.getByRole('dialog', { name: 'Talk clock' }).waitFor();
    await laptop.keyboard.press('Escape');
    await tabTo(laptop, /^Larger notes text$/);
    await laptop.keyboard.press('Enter');
    await tabTo(laptop, /^Notes ?First notes\.$/);
    await laptop.keyboard.press('PageDown');
    expect((await fetchState(suite.server.url, created.deck.id)).index).toBe(0);
    await tabTo(laptop, /^All slides$/);
    await laptop.keyboard.press('Enter');
    await tabTo(laptop, /^Slide 2 ?Two$/);
    await laptop.keyboard.press('Enter');
    await expect.poll(async () => (await fetchState(suite.server.url, created.deck.id)).index).toBe(1);
  });
});
