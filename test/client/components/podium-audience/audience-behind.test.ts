import { expect, it } from 'vitest';
import { saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { BEHIND_DECK } from '../../../server/room/room-fixtures.js';

describeInBrowser('podium-audience: browse behind', (suite) => {
  it('never shows or receives a slide before the presenter reaches it, and takes it with the change', async () => {
    const created = await suite.server.createDeck(BEHIND_DECK);
    // Every answer the page got, as text (the stream never ends while the page is open: the server test reads it).
    const received: Array<Promise<string>> = [];
    const page = await suite.pages.open('phone', created.links.audience, (p) => {
      p.on('response', (response) => {
        if (!response.url().endsWith('/events')) received.push(response.text().catch(() => ''));
      });
      return Promise.resolve();
    });
    const texts = async () => (await Promise.all(received)).join('\n');
    await shownHeading(page, 'Opening').waitFor();
    const next = page.getByRole('button', { name: 'Next slide' });
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('.counter').textContent()).toBe('1 / 4');
    await page.keyboard.press('ArrowRight');
    await shownHeading(page, 'Opening').waitFor();
    expect(await texts()).not.toMatch(/zanzibar|quetzal|xylophone/);

    expect((await suite.server.putSlide(created.deck.id, created.presenterKey, 2)).status).toBe(200);
    await shownHeading(page, 'Answer').waitFor();
    expect(await page.locator('.counter').textContent()).toBe('3 / 4');
    // Browse back through the revealed slides; the end stays where the presenter stopped.
    await page.getByRole('button', { name: 'Previous slide' }).tap();
    await shownHeading(page, 'Riddle').waitFor();
    await next.tap();
    await shownHeading(page, 'Answer').waitFor();
    // Past the furthest slide shown there is nothing: neither a key nor the button moves on.
    await page.keyboard.press('ArrowRight');
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    await saveScreenshot(page, 'audience-behind-phone.png');
    const shown = await page.evaluate(() => {
      const slide = document.querySelector('podium-audience')?.shadowRoot?.querySelector('podium-slide');
      return slide?.shadowRoot?.textContent ?? '';
    });
    expect(shown).toContain('quetzal');
    expect(await texts()).not.toContain('xylophone');
  });
});
