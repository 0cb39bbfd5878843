import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../../shared/protocol.js';
import { connectionStatus, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';

const DECK = ['# One', '---', '## Two', '---', '## Three', '---', '## Four', '---', '## Five'].join('\n');

/** Generous bound for reconnects: backoff with jitter, never a fixed schedule. */
const RECOVERY_MS = 10_000;

describeInBrowser('podium-audience', (suite) => {
  /** Moves the deck like a presenter would, and checks the server took it. */
  async function present(created: CreateDeckResponse, index: number): Promise<void> {
    const response = await suite.server.putSlide(created.deck.id, created.presenterKey, index);
    expect(response.status).toBe(200);
  }

  const livePill = (page: Page) => page.getByRole('button', { name: /^Return to live/ });

  it('follows the presenter, and a reload lands on the current slide', async () => {
    const created = await suite.server.createDeck(DECK, 'Audience test');
    await present(created, 2);
    const audience = await suite.pages.open('desktop', created.links.audience);
    await shownHeading(audience, 'Three').waitFor();
    await present(created, 3);
    await shownHeading(audience, 'Four').waitFor();
    expect(await audience.title()).toBe('4/5 · Audience test · Podium');
    expect(await audience.locator('[aria-live="polite"]').textContent()).toContain('Slide 4 of 5: Four');

    await audience.reload();
    await shownHeading(audience, 'Four').waitFor();
    await connectionStatus(audience, 'Live').waitFor();
  });

  it('catches up after the network drops and comes back', async () => {
    const created = await suite.server.createDeck(DECK);
    const audience = await suite.pages.open('desktop', created.links.audience);
    await connectionStatus(audience, 'Live').waitFor();

    await audience.context().setOffline(true);
    await connectionStatus(audience, /Offline|Reconnecting/).waitFor({ timeout: RECOVERY_MS });
    await present(created, 1);
    await audience.waitForTimeout(500);
    expect(await shownHeading(audience, 'One').count()).toBe(1);

    await audience.context().setOffline(false);
    await shownHeading(audience, 'Two').waitFor({ timeout: RECOVERY_MS });
    await connectionStatus(audience, 'Live').waitFor();
  });

  it('keeps reconnecting after a non-200 answer (where EventSource gives up) and lands on the current slide', async () => {
    const created = await suite.server.createDeck(DECK);
    const audience = await suite.pages.open('desktop', created.links.audience);
    await connectionStatus(audience, 'Live').waitFor();

    let refused = 0;
    await audience.route('**/events', (route) => {
      refused += 1;
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"error":{"code":"unavailable","message":"Restarting."}}',
      });
    });
    suite.server.hub.closeAll();
    await present(created, 2);
    await connectionStatus(audience, /Offline|Reconnecting/).waitFor({ timeout: RECOVERY_MS });
    await expect.poll(() => refused, { timeout: RECOVERY_MS }).toBeGreaterThanOrEqual(2);
    expect(await shownHeading(audience, 'One').count()).toBe(1);

    await audience.unroute('**/events');
    await shownHeading(audience, 'Three').waitFor({ timeout: RECOVERY_MS });
    await connectionStatus(audience, 'Live').waitFor();
  });

  it('lets a viewer browse away, shows the live slide in a pill, and one tap returns to live', async () => {
    const created = await suite.server.createDeck(DECK);
    await present(created, 2);
    const audience = await suite.pages.open('desktop', created.links.audience);
    await shownHeading(audience, 'Three').waitFor();
    expect(await livePill(audience).count()).toBe(0);

    await audience.keyboard.press('ArrowLeft');
    await shownHeading(audience, 'Two').waitFor();
    await livePill(audience).filter({ hasText: 'Live: slide 3' }).waitFor();

    // The presenter moves on; the viewer stays where they are, the pill follows.
    await present(created, 3);
    await livePill(audience).filter({ hasText: 'Live: slide 4' }).waitFor();
    expect(await shownHeading(audience, 'Two').count()).toBe(1);

    await livePill(audience).click();
    await shownHeading(audience, 'Four').waitFor();
    expect(await livePill(audience).count()).toBe(0);

    // Following live again from now on.
    await present(created, 4);
    await shownHeading(audience, 'Five').waitFor();
  });

  it('on a phone, a swipe browses and the buttons are labelled', async () => {
    const created = await suite.server.createDeck(DECK);
    const audience = await suite.pages.open('phone', created.links.audience);
    await shownHeading(audience, 'One').waitFor();
    await swipe(audience, 'left');
    await shownHeading(audience, 'Two').waitFor();
    await livePill(audience).filter({ hasText: 'Live: slide 1' }).waitFor();
    await audience.getByRole('button', { name: 'Previous slide' }).tap();
    await shownHeading(audience, 'One').waitFor();
    expect(await livePill(audience).count()).toBe(0);
  });
});

/** A horizontal one-finger swipe across the middle of the page (CDP touch events). */
async function swipe(page: Page, direction: 'left' | 'right'): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { width, height } = page.viewportSize() ?? { width: 390, height: 844 };
  const [from, to] = direction === 'left' ? [width * 0.8, width * 0.2] : [width * 0.2, width * 0.8];
  const y = height / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y }] });
  for (let step = 1; step <= 5; step++) {
    const x = from + ((to - from) * step) / 5;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  // Rest a moment before lifting: a fling would make Chrome swallow the next tap's click.
  await page.waitForTimeout(150);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
