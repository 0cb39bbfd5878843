import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from '../../../support/axe.js';
import { connectionStatus, saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';

const DECK = ['# One', '---', '## Two', '---', '## Three'].join('\n');

/** The radar's sentence about people, once it says `text`. */
const people = (remote: Page, text: RegExp) =>
  remote.getByRole('region', { name: 'The room' }).locator('.people', { hasText: text });

describeInBrowser('podium-remote: the room radar', (suite) => {
  it('counts who follows and who browses back (never the remote itself), and the last minute of reactions', async () => {
    const created = await suite.server.createDeck(DECK, 'Radar test');
    expect((await suite.server.putSlide(created.deck.id, created.presenterKey, 2)).status).toBe(200);
    const remote = await suite.pages.open('phone', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    // Alone with its own stream: nobody in the room yet.
    await people(remote, /^\s*0 following live\s+0 browsing back\s*$/).waitFor({ timeout: 15_000 });

    const follower = await suite.pages.open('phone', created.links.audience);
    const browser = await suite.pages.open('desktop', created.links.audience);
    await shownHeading(follower, 'Three').waitFor();
    await shownHeading(browser, 'Three').waitFor();
    await browser.keyboard.press('ArrowLeft');
    await shownHeading(browser, 'Two').waitFor();
    await people(remote, /1 following live\s+1 browsing back/).waitFor({ timeout: 15_000 });

    const bar = follower.getByRole('toolbar', { name: 'Reactions' });
    await bar.getByRole('button', { name: 'Heart' }).tap();
    await bar.getByRole('button', { name: 'Heart' }).tap();
    await bar.getByRole('button', { name: 'Question' }).tap();
    const minute = remote.getByRole('list', { name: 'Reactions in the last minute: 3' });
    await minute.waitFor({ timeout: 10_000 });
    expect(await minute.getByRole('listitem').filter({ hasText: 'Heart:2' }).count()).toBe(1);
    expect(await minute.getByRole('listitem').filter({ hasText: 'Question:1' }).count()).toBe(1);
    // The same taps burst over the remote's current slide.
    await remote.locator('podium-reaction-bursts .particle').first().waitFor();
    await saveScreenshot(remote, 'remote-radar-phone.png');
    expect(await axeViolations(remote, [['podium-remote', 'podium-room-radar']])).toEqual([]);

    const toggle = remote.getByRole('button', { name: 'Show reactions on screen' });
    await toggle.tap();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await remote.locator('podium-reaction-bursts .particle').count()).toBe(0);
  });
});
