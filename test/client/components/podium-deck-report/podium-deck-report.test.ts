import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../../shared/protocol.js';
import { connectionStatus, saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { deckForm } from '../../../server/assets/asset-fixtures.js';
import { printSlides } from '../../../server/pdf/pdf-fixtures.js';

/** A deck with two things to report: an image that is not there and a Vue component Podium drops. */
const REPORTED = [
  '# Report',
  '',
  '![chart](images/chart.png)',
  '',
  'Note:',
  'Say hello.',
  '---',
  '## Two',
  '',
  '<Counter :count="3" />',
  '',
  'Second slide',
].join('\n');

/** axe-core's violations on `page` (WCAG 2 A and AA), as "rule: target" lines. */
async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

describeInBrowser('the import report and notes on the remote', (suite) => {
  it('the presenter opens the import report later from the remote; the audience page never shows it', async () => {
    const created = await suite.server.createDeck(REPORTED, 'Report test');
    expect(created.warnings.length).toBeGreaterThanOrEqual(2);
    const remote = await suite.pages.open('phone', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    const count = created.warnings.length;
    const button = remote.getByRole('button', { name: `Import report, ${count} warnings` });
    await button.waitFor();
    // Keyboard: the report opens from the button and closes with Escape.
    await button.focus();
    await remote.keyboard.press('Enter');
    const dialog = remote.getByRole('dialog', { name: 'Import report' });
    await dialog.waitFor();
    await dialog.getByText(`${count} things to check before you present`).waitFor();
    await dialog.getByText(/images\/chart\.png/).waitFor();
    // Arrow keys in the open report leave the slide where it is.
    await remote.keyboard.press('ArrowRight');
    expect(await remote.locator('.position').textContent()).toContain('Slide 1 of 2');
    await saveScreenshot(remote, 'remote-import-report.png');
    expect(await axeViolations(remote)).toEqual([]);
    await remote.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The notes of this deck are there; no "no notes" line.
    await remote.getByText('Say hello.').waitFor();
    expect(await remote.getByText('This deck has no speaker notes').count()).toBe(0);

    const audience = await suite.pages.open('desktop', created.links.audience);
    await shownHeading(audience, 'Report').waitFor();
    expect(await audience.locator('podium-deck-report').count()).toBe(0);
    expect(await audience.locator('body').innerText()).not.toMatch(/chart\.png|Import report/);
  });

  it('a deck that came through whole says so', async () => {
    const created = await suite.server.createDeck('# Clean\n\nNothing lost\n\nNote:\nA note.');
    const remote = await suite.pages.open('desktop', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    await remote.getByRole('button', { name: 'Import report', exact: true }).click();
    await remote.getByRole('dialog', { name: 'Import report' }).getByText('Everything came through').waitFor();
  });

  it('a PDF without notes: the remote says once, quietly, that the deck has no speaker notes', async () => {
    const pdf = await printSlides(suite.browser, [{ heading: 'Paper one' }, { heading: 'Paper two' }], 'PDF talk');
    const res = await fetch(`${suite.server.url}/api/decks`, {
      method: 'POST',
      body: deckForm(Buffer.from(pdf), {}, { deckName: 'talk.pdf' }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreateDeckResponse;
    const remote = await suite.pages.open('phone', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    const line = remote.getByText('This deck has no speaker notes');
    await line.waitFor();
    expect(await line.textContent()).toContain('talk.notes.md');
    // Not an alert and not repeated per slide: one muted line, still the only one after Next.
    expect(await remote.getByRole('alert').count()).toBe(0);
    expect(await remote.getByText('No notes for this slide').count()).toBe(0);
    await remote.getByRole('button', { name: 'Next slide' }).tap();
    await expect.poll(() => remote.locator('.position').textContent()).toContain('Slide 2 of 2');
    expect(await line.count()).toBe(1);
    const colors = await line.evaluate((el) => {
      const muted = getComputedStyle(el).color;
      const title =
        el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).querySelector('.title') : null;
      return { muted, text: title ? getComputedStyle(title).color : '' };
    });
    expect(colors.muted).not.toBe(colors.text);
    await saveScreenshot(remote, 'remote-pdf-no-notes.png');
    expect(await axeViolations(remote)).toEqual([]);
  });
});
