import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { NO_RATE_LIMITS } from '../../../../server/security/limits.js';
import { connectionStatus, saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';

const DECK = [
  '# Room talk',
  '---',
  '## Vote now',
  '',
  '```poll',
  'Best fruit?',
  '- Apple',
  '- Pear',
  '- Plum',
  '```',
].join('\n');

const XSS =
  '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><a href="javascript:window.__xss=3">x</a>';

/** The remote's own Back button is named "Previous slide" (older than this UI; reported, not fixed here). */
const REMOTE_KNOWN = ['label-content-name-mismatch'];

/** Serious or critical axe violations of what is on the page now (ids and targets). */
async function axeViolations(page: Page, disabled: string[] = []): Promise<string[]> {
  const builder = new AxeBuilder({ page }).disableRules(disabled);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describeInBrowser(
  'the room on phones: questions and polls',
  (suite) => {
    it('asks (length limit and errors in words), lists by votes, votes and unvotes by keyboard, and never runs markup', async () => {
      const created = await suite.server.createDeck(DECK, 'Room');
      const phone = await suite.pages.open('phone', created.links.audience);
      await connectionStatus(phone, 'Live').waitFor();
      await phone.getByRole('button', { name: /^Questions, 0 open/ }).click();
      const dialog = phone.getByRole('dialog', { name: 'Questions' });
      await dialog.getByText('No questions yet').waitFor();

      const box = dialog.getByLabel('Ask the speaker');
      await box.fill('x'.repeat(281));
      await dialog.getByText('281 / 280 characters').waitFor();
      await dialog.getByRole('button', { name: 'Send question' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'the limit is 280' }).waitFor();

      await box.fill(XSS);
      await box.press('Tab');
      await phone.keyboard.press('Enter');
      await dialog.getByText('Your question was sent.').waitFor();
      const mine = dialog.getByRole('listitem').filter({ hasText: 'Your question' });
      await expect.poll(() => mine.locator('.text').textContent()).toBe(XSS);
      expect(await phone.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

      // Another viewer asks; the list follows the stream, most votes first once voted up.
      const other = await fetch(`${suite.server.url}/api/decks/${created.deck.id}/questions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'How does it scale?' }),
      });
      expect(other.status).toBe(201);
      const scale = dialog.getByRole('listitem').filter({ hasText: 'How does it scale?' });
      await scale.waitFor();
      const vote = scale.getByRole('button', { name: /^Vote for this question, 0 votes/ });
      await vote.focus();
      await phone.keyboard.press('Enter');
      const taken = scale.getByRole('button', { name: /^Take back your vote, 1 vote/ });
      await taken.waitFor();
      expect(await taken.getAttribute('aria-pressed')).toBe('true');
      await expect
        .poll(() => dialog.getByRole('listitem').first().locator('.text').textContent())
        .toBe('How does it scale?');
      await saveScreenshot(phone, 'room-questions-phone.png');
      expect(await axeViolations(phone)).toEqual([]);

      await taken.press(' ');
      await scale.getByRole('button', { name: /^Vote for this question, 0 votes/ }).waitFor();
      await phone.keyboard.press('Escape');
      await phone.getByRole('button', { name: /^Questions, 2 open/ }).waitFor();
      expect(await phone.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    });

    it('votes in the slide poll card, marks the vote, shows the bar chart once revealed and stops when closed', async () => {
      const created = await suite.server.createDeck(DECK, 'Poll');
      expect((await suite.server.putSlide(created.deck.id, created.presenterKey, 1)).status).toBe(200);
      const phone = await suite.pages.open('phone', created.links.audience);
      await shownHeading(phone, 'Vote now').waitFor();
      const choices = phone.getByRole('group', { name: 'Best fruit?' });
      const pear = choices.getByRole('button', { name: 'Pear' });
      await pear.focus();
      await phone.keyboard.press('Enter');
      await expect.poll(() => pear.getAttribute('aria-pressed')).toBe('true');
      await phone.getByText('Your vote counts.').waitFor();
      expect(await phone.locator('podium-bar-chart').count()).toBe(0);

      const control = (body: unknown) =>
        fetch(`${suite.server.url}/api/decks/${created.deck.id}/polls/s1p1`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${created.presenterKey}` },
          body: JSON.stringify(body),
        });
      expect((await control({ revealed: true })).status).toBe(200);
      await phone.locator('podium-bar-chart').getByText('Pear: 1 votes (100%)').waitFor({ state: 'attached' });
      await saveScreenshot(phone, 'room-poll-phone.png');
      expect(await axeViolations(phone)).toEqual([]);

      expect((await control({ open: false })).status).toBe(200);
      await phone.getByText('Voting is closed.').waitFor();
      expect(await choices.getByRole('button', { name: 'Apple' }).isDisabled()).toBe(true);
    });

    it('gives the presenter a badge, answer and hide (gone from every screen at once), poll controls and the top questions on screen', async () => {
      const created = await suite.server.createDeck(DECK, 'Remote room');
      const audience = await suite.pages.open('desktop', created.links.audience);
      await connectionStatus(audience, 'Live').waitFor();
      const remote = await suite.pages.open('phone', created.links.remote);
      await connectionStatus(remote, 'Live').waitFor();
      for (const text of ['Kept question', 'Rude question']) {
        const res = await fetch(`${suite.server.url}/api/decks/${created.deck.id}/questions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text }),
        });
        expect(res.status).toBe(201);
      }
      await remote.getByRole('button', { name: 'Audience questions, 2 new' }).click();
      const panel = remote.getByRole('dialog', { name: 'Audience questions' });
      await panel.getByText('Rude question').waitFor();
      await remote.getByRole('button', { name: 'Audience questions, 0 new' }).waitFor({ state: 'attached' });

      await panel.getByRole('button', { name: 'Top questions on screen' }).click();
      const spotlight = audience.getByRole('complementary', { name: 'Top questions' });
      await spotlight.getByText('Rude question').waitFor();

      const rude = panel.getByRole('listitem').filter({ hasText: 'Rude question' });
      await rude.getByRole('button', { name: 'Hide' }).click();
      await rude.getByText('Hidden').waitFor();
      await spotlight.getByText('Rude question').waitFor({ state: 'detached' });
      await spotlight.getByText('Kept question').waitFor();
      const kept = panel.getByRole('listitem').filter({ hasText: 'Kept question' });
      await kept.getByRole('button', { name: 'Answered' }).click();
      await kept.getByText('Answered', { exact: true }).first().waitFor();
      await saveScreenshot(remote, 'room-remote-questions-phone.png');
      expect(await axeViolations(remote, REMOTE_KNOWN)).toEqual([]);
      await saveScreenshot(audience, 'room-spotlight-desktop.png');

      await panel.getByRole('button', { name: 'Go to slide 1' }).first().click();
      await remote.keyboard.press('ArrowRight');
      await shownHeading(remote, 'Vote now').waitFor();
      await remote.getByRole('button', { name: 'Reveal results' }).click();
      await remote.getByText('results shown to the room').waitFor();
      await shownHeading(audience, 'Vote now').waitFor();
      await audience.locator('podium-bar-chart').first().waitFor();
      await remote.getByRole('button', { name: 'Close voting' }).click();
      await audience.getByText('Voting is closed.').waitFor();
      await saveScreenshot(remote, 'room-remote-poll-phone.png');
      expect(await axeViolations(remote, REMOTE_KNOWN)).toEqual([]);
    });
  },
  { limits: NO_RATE_LIMITS },
);
