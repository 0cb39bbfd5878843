import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Deck } from '../../../../shared/protocol.js';
import { saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { smallPng } from '../../../server/assets/asset-fixtures.js';
import { printSlides } from '../../../server/pdf/pdf-fixtures.js';

/** Slide 1 shows two images from a subfolder (one named with a space); slide 2 one that is not uploaded. */
const TALK = [
  '# Pictures\n\n![chart](images/chart.png) ![team](images/team%20photo.png)',
  '## Missing\n\n![gone](images/missing.png)',
].join('\n\n---\n\n');

const png = (name: string, buffer: Buffer) => ({ name, mimeType: 'image/png', buffer });
const markdown = (name: string, text: string) => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });

/** The deck created last, read from the audience link on the result panel. */
async function createdDeck(page: Page, serverUrl: string): Promise<Deck> {
  const audienceUrl = await page.getByRole('textbox', { name: 'Audience link' }).inputValue();
  const id = audienceUrl.split('/d/')[1] ?? '';
  return (await (await fetch(`${serverUrl}/api/decks/${id}`)).json()) as Deck;
}

describeInBrowser('podium-start uploads', (suite) => {
  it('uploads a .md with its images chosen together, shows the warnings, and the audience sees the images', async () => {
    const page = await suite.pages.open('desktop', `${suite.server.url}/`);
    await page
      .getByLabel('Deck files')
      .setInputFiles([
        markdown('talk.md', TALK),
        png('chart.png', await smallPng(64, 48)),
        png('team photo.png', await smallPng(40, 30, { r: 20, g: 120, b: 40 })),
      ]);
    const chosen = page.getByRole('status').filter({ hasText: 'Ready to upload' });
    await expect.poll(() => chosen.textContent()).toContain('talk.md');
    expect(await chosen.textContent()).toContain('with 2 images');
    expect(await page.getByLabel('Slides in Markdown').count()).toBe(0);
    await saveScreenshot(page, 'start-upload-chosen.png');

    await page.getByRole('button', { name: 'Create deck' }).click();
    const heading = page.getByRole('heading', { name: /Pictures.*is ready/ });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((element) => element.matches(':focus'))).toBe(true);
    const report = page.getByRole('region', { name: /One thing to check/ });
    expect(await report.getByRole('heading', { name: 'Images and files' }).count()).toBe(1);
    expect(await report.getByRole('listitem').allTextContents()).toEqual([
      'Slide 2 shows "images/missing.png", which was not found next to the deck, so it is left out.',
    ]);
    await report.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'start-upload-warnings-light.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'start-upload-warnings-dark.png');

    await page.goto(await page.getByRole('textbox', { name: 'Audience link' }).inputValue());
    await shownHeading(page, 'Pictures').waitFor();
    const images = page.locator('podium-slide:not([preview]) img');
    await expect
      .poll(() => images.evaluateAll((all) => all.map((img) => (img as HTMLImageElement).naturalWidth > 0)))
      .toEqual([true, true]);
  });

  it('uploads a PDF with its notes: one slide per page, and no warnings', async () => {
    const pdf = await printSlides(suite.browser, [
      { heading: 'First page', lines: ['Hello'] },
      { heading: 'Second page' },
      { heading: 'Third page' },
    ]);
    const page = await suite.pages.open('phone', `${suite.server.url}/`);
    await page
      .getByLabel('Deck files')
      .setInputFiles([
        { name: 'talk.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
        markdown('talk.notes.md', 'One\n\n---\n\nTwo\n\n---\n\nThree'),
      ]);
    const chosen = page.getByRole('status').filter({ hasText: 'Ready to upload' });
    await expect.poll(() => chosen.textContent()).toContain('PDF with speaker notes from talk.notes.md');
    await page.getByRole('button', { name: 'Create deck' }).tap();
    await page.getByRole('heading', { name: /is ready/ }).waitFor({ timeout: 30_000 });
    expect((await createdDeck(page, suite.server.url)).slides).toHaveLength(3);
    expect(await page.getByText('Everything came through: no warnings.').count()).toBe(1);
  });

  it('takes a drop of files on the drop zone', async () => {
    const page = await suite.pages.open('desktop', `${suite.server.url}/`);
    const image = (await smallPng()).toString('base64');
    const transfer = await page.evaluateHandle((pngBase64) => {
      const bytes = Uint8Array.from(atob(pngBase64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File(['# Dropped\n\n![logo](assets/logo.png)'], 'dropped.md', { type: 'text/markdown' }));
      data.items.add(new File([bytes], 'logo.png', { type: 'image/png' }));
      return data;
    }, image);
    await page.getByRole('button', { name: /Drop your deck here/ }).dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByRole('status').filter({ hasText: 'dropped.md' }).waitFor();
    await page.getByRole('button', { name: 'Create deck' }).click();
    await page.getByRole('heading', { name: /Dropped.*is ready/ }).waitFor();
    expect(await page.getByText('Everything came through: no warnings.').count()).toBe(1);
    expect((await createdDeck(page, suite.server.url)).slides[0]?.html).toMatch(/\/api\/assets\/[0-9a-f]{64}/);
  });

  it('takes a folder: the deck at its top, assets by their paths inside it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'podium-folder-'));
    try {
      await mkdir(join(folder, 'talk', 'images'), { recursive: true });
      await writeFile(join(folder, 'talk', 'slides.md'), '# Folder talk\n\n![chart](images/chart.png)');
      await writeFile(join(folder, 'talk', 'images', 'chart.png'), await smallPng());
      const page = await suite.pages.open('desktop', `${suite.server.url}/`);
      await page.getByLabel('Choose a folder').setInputFiles(join(folder, 'talk'));
      await page.getByRole('status').filter({ hasText: 'slides.md' }).waitFor();
      await page.getByRole('button', { name: 'Create deck' }).click();
      await page.getByRole('heading', { name: /Folder talk.*is ready/ }).waitFor();
      expect(await page.getByText('Everything came through: no warnings.').count()).toBe(1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says so before uploading when no deck is among the files or a limit is passed', async () => {
    const page = await suite.pages.open('desktop', `${suite.server.url}/`);
    const input = page.getByLabel('Deck files');
    await input.setInputFiles([png('chart.png', await smallPng()), png('photo.png', await smallPng())]);
    const alert = page.getByRole('alert').filter({ hasText: /\w/ });
    await expect
      .poll(() => alert.textContent())
      .toBe('None of these files is a deck: include the Markdown (.md) file or the PDF of the talk.');
    await input.setInputFiles([
      markdown('big.md', `# Big\n\n${'x'.repeat(1100 * 1024)}`),
      png('chart.png', await smallPng()),
    ]);
    await expect
      .poll(() => alert.textContent())
      .toBe('"big.md" is 1.1 MiB; the Markdown of a deck can be at most 1 MiB.');
  });
});
