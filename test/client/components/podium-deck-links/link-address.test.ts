import AxeBuilder from '@axe-core/playwright';
import { expect, it } from 'vitest';
import { lanAddresses } from '../../../../server/http/lan-address.js';
import { newPhoneContext, saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { startTestServer } from '../../../support/server.js';

// Bound to every IPv4 and IPv6 address, the start page offers each one a phone could open.
const addresses = lanAddresses('::');
const severalNetworks = addresses.length >= 2;
if (!severalNetworks) console.warn('\n*** fewer than two LAN addresses: the address picker test is skipped ***\n');

const urlHost = (address: string) => (address.includes(':') ? `[${address}]` : address);

describeInBrowser(
  'the start page: which address links use',
  (suite) => {
    it.skipIf(!severalNetworks)(
      'names the address links use, opened as localhost, and lets the presenter pick another',
      async () => {
        const port = new URL(suite.server.url).port;
        const page = await suite.pages.open('desktop', `http://localhost:${port}/`);
        await page.getByLabel('Slides in Markdown').fill('# Picked\n\nHello');
        await page.getByRole('button', { name: 'Create deck' }).click();
        const audienceLink = page.getByRole('textbox', { name: 'Audience link' });
        await audienceLink.waitFor();

        const first = addresses.find((entry) => entry.family === 'IPv4') ?? addresses[0]!;
        const firstBase = `http://${urlHost(first.address)}:${port}`;
        const note = page.locator('#address-note');
        await expect.poll(() => note.textContent()).toContain(`Links use ${firstBase}, this machine's address on`);
        const picker = page.getByRole('combobox', { name: 'Address for links' });
        const options = await picker.locator('option').allTextContents();
        expect(options.map((text) => text.trim().split(' ')[0])).toEqual(
          [...addresses]
            .sort((a, b) => (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1))
            .map((a) => a.address),
        );
        expect(await audienceLink.inputValue()).toMatch(new RegExp(`^${firstBase.replace(/[[\]]/g, '\\$&')}/d/`));
        expect((await new AxeBuilder({ page }).include('podium-start').analyze()).violations).toEqual([]);

        // Pick another address: every link and QR code follows, the remote's key stays.
        const other = addresses.find((entry) => entry.address !== first.address)!;
        const otherBase = `http://${urlHost(other.address)}:${port}`;
        await picker.focus();
        await picker.selectOption(otherBase);
        await expect.poll(() => audienceLink.inputValue()).toMatch(/\/d\/[a-z0-9]+$/);
        const audienceUrl = await audienceLink.inputValue();
        expect(audienceUrl.startsWith(`${otherBase}/d/`)).toBe(true);
        expect(await note.textContent()).toContain(`Links use ${otherBase}, this machine's address on ${other.name}`);
        await page.getByRole('button', { name: 'Show presenter QR code' }).click();
        const remoteUrl = await page.getByRole('textbox', { name: 'Presenter remote' }).inputValue();
        expect(remoteUrl).toMatch(
          new RegExp(`^${audienceUrl.replace(/[[\]]/g, '\\$&')}/remote#key=[A-Za-z0-9_-]{43}$`),
        );
        await saveScreenshot(page, 'start-address-picker.png');

        // The pick is kept for the next deck, and the picked address really serves the deck.
        await page.reload();
        await page.getByLabel('Slides in Markdown').fill('# Again');
        await page.getByRole('button', { name: 'Create deck' }).click();
        await expect.poll(() => audienceLink.inputValue()).toContain(`${otherBase}/d/`);
        // (A fresh phone, without the test's CSP route: Chromium counts a routed document as public.)
        const phone = await newPhoneContext(suite.browser);
        try {
          const viewer = await phone.newPage();
          await viewer.goto(audienceUrl);
          await shownHeading(viewer, 'Picked').waitFor();
        } finally {
          await phone.close();
        }
      },
    );

    it('with PUBLIC_URL set, shows it as the address links use and offers no other', async () => {
      const published = await startTestServer({ host: '::', publicUrl: 'https://talks.example.org' });
      try {
        const page = await suite.pages.open('desktop', `${published.url}/`);
        await page.getByLabel('Slides in Markdown').fill('# Public');
        await page.getByRole('button', { name: 'Create deck' }).click();
        const note = page.locator('#address-note');
        await expect
          .poll(() => note.textContent())
          .toMatch(/Links use https:\/\/talks\.example\.org, set by PUBLIC_URL/);
        expect(await page.getByRole('combobox', { name: 'Address for links' }).count()).toBe(0);
      } finally {
        await published.stop();
      }
    });
  },
  { host: '::' },
);
