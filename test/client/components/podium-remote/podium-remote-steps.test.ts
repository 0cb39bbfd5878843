import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { connectionStatus, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { fetchState } from '../../../support/server.js';

/** Slide 1 has two builds (reveal.js fragments); slide 2 has none. */
const DECK = [
  '# Builds',
  '',
  '<p class="fragment">Alpha</p>',
  '',
  '<p class="fragment">Beta</p>',
  '---',
  '## After',
  '',
  'No builds here',
].join('\n');

/** A build of the big slide (audience stage, remote current slide) by its text. */
const build = (page: Page, text: string) =>
  page.locator('podium-slide:not([preview])').getByText(text, { exact: true });
/** A build of the remote's "Next" preview by its text. */
const preview = (page: Page, text: string) => page.locator('podium-slide[preview]').getByText(text, { exact: true });

describeInBrowser('build steps on the remote and the audience', (suite) => {
  it('Next reveals builds one by one on the audience, Back hides them, and a reload lands on the same step', async () => {
    const created = await suite.server.createDeck(DECK, 'Steps test');
    expect(created.deck.slides.map((slide) => slide.steps)).toEqual([2, 0]);
    const audience = await suite.pages.open('desktop', created.links.audience);
    await audience.emulateMedia({ reducedMotion: 'reduce' });
    await connectionStatus(audience, 'Live').waitFor();
    await shownHeading(audience, 'Builds').waitFor();
    // Hidden builds keep their place: they are in the layout, just not visible.
    await build(audience, 'Alpha').waitFor({ state: 'hidden' });
    await build(audience, 'Beta').waitFor({ state: 'hidden' });
    expect(await build(audience, 'Beta').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(0);
    expect(await build(audience, 'Alpha').evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');

    const remote = await suite.pages.open('phone', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    await expect.poll(() => positionLine(remote)).toBe('Slide 1 of 2 · step 0 of 2');
    // The preview shows what Next will show: this slide with its first build.
    await preview(remote, 'Alpha').waitFor({ state: 'visible' });
    await preview(remote, 'Beta').waitFor({ state: 'hidden' });

    const next = remote.getByRole('button', { name: 'Next slide' });
    await next.tap();
    await build(audience, 'Alpha').waitFor({ state: 'visible' });
    expect(await build(audience, 'Beta').isVisible()).toBe(false);
    await expect.poll(() => positionLine(remote)).toBe('Slide 1 of 2 · step 1 of 2');
    await expect
      .poll(() => audience.locator('[aria-live="polite"]').textContent())
      .toContain('Slide 1 of 2, step 1 of 2: Builds');

    await next.tap();
    await build(audience, 'Beta').waitFor({ state: 'visible' });
    // Next now previews the next slide at step 0.
    await shownHeading(remote, 'Builds').waitFor();
    await remote.locator('podium-slide[preview]').locator('h2', { hasText: 'After' }).waitFor();
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toEqual({ index: 0, step: 2, version: 3 });

    await audience.reload();
    await shownHeading(audience, 'Builds').waitFor();
    await build(audience, 'Beta').waitFor({ state: 'visible' });
    expect(await build(audience, 'Alpha').isVisible()).toBe(true);

    await remote.getByRole('button', { name: 'Back' }).tap();
    await build(audience, 'Beta').waitFor({ state: 'hidden' });
    expect(await build(audience, 'Alpha').isVisible()).toBe(true);
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toEqual({ index: 0, step: 1, version: 4 });

    await audience.reload();
    await build(audience, 'Alpha').waitFor({ state: 'visible' });
    expect(await build(audience, 'Beta').isVisible()).toBe(false);
  });

  it('clicker keys walk the steps; Back from the next slide shows every build; the grid goes to step 0', async () => {
    const created = await suite.server.createDeck(DECK);
    const remote = await suite.pages.open('desktop', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    for (const key of ['PageDown', 'ArrowRight', 'Space']) await remote.keyboard.press(key);
    await shownHeading(remote, 'After').waitFor();
    await expect.poll(() => positionLine(remote)).toBe('Slide 2 of 2');
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toMatchObject({ index: 1, step: 0 });

    // A viewer who browses back to slide 1 sees all of it while the presenter is elsewhere.
    const audience = await suite.pages.open('desktop', created.links.audience);
    await shownHeading(audience, 'After').waitFor();
    await audience.keyboard.press('ArrowLeft');
    await build(audience, 'Beta').waitFor({ state: 'visible' });
    expect(await build(audience, 'Alpha').isVisible()).toBe(true);

    await remote.keyboard.press('PageUp');
    await build(remote, 'Beta').waitFor({ state: 'visible' });
    await expect.poll(() => positionLine(remote)).toBe('Slide 1 of 2 · step 2 of 2');
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toMatchObject({ index: 0, step: 2 });
    await remote.keyboard.press('ArrowLeft');
    await build(remote, 'Beta').waitFor({ state: 'hidden' });
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toMatchObject({ index: 0, step: 1 });

    await remote.keyboard.press('End');
    await shownHeading(remote, 'After').waitFor();
    await remote.getByRole('button', { name: 'All slides' }).click();
    await remote.getByRole('button', { name: 'Slide 1 Builds' }).click();
    await shownHeading(remote, 'Builds').waitFor();
    await build(remote, 'Alpha').waitFor({ state: 'hidden' });
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toMatchObject({ index: 0, step: 0 });
  });
});

/** The remote's position line, spaces collapsed. */
async function positionLine(page: Page): Promise<string> {
  return ((await page.locator('.position').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
