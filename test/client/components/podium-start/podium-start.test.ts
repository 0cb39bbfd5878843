import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';

/** Share of clearly dark pixels on a canvas: a drawn QR code has many, a blank one none. */
function darkShare(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const canvasElement = element as HTMLCanvasElement;
    const context = canvasElement.getContext('2d');
    if (!context || canvasElement.width === 0) return 0;
    const { data } = context.getImageData(0, 0, canvasElement.width, canvasElement.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 64) dark += 1;
    return dark / (data.length / 4);
  });
}

describeInBrowser('podium-start', (suite) => {
  it('creates a deck from pasted Markdown and shows both links with QR codes', async () => {
    const page = await suite.pages.open('desktop', `${suite.server.url}/`);
    await page.getByLabel('Title (optional)').fill('Pasted talk');
    await page.getByLabel('Slides in Markdown').fill('# Hello\n\nWorld\n---\n## Second');
    await saveScreenshot(page, 'start-desktop.png');
    await page.getByRole('button', { name: 'Create deck' }).click();

    const audienceLink = page.getByRole('textbox', { name: 'Audience link' });
    const remoteLink = page.getByRole('textbox', { name: 'Presenter remote' });
    await audienceLink.waitFor();
    // The presenter QR stays hidden (a mirrored projector would show it) until asked, with a warning.
    expect(await remoteLink.count()).toBe(0);
    expect(await page.getByRole('note').textContent()).toMatch(/Don't show this on the projector/);
    expect(await page.getByText(/^\s*Links use/).textContent()).toContain(new URL(suite.server.url).origin);
    const present = await page.getByRole('link', { name: 'Open the presenter view' }).getAttribute('href');
    expect(present).toMatch(/\/d\/[a-z0-9]+\/present#key=/);
    await page.getByRole('button', { name: 'Show presenter QR code' }).click();
    const audienceUrl = await audienceLink.inputValue();
    const remoteUrl = await remoteLink.inputValue();
    expect(audienceUrl).toMatch(new RegExp(`^${suite.server.url}/d/[^/#]+$`));
    expect(remoteUrl).toMatch(new RegExp(`^${audienceUrl}/remote#key=.+`));
    expect(await page.getByRole('heading', { name: /Pasted talk/ }).count()).toBe(1);

    for (const name of ['QR code for the audience link', 'QR code for the remote link']) {
      const qr = page.getByRole('img', { name });
      await qr.waitFor();
      await expect.poll(() => darkShare(qr)).toBeGreaterThan(0.2);
    }

    await page.goto(audienceUrl);
    await shownHeading(page, 'Hello').waitFor();
  });

  it('reads an uploaded .md file, and shows the server message when there are no slides', async () => {
    const page = await suite.pages.open('phone', `${suite.server.url}/`);
    await page.getByLabel('Deck files').setInputFiles({
      name: 'talk.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# From a file\n\nUploaded'),
    });
    await expect.poll(() => page.getByLabel('Slides in Markdown').inputValue()).toContain('# From a file');
    await page.getByRole('button', { name: 'Create deck' }).tap();
    await page.getByRole('heading', { name: /From a file/ }).waitFor();

    await page.getByLabel('Slides in Markdown').fill('---\n---');
    await page.getByRole('button', { name: 'Create deck' }).tap();
    const alert = page.getByRole('alert').filter({ hasText: /\w/ }).first();
    await alert.waitFor();
    const response = await fetch(`${suite.server.url}/api/decks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ markdown: '---\n---' }),
    });
    const body = (await response.json()) as { error: { message: string } };
    expect(response.status).toBe(422);
    expect(await alert.textContent()).toBe(body.error.message);
  });

  it('joins a talk by its code', async () => {
    const created = await suite.server.createDeck('# Joined\n\nHi');
    const page = await suite.pages.open('desktop', `${suite.server.url}/`);
    await page.getByLabel('Talk code or link').fill(` ${created.deck.id} `);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.waitForURL(`${suite.server.url}/d/${created.deck.id}`);
    await shownHeading(page, 'Joined').waitFor();
  });

  it('an unknown code lands on a clear not-found page with a way back; a code in capitals finds its talk', async () => {
    const page = await suite.pages.open('desktop', `${suite.server.url}/d/no-such-talk`);
    await page.getByRole('heading', { name: 'No talk has the code “no-such-talk”' }).waitFor();
    await page.getByRole('link', { name: 'Start or join another talk' }).click();
    await page.getByLabel('Talk code or link').waitFor();

    const created = await suite.server.createDeck('# Found');
    await page.getByLabel('Talk code or link').fill(created.deck.id.toUpperCase());
    await page.getByRole('button', { name: 'Join' }).click();
    await page.waitForURL(`${suite.server.url}/d/${created.deck.id}`);
  });
});
