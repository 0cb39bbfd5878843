import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { connectionStatus, shownHeading } from '../../support/browser.js';
import { describeInBrowser } from '../../support/browser-suite.js';
import { fetchState } from '../../support/server.js';

const DECK = ['# One', '---', '## Two', '---', '## Three'].join('\n');

/** Puts `markup` (one control) at the end of the page and focuses it. */
async function focusAdded(page: Page, markup: string): Promise<void> {
  await page.evaluate((html) => {
    document.querySelector('[data-test-control]')?.remove();
    const holder = document.createElement('div');
    holder.dataset.testControl = '';
    holder.innerHTML = html;
    document.body.append(holder);
    (holder.firstElementChild as HTMLElement).focus();
  }, markup);
}

describeInBrowser('slide keys and focused controls (KeyboardShortcutsController)', (suite) => {
  it('a focused checkbox, radio or button leaves the slide keys to the page; a text field keeps them', async () => {
    const created = await suite.server.createDeck(DECK);
    const remote = await suite.pages.open('desktop', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    const index = async (): Promise<number> => (await fetchState(suite.server.url, created.deck.id)).index;

    for (const markup of [
      '<input type="text" aria-label="Name">',
      '<input aria-label="Untyped">',
      '<input type="search" aria-label="Find">',
      '<input type="number" aria-label="Minutes">',
      '<textarea aria-label="Text"></textarea>',
      '<div contenteditable="true" aria-label="Editable">x</div>',
    ]) {
      await focusAdded(remote, markup);
      await remote.keyboard.press('ArrowRight');
      await remote.keyboard.press('n');
      expect(await index(), markup).toBe(0);
    }
    await shownHeading(remote, 'One').waitFor();

    await focusAdded(remote, '<input type="checkbox" aria-label="Option">');
    await remote.keyboard.press('ArrowRight');
    await shownHeading(remote, 'Two').waitFor();
    await focusAdded(remote, '<input type="radio" name="r" aria-label="Choice">');
    await remote.keyboard.press('n');
    await shownHeading(remote, 'Three').waitFor();
    await focusAdded(remote, '<button type="button">Press</button>');
    await remote.keyboard.press('ArrowLeft');
    await shownHeading(remote, 'Two').waitFor();
    await expect.poll(index).toBe(1);
  });
});
