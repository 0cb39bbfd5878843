import { expect, it } from 'vitest';
import { shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { fetchState, SAMPLE_DECK } from '../../../support/server.js';

describeInBrowser('pairing another device from the remote', (suite) => {
  it('shows a QR code whose link drives the deck from a second phone, until the first revokes it', async () => {
    const created = await suite.server.createDeck(SAMPLE_DECK, 'Pairing');
    const first = await suite.pages.open('phone', created.links.remote);
    await shownHeading(first, 'One').waitFor();

    await first.getByRole('button', { name: 'Pair another device' }).click();
    const dialog = first.getByRole('dialog', { name: 'Pair another device' });
    await dialog.getByRole('textbox', { name: 'Name of the new device' }).fill('Second phone');
    await dialog.getByRole('button', { name: 'New pairing code' }).click();
    const link = await dialog.getByRole('textbox', { name: 'New remote link' }).inputValue();
    expect(link).toMatch(new RegExp(`^${suite.server.url}/d/${created.deck.id}/remote#key=[A-Za-z0-9_-]{43}$`));
    expect(link).not.toContain(created.presenterKey);
    expect(
      await dialog.locator('podium-qr canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width),
    ).toBeGreaterThan(100);
    await dialog.getByText('This device').waitFor();

    const second = await suite.pages.open('phone', link);
    await shownHeading(second, 'One').waitFor();
    await second.getByRole('button', { name: 'Next slide' }).click();
    await expect.poll(async () => (await fetchState(suite.server.url, created.deck.id)).index).toBe(1);

    // The code is spent: the dialog sees it used and names the device it paired.
    await dialog.getByText('Paired: “Second phone (Chrome on Linux)” can drive this deck').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'New remote link' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Revoke Second phone (Chrome on Linux)' }).click();
    await dialog.getByText('can no longer change slides').waitFor();
    await second.getByRole('button', { name: 'Next slide' }).click();
    await second.getByRole('heading', { name: 'This presenter key does not work' }).waitFor();
    expect((await fetchState(suite.server.url, created.deck.id)).index).toBe(1);
  });
});
