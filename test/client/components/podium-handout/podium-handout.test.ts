import { mkdir, writeFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openPdf } from '../../../../server/pdf/open-pdf.js';
import { connectionStatus, saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';

/** Slide 1 has two builds; slide 3 has code. */
const DECK = [
  '# Handout',
  '',
  '<p class="fragment">Alpha build</p>',
  '',
  '<p class="fragment">Beta build</p>',
  '---',
  '## Middle',
  '',
  'Plain words',
  '---',
  '## Code',
  '',
  '```ts',
  'const answer = 42;',
  '```',
].join('\n');

/** Five slides the audience may not read ahead in. */
const BEHIND = [
  '---',
  'browse: behind',
  '---',
  '# First',
  '---',
  '## Second',
  '',
  '- shown',
  '---',
  '## Third punchline',
  '---',
  '## Fourth',
  '---',
  '## Fifth',
].join('\n');

/** Stands in for the browser's print dialog: notes that the page asked to print, and prints nothing. */
const stubPrint = (page: Page) =>
  page.addInitScript(() => {
    window.print = () => {
      document.body.dataset.printed = String(Number(document.body.dataset.printed ?? '0') + 1);
    };
  });

/**
 * Presses "Save slides as PDF" (keyboard), waits until the page asks the browser to print, then
 * prints it through Chromium as the dialog's "Save as PDF" would: each page's text, and page sizes.
 */
async function saveSlides(page: Page): Promise<{ texts: string[]; sizes: string[] }> {
  const before = Number((await page.locator('body').getAttribute('data-printed')) ?? '0');
  await page.getByRole('button', { name: 'Save slides as PDF' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('body').getAttribute('data-printed')).toBe(String(before + 1));
  const bytes = new Uint8Array(await page.pdf({ preferCSSPageSize: true }));
  await mkdir('test-results', { recursive: true });
  await writeFile(`test-results/handout-${before}.pdf`, bytes);
  const doc = await openPdf(bytes, 100);
  try {
    const texts: string[] = [];
    const sizes: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const pdfPage = await doc.getPage(number);
      const content = await pdfPage.getTextContent();
      texts.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' '),
      );
      const [, , width = 0, height = 0] = pdfPage.view;
      sizes.push(`${Math.round(width)}x${Math.round(height)}`);
    }
    return { texts, sizes };
  } finally {
    await doc.destroy();
  }
}

describeInBrowser('the audience handout: Save slides as PDF', (suite) => {
  it('prints one 16:9 page per slide with every build shown, and nothing else', async () => {
    const created = await suite.server.createDeck(DECK, 'Handout test');
    const audience = await suite.pages.open('desktop', created.links.audience, stubPrint);
    await connectionStatus(audience, 'Live').waitFor();
    await shownHeading(audience, 'Handout').waitFor();
    // On screen the builds wait for the presenter, and no handout is drawn.
    expect(await audience.getByText('Beta build').isVisible()).toBe(false);
    expect(await audience.locator('podium-handout').count()).toBe(0);
    const { violations } = await new AxeBuilder({ page: audience }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);

    const { texts, sizes } = await saveSlides(audience);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('Alpha build');
    expect(texts[0]).toContain('Beta build');
    expect(texts[1]).toContain('Plain words');
    expect(texts[2]).toMatch(/const answer = ?42;/);
    // The toolbar and the live stage are not printed.
    expect(texts.join(' ')).not.toContain('Handout test');
    // 254 x 142.875 mm in PDF points: a 16:9 page.
    expect(new Set(sizes)).toEqual(new Set(['720x405']));
    // After printing the handout is gone again.
    await audience.locator('podium-handout').waitFor({ state: 'detached' });

    // What print shows, as a picture: the print media query draws the handout alone, light on a dark screen too.
    await audience.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await audience.locator('podium-handout').waitFor({ state: 'attached' });
    await audience.locator('podium-handout').getByText('Beta build').waitFor({ state: 'visible' });
    expect(await audience.getByRole('button', { name: 'Save slides as PDF' }).isVisible()).toBe(false);
    const paper = await audience
      .locator('podium-handout podium-slide')
      .first()
      .evaluate((slide) => getComputedStyle(slide.shadowRoot?.querySelector('.stage') ?? slide).backgroundColor);
    expect(paper).toBe('rgb(255, 255, 255)');
    await mkdir('test-results/screenshots', { recursive: true });
    await audience.screenshot({ path: 'test-results/screenshots/audience-handout-print.png', fullPage: true });
  });

  it('with browse: behind, only the slides the presenter has reached are printed', async () => {
    const created = await suite.server.createDeck(BEHIND);
    const { id } = created.deck;
    expect((await suite.server.putSlide(id, created.presenterKey, 1)).status).toBe(200);
    const audience = await suite.pages.open('phone', created.links.audience, stubPrint);
    await shownHeading(audience, 'Second').waitFor();
    await saveScreenshot(audience, 'audience-phone-save-button.png');
    const { texts } = await saveSlides(audience);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('Second');
    expect(texts.join(' ')).not.toContain('punchline');

    // The presenter goes on to slide 4 and back to 1: the handout keeps the slides reached.
    expect((await suite.server.putSlide(id, created.presenterKey, 3)).status).toBe(200);
    await shownHeading(audience, 'Fourth').waitFor();
    expect((await suite.server.putSlide(id, created.presenterKey, 0)).status).toBe(200);
    await shownHeading(audience, 'First').waitFor();
    const later = await saveSlides(audience);
    expect(later.texts).toHaveLength(4);
    expect(later.texts[3]).toContain('Fourth');
  });
});
