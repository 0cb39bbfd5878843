import AxeBuilder from '@axe-core/playwright';
import { expect, it } from 'vitest';
import { saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { fetchState, SAMPLE_DECK } from '../../../support/server.js';

describeInBrowser('single-use pairing links on the remote', (suite) => {
  it('pairs the first phone for good; the same link opened again says it was used', async () => {
    const created = await suite.server.createDeck(SAMPLE_DECK, 'Pairing links');
    const phone = await suite.pages.open('phone', created.links.remote);
    await shownHeading(phone, 'One').waitFor();
    await phone.getByText('This device is paired as “Chrome on Linux”; the link is spent.').waitFor();
    expect(phone.url()).not.toContain('key=');
    const deviceKey = await phone.evaluate((id) => localStorage.getItem(`podium:presenter-key:${id}`), created.deck.id);
    expect(deviceKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(deviceKey).not.toBe(created.presenterKey);

    // A reload (no key in the URL any more) goes on with the device key.
    await phone.reload();
    await shownHeading(phone, 'One').waitFor();
    await phone.getByRole('button', { name: 'Next slide' }).tap();
    await expect.poll(async () => (await fetchState(suite.server.url, created.deck.id)).index).toBe(1);

    // The link from history, a screenshot or a synced browser, on another device: spent.
    const copy = await suite.pages.open('phone', created.links.remote);
    await copy.getByRole('heading', { name: 'This pairing link was already used' }).waitFor();
    const alert = await copy.getByRole('alert').textContent();
    expect(alert).toContain('already used to pair “Chrome on Linux”');
    expect(alert).toContain('Pair another device');
    expect(await copy.getByRole('button', { name: 'Next slide' }).count()).toBe(0);
    expect(await copy.evaluate((id) => localStorage.getItem(`podium:presenter-key:${id}`), created.deck.id)).toBeNull();
    expect((await new AxeBuilder({ page: copy }).analyze()).violations).toEqual([]);
    await saveScreenshot(copy, 'remote-link-used.png');
    await copy.keyboard.press('Tab');
    expect(await copy.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent)).toContain(
      'Open the audience view instead',
    );

    // The paired phone opening the link again stays paired with its own key.
    await phone.goto(created.links.remote);
    await phone.getByText('That link was already used; this device stays paired with its own key.').waitFor();
    await shownHeading(phone, 'Two').waitFor();
    expect(await phone.evaluate((id) => localStorage.getItem(`podium:presenter-key:${id}`), created.deck.id)).toBe(
      deviceKey,
    );
    await phone.getByRole('button', { name: 'Next slide' }).tap();
    await expect.poll(async () => (await fetchState(suite.server.url, created.deck.id)).index).toBe(2);
  });
});
