import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  collectProblems,
  connectionStatus,
  enforceStrictCsp,
  newPhoneContext,
  shownHeading,
} from '../../support/browser.js';
import { describeInBrowser } from '../../support/browser-suite.js';

const DECK = [
  '---',
  'title: Accessible talk',
  'duration: 20min',
  '---',
  '# One',
  'Words on the first slide.',
  'Note:',
  'Notes for the first slide.',
  '---',
  '## Two',
  '<p class="fragment">a build</p>',
  '---',
  '## Three',
].join('\n');

/** The axe-core violations of `page` in light and in dark, as "state (scheme): rule: target" lines. */
async function violations(page: Page, state: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    for (const violation of results.violations) {
      const targets = violation.nodes.map((node) => JSON.stringify(node.target)).join(', ');
      found.push(`${state} (${colorScheme}): ${violation.id} [${violation.impact ?? ''}]: ${targets}`);
    }
  }
  return found;
}

describeInBrowser('zero axe-core violations, light and dark', (suite) => {
  it('on every page and state: start, audience, remote and presenter view', async () => {
    const found: string[] = [];

    const start = await suite.pages.open('desktop', `${suite.server.url}/`);
    await start.getByRole('button', { name: 'Create deck' }).waitFor();
    found.push(...(await violations(start, 'start page')));
    await start.getByLabel('Slides in Markdown').fill(DECK);
    await start.getByRole('button', { name: 'Create deck' }).click();
    await start.getByRole('textbox', { name: 'Audience link' }).waitFor();
    found.push(...(await violations(start, 'start page, deck created')));

    const created = await suite.server.createDeck(DECK);
    // Pairing links are single-use: the landscape phone and the laptop get links of their own.
    const [landscapeLink = '', laptopLink = ''] = await suite.server.pairingLinks(created, 2);
    const desktop = await suite.pages.open('desktop', created.links.audience);
    await connectionStatus(desktop, 'Live').waitFor();
    found.push(...(await violations(desktop, 'audience desktop')));
    await desktop.keyboard.press('?');
    await desktop.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    found.push(...(await violations(desktop, 'audience shortcuts')));
    await desktop.keyboard.press('Escape');

    const phone = await suite.pages.open('phone', created.links.audience);
    await connectionStatus(phone, 'Live').waitFor();
    found.push(...(await violations(phone, 'audience phone')));
    await phone.getByRole('button', { name: 'Next slide' }).tap();
    await phone.getByRole('button', { name: /^Return to live/ }).waitFor();
    found.push(...(await violations(phone, 'audience browsing')));
    await phone.getByRole('button', { name: 'Reader mode' }).tap();
    await phone.locator('podium-reader h2').waitFor();
    found.push(...(await violations(phone, 'audience reader mode')));

    const remote = await suite.pages.open('phone', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    found.push(...(await violations(remote, 'remote portrait')));
    await remote.getByRole('button', { name: 'All slides' }).tap();
    await remote.getByRole('dialog', { name: 'All slides' }).waitFor();
    found.push(...(await violations(remote, 'remote grid')));
    await remote.keyboard.press('Escape');
    await remote.getByRole('button', { name: 'Pair another device' }).tap();
    await remote.getByRole('dialog', { name: 'Pair another device' }).getByText('This device').waitFor();
    found.push(...(await violations(remote, 'remote pair dialog')));
    await remote.keyboard.press('Escape');
    await remote.getByRole('button', { name: 'Start clock' }).tap();
    await remote.getByRole('dialog', { name: 'Talk clock' }).waitFor();
    found.push(...(await violations(remote, 'remote clock dialog')));

    const context = await newPhoneContext(suite.browser, { viewport: { width: 844, height: 390 } });
    await enforceStrictCsp(context);
    const landscape = await context.newPage();
    const problems = collectProblems(landscape);
    await landscape.goto(landscapeLink);
    await connectionStatus(landscape, 'Live').waitFor();
    found.push(...(await violations(landscape, 'remote landscape')));
    await context.close();

    const laptop = await suite.pages.open('desktop', laptopLink.replace('/remote#', '/present#'));
    await connectionStatus(laptop, 'Live').waitFor();
    await shownHeading(laptop, 'One').waitFor();
    found.push(...(await violations(laptop, 'presenter view')));

    expect(problems).toEqual([]);
    expect(found).toEqual([]);
  }, 300_000);
});
