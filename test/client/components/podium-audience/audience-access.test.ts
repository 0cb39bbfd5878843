import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { connectionStatus, enforceStrictCsp, saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';

const DECK = [
  '# Welcome to the talk',
  'Some words to read on a small screen, with enough of them to wrap.',
  '---',
  '## Two',
  '<p class="fragment">a build</p>',
  '---',
  '## Three',
].join('\n');

/** Size of the reader's first heading on the physical screen: CSS pixels times the device pixel ratio. */
async function physicalHeadingPx(page: Page): Promise<number> {
  const reader = page.locator('podium-reader h1');
  await reader.waitFor();
  const cssPx = await reader.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  return cssPx * (await page.evaluate(() => window.devicePixelRatio));
}

describeInBrowser('audience view for everyone', (suite) => {
  it('reader mode reflows the text at the viewer size and grows with browser zoom and text size', async () => {
    const created = await suite.server.createDeck(DECK);
    // Browser zoom at 200% on a 1280x720 screen: half the CSS viewport, twice the device pixels.
    const sizes: number[] = [];
    for (const zoom of [1, 2]) {
      const context = await suite.browser.newContext({
        viewport: { width: 1280 / zoom, height: 720 / zoom },
        deviceScaleFactor: zoom,
      });
      await enforceStrictCsp(context);
      const page = await context.newPage();
      await page.goto(created.links.audience);
      await shownHeading(page, 'Welcome to the talk').waitFor();
      await page.getByRole('button', { name: 'Reader mode' }).click();
      expect(await page.getByRole('button', { name: 'Reader mode' }).getAttribute('aria-pressed')).toBe('true');
      sizes.push(await physicalHeadingPx(page));
      if (zoom === 2) {
        await saveScreenshot(page, 'audience-reader-200.png');
        // A larger text size setting (the root font size) makes the reader's text larger too.
        const before = await physicalHeadingPx(page);
        await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
        await expect.poll(() => physicalHeadingPx(page)).toBeGreaterThan(before * 1.9);
        // The choice is kept on this device.
        await page.reload();
        await page.locator('podium-reader h1', { hasText: 'Welcome' }).waitFor();
      }
      await context.close();
    }
    const [atHundred = 0, atTwoHundred = 0] = sizes;
    expect(atTwoHundred).toBeGreaterThan(atHundred * 1.9);
  });

  it('shows live state once while browsing back: the pill, not a second Live chip', async () => {
    const created = await suite.server.createDeck(DECK);
    expect((await suite.server.putSlide(created.deck.id, created.presenterKey, 2)).status).toBe(200);
    const audience = await suite.pages.open('phone', created.links.audience);
    await shownHeading(audience, 'Three').waitFor();
    await connectionStatus(audience, 'Live').waitFor();
    await audience.keyboard.press('ArrowLeft');
    await audience.getByRole('button', { name: 'Return to live, slide 3' }).waitFor();
    await connectionStatus(audience, 'Connected').waitFor();
    expect(await audience.getByText('Live', { exact: true }).count()).toBe(0);
    await audience.getByRole('button', { name: 'Return to live, slide 3' }).click();
    await connectionStatus(audience, 'Live').waitFor();
  });

  it('announces each slide with its title and step, lists shortcuts on ?, and lets letters be switched off', async () => {
    const created = await suite.server.createDeck(DECK);
    const audience = await suite.pages.open('desktop', created.links.audience);
    await connectionStatus(audience, 'Live').waitFor();
    const announced = audience.locator('podium-audience [aria-live="polite"]');
    expect((await suite.server.putSlide(created.deck.id, created.presenterKey, 1, undefined, 1)).status).toBe(200);
    await expect.poll(() => announced.textContent()).toContain('Slide 2 of 3, step 1 of 1: Two');

    await audience.keyboard.press('?');
    const dialog = audience.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByText('Reader mode on or off').waitFor();
    const letters = dialog.getByRole('checkbox', { name: 'Single-letter shortcuts' });
    expect(await letters.isChecked()).toBe(true);
    await letters.uncheck();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await audience.keyboard.press('r');
    expect(await audience.locator('podium-reader').count()).toBe(0);
    await audience.keyboard.press('p');
    await shownHeading(audience, 'Two').waitFor();
    // Arrows still work with letters off, and the choice survives a reload.
    await audience.keyboard.press('ArrowLeft');
    await shownHeading(audience, 'Welcome to the talk').waitFor();
    await audience.reload();
    await connectionStatus(audience, 'Live').waitFor();
    await audience.keyboard.press('r');
    expect(await audience.locator('podium-reader').count()).toBe(0);
    await audience.keyboard.press('?');
    await dialog.getByRole('checkbox', { name: 'Single-letter shortcuts' }).check();
    await audience.keyboard.press('Escape');
    await audience.keyboard.press('r');
    await audience.locator('podium-reader h2', { hasText: 'Two' }).waitFor();
    // Opened from its button, the list gives focus back to the button when closed.
    const opener = audience.getByRole('button', { name: 'Keyboard shortcuts' });
    await opener.focus();
    await audience.keyboard.press('Enter');
    await dialog.getByRole('checkbox', { name: 'Single-letter shortcuts' }).focus();
    await audience.keyboard.press('Escape');
    await expect.poll(() => opener.evaluate((button) => button.matches(':focus'))).toBe(true);
    expect(await dialog.isVisible()).toBe(false);
  });
});
