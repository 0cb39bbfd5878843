import { expect, it } from 'vitest';
import { connectionStatus, saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { fetchState } from '../../../support/server.js';

const LONG_NOTE = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of a long note to read by keyboard.`).join(
  '\n\n',
);

const DECK = [
  '# One',
  'Note:',
  LONG_NOTE,
  '---',
  '## Two',
  '<p class="fragment">a build</p>',
  'Note:',
  'Mention the build.',
  '---',
  '## Three',
  '---',
  '## Four',
].join('\n');

/** The presenter view's link: the remote link with /present instead of /remote (the key rides along). */
const presentLink = (remote: string): string => remote.replace('/remote#', '/present#');

describeInBrowser('podium-presenter', (suite) => {
  it('clicker keys on the presenter view move a phone audience, step by step', async () => {
    const created = await suite.server.createDeck(DECK, 'Presenter test');
    // Pairing links are single-use: the phone gets a link of its own.
    const [phoneLink = ''] = await suite.server.pairingLinks(created, 1);
    const audience = await suite.pages.open('phone', created.links.audience);
    await shownHeading(audience, 'One').waitFor();
    const laptop = await suite.pages.open('desktop', presentLink(created.links.remote));
    await connectionStatus(laptop, 'Live').waitFor();
    await laptop.getByRole('heading', { name: 'Next' }).waitFor();
    expect(new URL(laptop.url()).hash).toBe('');

    await laptop.keyboard.press('PageDown');
    await shownHeading(audience, 'Two').waitFor();
    await laptop.keyboard.press('Space');
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toMatchObject({ index: 1, step: 1 });
    await laptop.keyboard.press('ArrowRight');
    await shownHeading(audience, 'Three').waitFor();
    await laptop.keyboard.press('PageUp');
    await shownHeading(audience, 'Two').waitFor();
    await laptop.keyboard.press('ArrowLeft');
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toMatchObject({ index: 1, step: 0 });
    await laptop.getByText('Mention the build.').waitFor();
    await laptop.locator('.position', { hasText: /step 0 of 1/ }).waitFor();

    // A phone remote drives the same talk; the laptop follows and goes on from there.
    const phone = await suite.pages.open('phone', phoneLink);
    await connectionStatus(phone, 'Live').waitFor();
    await phone.getByRole('button', { name: 'Next slide' }).tap();
    await phone.getByRole('button', { name: 'Next slide' }).tap();
    await shownHeading(laptop, 'Three').waitFor();
    await laptop.keyboard.press('ArrowRight');
    await shownHeading(audience, 'Four').waitFor();
    await shownHeading(phone, 'Four').waitFor();
    expect(await fetchState(suite.server.url, created.deck.id)).toMatchObject({ index: 3, step: 0 });
    await saveScreenshot(laptop, 'presenter-view.png');
  });

  it('opens the projector window: the audience view following live, without controls', async () => {
    const created = await suite.server.createDeck(DECK);
    const laptop = await suite.pages.open('desktop', presentLink(created.links.remote));
    await connectionStatus(laptop, 'Live').waitFor();
    const [projector] = await Promise.all([
      laptop.waitForEvent('popup'),
      laptop.getByRole('button', { name: 'Open projector window' }).click(),
    ]);
    expect(new URL(projector.url()).pathname).toBe(`/d/${created.deck.id}`);
    expect(new URL(projector.url()).search).toBe('?projector');
    await shownHeading(projector, 'One').waitFor();
    expect(await projector.getByRole('button').count()).toBe(0);
    await laptop.keyboard.press('ArrowRight');
    await shownHeading(projector, 'Two').waitFor();
    // Keys on the projector do not browse away from the live slide.
    await projector.keyboard.press('ArrowRight');
    await projector.keyboard.press('ArrowLeft');
    await shownHeading(projector, 'Two').waitFor();
    await saveScreenshot(projector, 'projector-window.png');
    await projector.close();
  });

  it('scrolls long notes by keyboard when they have focus, without changing the slide', async () => {
    const created = await suite.server.createDeck(DECK);
    const laptop = await suite.pages.open('desktop', presentLink(created.links.remote));
    await connectionStatus(laptop, 'Live').waitFor();
    const notes = laptop.locator('section.notes');
    await notes.focus();
    const scrollTop = () => notes.evaluate((element) => element.scrollTop);
    expect(await scrollTop()).toBe(0);
    for (const key of ['PageDown', 'ArrowDown', 'Space']) await laptop.keyboard.press(key);
    await expect.poll(scrollTop).toBeGreaterThan(100);
    expect(await fetchState(suite.server.url, created.deck.id)).toMatchObject({ index: 0, version: 1 });
    // Outside the notes the same keys drive the deck again.
    await laptop.locator('header.bar h1').click();
    await laptop.keyboard.press('PageDown');
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toMatchObject({ index: 1 });
  });
});
