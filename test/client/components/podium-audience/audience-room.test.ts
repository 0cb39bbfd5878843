import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../../shared/protocol.js';
import type { AudienceResponse } from '../../../../shared/room-protocol.js';
import { axeViolations } from '../../../support/axe.js';
import { saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { eventually } from '../../../support/sse-client.js';

const DECK = ['# One', '---', '## Two', '---', '## Three'].join('\n');

/** Short, so the offline note needs no 20 s wait; the rule is the same. */
const OFFLINE_MS = 1500;

describeInBrowser(
  'podium-audience: the room talks back',
  (suite) => {
    async function audience(created: CreateDeckResponse, key = created.presenterKey): Promise<AudienceResponse> {
      const res = await fetch(`${suite.server.url}/api/decks/${created.deck.id}/audience`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as AudienceResponse;
    }

    const reaction = (page: Page, name: string) =>
      page.getByRole('toolbar', { name: 'Reactions' }).getByRole('button', { name });

    /** The accessible name of the focused element, inside shadow roots. */
    const focusedName = (page: Page) =>
      page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? '';
      });

    it('sends a tapped reaction on a phone, shows it as a burst, and passes axe', async () => {
      const created = await suite.server.createDeck(DECK, 'Room test');
      const page = await suite.pages.open('phone', created.links.audience);
      await shownHeading(page, 'One').waitFor();
      const toolbar = page.getByRole('toolbar', { name: 'Reactions' });
      expect(await toolbar.getByRole('button').count()).toBe(6);
      await reaction(page, 'Heart').tap();
      await reaction(page, 'Heart').tap();
      await reaction(page, 'Applause').tap();
      await eventually(
        async () => {
          const { reactions } = await audience(created);
          return reactions.heart === 2 && reactions.applause === 1;
        },
        5000,
        'the reactions counted',
      );
      await page.locator('podium-reaction-bursts .particle').first().waitFor();
      await saveScreenshot(page, 'audience-reactions-phone.png');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('walks the reaction bar by keyboard: one Tab stop, arrows, Home and End, Enter sends', async () => {
      const created = await suite.server.createDeck(DECK);
      const page = await suite.pages.open('desktop', created.links.audience);
      await shownHeading(page, 'One').waitFor();
      await reaction(page, 'Applause').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await focusedName(page)).toBe('Laugh');
      await page.keyboard.press('End');
      expect(await focusedName(page)).toBe('Question');
      await page.keyboard.press('ArrowRight');
      expect(await focusedName(page)).toBe('Applause');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      expect(await focusedName(page)).toBe('Heart');
      // Arrows in the bar move within it, never the slide.
      expect(await shownHeading(page, 'One').count()).toBe(1);
      await page.keyboard.press('Enter');
      await eventually(async () => (await audience(created)).reactions.heart === 1, 15_000, 'the heart counted');
      // The bar is one stop: Tab leaves it for the next control.
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('Show reactions on screen');
      await page.keyboard.press('Shift+Tab');
      expect(await focusedName(page)).toBe('Heart');
    });

    it('says when to wait after a 429, and rests the buttons meanwhile', async () => {
      const created = await suite.server.createDeck(DECK);
      const page = await suite.pages.open('phone', created.links.audience, (p) =>
        p.route('**/reactions', (route) =>
          route.fulfill({
            status: 429,
            headers: { 'Retry-After': '4', 'Content-Type': 'application/json' },
            body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many reactions; wait a moment.' } }),
          }),
        ),
      );
      await shownHeading(page, 'One').waitFor();
      await reaction(page, 'Wow').tap();
      await page
        .getByRole('status')
        .filter({ hasText: /wait \d s/ })
        .waitFor();
      expect(await reaction(page, 'Wow').getAttribute('aria-disabled')).toBe('true');
      await page
        .getByRole('status')
        .filter({ hasText: /wait \d s/ })
        .waitFor({ state: 'detached', timeout: 8000 });
      expect(await reaction(page, 'Wow').getAttribute('aria-disabled')).toBe('false');
    });

    it('reports browsing back and returning to live, and the switch turns bursts off', async () => {
      const created = await suite.server.createDeck(DECK);
      expect((await suite.server.putSlide(created.deck.id, created.presenterKey, 2)).status).toBe(200);
      const page = await suite.pages.open('desktop', created.links.audience);
      await shownHeading(page, 'Three').waitFor();
      await eventually(async () => (await audience(created)).live === 1, 15_000, 'one viewer live');
      await page.keyboard.press('ArrowLeft');
      await shownHeading(page, 'Two').waitFor();
      await eventually(async () => (await audience(created)).browsing === 1, 15_000, 'the viewer browsing');
      await page.getByRole('button', { name: /^Return to live/ }).click();
      await eventually(async () => (await audience(created)).live === 1, 15_000, 'the viewer live again');

      const toggle = page.getByRole('button', { name: 'Show reactions on screen' });
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
      await reaction(page, 'Laugh').click();
      await eventually(async () => (await audience(created)).reactions.laugh === 1, 15_000, 'the laugh counted');
      await page.waitForTimeout(1500);
      expect(await page.locator('podium-reaction-bursts .particle').count()).toBe(0);
      await page.reload();
      await shownHeading(page, 'Three').waitFor();
      await expect
        .poll(() => page.getByRole('button', { name: 'Show reactions on screen' }).getAttribute('aria-pressed'))
        .toBe('false');
    });

    it('shows a quiet counter instead of moving bursts under reduced motion', async () => {
      const created = await suite.server.createDeck(DECK);
      const page = await suite.pages.open('desktop', created.links.audience, (p) =>
        p.emulateMedia({ reducedMotion: 'reduce' }),
      );
      await shownHeading(page, 'One').waitFor();
      await reaction(page, 'Thumbs up').click();
      await page.locator('podium-reaction-bursts .counter').filter({ hasText: '1' }).waitFor();
      expect(await page.locator('podium-reaction-bursts .particle').count()).toBe(0);
    });

    it("says quietly when the presenter's remote is offline, and clears when it is back", async () => {
      const created = await suite.server.createDeck(DECK);
      const page = await suite.pages.open('phone', created.links.audience);
      const note = page.getByText("The presenter's remote is offline");
      await note.waitFor({ timeout: 10_000 });
      await saveScreenshot(page, 'audience-presenter-offline.png');
      expect(await axeViolations(page)).toEqual([]);
      // The remote spends its pairing link's key (single-use) for a device key: the API gets a key of its own first.
      const apiKey = await suite.server.mintKey(created.deck.id, created.presenterKey);
      const remote = await suite.pages.open('phone', created.links.remote);
      await shownHeading(remote, 'One').waitFor();
      await note.waitFor({ state: 'detached', timeout: 10_000 });
      // The remote's own stream is no viewer.
      await eventually(async () => (await audience(created, apiKey)).viewers === 1, 15_000, 'one viewer');
    });
  },
  { presenterOfflineMs: OFFLINE_MS },
);
