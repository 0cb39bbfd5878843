import type { Browser, Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../../shared/protocol.js';
import {
  collectProblems,
  connectionStatus,
  enforceStrictCsp,
  newPhoneContext,
  saveScreenshot,
  shownHeading,
} from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { fetchState } from '../../../support/server.js';

const LONG_NOTE = Array.from({ length: 50 }, (_, i) => `Point ${i + 1}: something worth saying aloud.`).join('\n\n');
const DECK = ['# One', 'Note:', LONG_NOTE, '---', '## Two', 'Note:', 'Short.', '---', '## Three'].join('\n');

/** A one-finger horizontal swipe across `target`'s middle (CDP touch events). */
async function swipeOn(page: Page, target: Locator, direction: 'left' | 'right'): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to swipe on');
  const cdp = await page.context().newCDPSession(page);
  const y = box.y + box.height / 2;
  const [from, to] =
    direction === 'left'
      ? [box.x + box.width * 0.85, box.x + box.width * 0.15]
      : [box.x + box.width * 0.15, box.x + box.width * 0.85];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y }] });
  for (let step = 1; step <= 5; step++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: from + ((to - from) * step) / 5, y }],
    });
  }
  await page.waitForTimeout(150);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** True when `locator` lies wholly inside the page's viewport. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5
  );
}

describeInBrowser('the remote in every posture', (suite) => {
  const problems: string[] = [];
  async function openIn(browser: Browser, created: CreateDeckResponse, viewport: { width: number; height: number }) {
    const context = await newPhoneContext(browser, { viewport });
    await enforceStrictCsp(context);
    const page = await context.newPage();
    collectProblems(page, problems);
    await page.goto(created.links.remote);
    await connectionStatus(page, 'Live').waitFor();
    return page;
  }

  it('keeps Back, Next and the notes in view on a phone held sideways', async () => {
    const created = await suite.server.createDeck(DECK, 'Landscape');
    const remote = await openIn(suite.browser, created, { width: 844, height: 390 });
    for (const name of ['Back', 'Next slide'])
      expect(await inView(remote, remote.getByRole('button', { name }))).toBe(true);
    expect(await inView(remote, remote.locator('.current podium-slide'))).toBe(true);
    const notes = remote.getByRole('region', { name: 'Speaker notes' });
    expect((await notes.boundingBox())?.height ?? 0).toBeGreaterThan(120);
    expect(await inView(remote, notes)).toBe(true);
    await saveScreenshot(remote, 'remote-landscape.png');
    await remote.getByRole('button', { name: 'Next slide' }).tap();
    await shownHeading(remote, 'Two').waitFor();
    await remote.context().close();
    expect(problems).toEqual([]);
  });

  it('fits the pair dialog in 320 px, Revoke buttons and dates included', async () => {
    const created = await suite.server.createDeck(DECK);
    const remote = await openIn(suite.browser, created, { width: 320, height: 640 });
    await remote.getByRole('button', { name: 'Pair another device' }).tap();
    const dialog = remote.getByRole('dialog', { name: 'Pair another device' });
    await dialog.getByRole('textbox', { name: 'Name of the new device' }).fill('A co-presenter with a long name');
    await dialog.getByRole('button', { name: 'New pairing code' }).tap();
    const revoke = dialog.getByRole('button', { name: /^Revoke / });
    await revoke.waitFor();
    for (const part of [revoke, dialog.getByRole('button', { name: 'Close' }), dialog.locator('li small').first()]) {
      expect(await inView(remote, part)).toBe(true);
    }
    const overflow = await dialog.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(remote, 'remote-pair-320.png');
    await remote.context().close();
    expect(problems).toEqual([]);
  });

  it('swipes on the notes too, scrolls focused notes by keyboard, and sizes their text', async () => {
    const created = await suite.server.createDeck(DECK);
    const remote = await suite.pages.open('phone', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    const notes = remote.getByRole('region', { name: 'Speaker notes' });
    await swipeOn(remote, notes, 'left');
    await shownHeading(remote, 'Two').waitFor();
    await swipeOn(remote, notes, 'right');
    await shownHeading(remote, 'One').waitFor();
    await expect.poll(async () => (await fetchState(suite.server.url, created.deck.id)).index).toBe(0);

    await notes.focus();
    const scrollTop = () => notes.evaluate((el) => el.scrollTop);
    for (const key of ['PageDown', 'ArrowDown', 'Space']) await remote.keyboard.press(key);
    await expect.poll(scrollTop).toBeGreaterThan(100);
    await shownHeading(remote, 'One').waitFor();

    const fontSize = () => notes.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const before = await fontSize();
    await remote.getByRole('button', { name: 'Larger notes text' }).tap();
    await remote.getByRole('button', { name: 'Larger notes text' }).tap();
    expect(await fontSize()).toBeGreaterThan(before * 1.3);
    await remote.reload();
    await connectionStatus(remote, 'Live').waitFor();
    expect(await fontSize()).toBeGreaterThan(before * 1.3);
  });
});
