import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from '../../../support/axe.js';
import { connectionStatus, saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { SPOILER_DECK } from '../../../server/room/room-fixtures.js';

/** The text of the audience page's big slide. */
const slideText = (page: Page) =>
  page.evaluate(() => {
    const slide = document.querySelector('podium-audience')?.shadowRoot?.querySelector('podium-slide');
    return slide?.shadowRoot?.textContent ?? '';
  });

const readAhead = (remote: Page) => remote.getByRole('switch', { name: 'Audience may read ahead' });
const roomBursts = (remote: Page) => remote.getByRole('switch', { name: 'Reactions on every screen' });

describeInBrowser('podium-room-settings: the room, switched from the remote', (suite) => {
  it('turning reading ahead off takes the unreached slides off the audience page at once; on brings them back', async () => {
    const created = await suite.server.createDeck(SPOILER_DECK, 'Spoilers');
    const [remoteLink] = await suite.server.pairingLinks(created, 1);
    expect((await suite.server.putSlide(created.deck.id, created.presenterKey, 1)).status).toBe(200);
    const viewer = await suite.pages.open('desktop', created.links.audience);
    await shownHeading(viewer, 'Riddle').waitFor();
    // Free to read ahead: the viewer browses to the last slide.
    await viewer.keyboard.press('End');
    await shownHeading(viewer, 'Finale').waitFor();

    const remote = await suite.pages.open('phone', remoteLink ?? '');
    await connectionStatus(remote, 'Live').waitFor();
    // The presenter view on the same device (it holds the key now) shows the same switches.
    const present = await remote.context().newPage();
    await present.goto(`${suite.server.url}/d/${created.deck.id}/present`);
    await connectionStatus(present, 'Live').waitFor();
    expect(await readAhead(present).getAttribute('aria-checked')).toBe('true');
    expect(await readAhead(remote).getAttribute('aria-checked')).toBe('true');
    await readAhead(remote).tap();
    await remote.getByRole('status').filter({ hasText: 'only the slides you have shown' }).waitFor();
    expect(await readAhead(remote).getAttribute('aria-checked')).toBe('false');

    // The viewer is taken back to the furthest slide shown, and can go no further.
    await shownHeading(viewer, 'Riddle').waitFor();
    const next = viewer.getByRole('button', { name: 'Next slide' });
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    expect(await viewer.locator('.counter').textContent()).toBe('2 / 4');
    await viewer.keyboard.press('ArrowRight');
    expect(await slideText(viewer)).toContain('zanzibar');
    const html = await viewer.evaluate(() => {
      const root = document.querySelector('podium-audience')?.shadowRoot;
      return [...(root?.querySelectorAll('podium-slide, podium-reader') ?? [])]
        .map((el) => el.shadowRoot?.innerHTML ?? '')
        .join('');
    });
    expect(html).not.toMatch(/quetzal|xylophone/);
    // Every presenter screen follows, whichever one flipped the switch.
    await present.getByRole('switch', { name: 'Audience may read ahead', checked: false }).waitFor();
    await saveScreenshot(present, 'present-room-settings-phone.png');
    await present.close();
    await saveScreenshot(remote, 'remote-room-settings-phone.png');
    expect(
      await axeViolations(remote, [
        ['podium-remote', 'podium-room-radar'],
        ['podium-remote', 'podium-room-settings'],
      ]),
    ).toEqual([]);

    // The remote keeps the setting through a reload: it comes from the server.
    await remote.reload();
    await connectionStatus(remote, 'Live').waitFor();
    expect(await readAhead(remote).getAttribute('aria-checked')).toBe('false');
    await readAhead(remote).tap();
    await remote.getByRole('status').filter({ hasText: 'may read ahead' }).waitFor();
    await viewer.locator('.toolbar button[aria-label="Next slide"][aria-disabled="false"]').waitFor();
    await viewer.keyboard.press('End');
    await shownHeading(viewer, 'Finale').waitFor();
  });

  it('turning bursts off stops them on every audience screen and the projector; the presenter still counts', async () => {
    const created = await suite.server.createDeck(SPOILER_DECK, 'Quiet room');
    const [remoteLink] = await suite.server.pairingLinks(created, 1);
    const phone = await suite.pages.open('phone', created.links.audience);
    const projector = await suite.pages.open('desktop', `${created.links.audience}?projector`);
    const remote = await suite.pages.open('phone', remoteLink ?? '');
    await connectionStatus(remote, 'Live').waitFor();
    await shownHeading(projector, 'Opening').waitFor();
    const heart = phone.getByRole('toolbar', { name: 'Reactions' }).getByRole('button', { name: 'Heart' });
    const particles = (page: Page) => page.locator('podium-reaction-bursts .particle');

    await heart.tap();
    await particles(projector).first().waitFor();
    await roomBursts(remote).tap();
    await remote.getByRole('status').filter({ hasText: 'you still see the counts' }).waitFor();
    expect(await roomBursts(remote).getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => particles(projector).count()).toBe(0);
    await expect.poll(() => particles(phone).count()).toBe(0);
    const own = phone.getByRole('button', { name: 'The presenter turned reactions off on screens' });
    expect(await own.getAttribute('aria-disabled')).toBe('true');

    await heart.tap();
    await heart.tap();
    await remote.getByRole('list', { name: 'Reactions in the last minute: 3' }).waitFor({ timeout: 10_000 });
    expect(await particles(projector).count()).toBe(0);
    expect(await particles(phone).count()).toBe(0);
    expect(await axeViolations(phone)).toEqual([]);

    // A screen opened now is quiet too; turned back on, the room bursts again.
    const late = await suite.pages.open('desktop', `${created.links.audience}?projector`);
    await shownHeading(late, 'Opening').waitFor();
    await remote.reload();
    await connectionStatus(remote, 'Live').waitFor();
    expect(await roomBursts(remote).getAttribute('aria-checked')).toBe('false');
    await roomBursts(remote).tap();
    await remote.getByRole('status').filter({ hasText: 'burst on every screen again' }).waitFor();
    await phone.getByRole('button', { name: 'Show reactions on screen' }).waitFor();
    await heart.tap();
    await particles(late).first().waitFor();
  });
});
