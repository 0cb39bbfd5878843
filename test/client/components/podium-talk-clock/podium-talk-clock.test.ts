import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { PresenterDeck } from '../../../../shared/protocol.js';
import { connectionStatus, saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { fetchState } from '../../../support/server.js';

const TIMED_DECK = [
  '---',
  'title: Timed talk',
  'duration: 35min',
  '---',
  '# One',
  '---',
  '# Two',
  '---',
  '# Three',
  '---',
  '# Four',
].join('\n');

/**
 * Sets the phone's clock to `at`, and the `Date` of every API answer it gets from then on:
 * the clock reads elapsed time by the server's clock, as the answers' `Date` headers give it.
 */
async function serverAndDeviceAt(page: Page, at: number): Promise<void> {
  await page.route(
    (url) => url.pathname.startsWith('/api/') && !url.pathname.endsWith('/events'),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), date: new Date(at).toUTCString() } });
    },
  );
  await page.clock.setFixedTime(at);
}

describeInBrowser('podium-talk-clock', (suite) => {
  const presenterClock = async (deckId: string, key: string) => {
    const res = await fetch(`${suite.server.url}/api/decks/${deckId}/presenter`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    return ((await res.json()) as PresenterDeck).clock;
  };

  it('shows two remotes the same elapsed time, counting down from the front matter duration', async () => {
    const created = await suite.server.createDeck(TIMED_DECK);
    // Pairing links are single-use: the second remote gets its own, and the API a key of its own.
    const [secondLink = ''] = await suite.server.pairingLinks(created, 1);
    const apiKey = await suite.server.mintKey(created.deck.id, created.presenterKey);
    const first = await suite.pages.open('phone', created.links.remote);
    await connectionStatus(first, 'Live').waitFor();
    // Before the talk starts: nothing elapsed, the whole 35 minutes left.
    const clockOf = (page: typeof first) => page.locator('podium-talk-clock');
    await clockOf(first).getByText('35:00 left').waitFor();
    await first.getByRole('button', { name: 'Next slide' }).tap();
    await shownHeading(first, 'Two').waitFor();

    const clock = await presenterClock(created.deck.id, apiKey);
    expect(clock.durationMinutes).toBe(35);
    const startedAt = clock.startedAt ?? 0;
    expect(startedAt).toBeGreaterThan(0);

    // The second remote opens later, in another browser context: same start, so the same clock.
    const second = await suite.pages.open('phone', secondLink);
    await connectionStatus(second, 'Live').waitFor();
    // Twelve minutes later, for the phones and for the server they take the time from.
    const at = startedAt + 12 * 60_000 + 5_000;
    for (const page of [first, second]) await serverAndDeviceAt(page, at);
    // The server's time is known to within a second (the Date header's resolution).
    for (const page of [first, second]) {
      await clockOf(page)
        .locator('time', { hasText: /^12:0[456]$/ })
        .waitFor();
      await clockOf(page)
        .getByText(/^22:5[456] left$/)
        .waitFor();
      // Slide 2 of 4 at a third of the time: on pace.
      await clockOf(page).getByText('2 slides in 23 min · on pace').waitFor();
    }
    await saveScreenshot(second, 'remote-clock-phone.png');
  });

  it("counts by the server's clock on a phone whose own clock is ten minutes fast", async () => {
    const created = await suite.server.createDeck(TIMED_DECK);
    const remote = await suite.pages.open('phone', created.links.remote, (page) =>
      page.clock.install({ time: Date.now() + 10 * 60_000 }),
    );
    await connectionStatus(remote, 'Live').waitFor();
    await remote.getByRole('button', { name: 'Next slide' }).tap();
    await shownHeading(remote, 'Two').waitFor();
    // Started just now by the server's clock: well under a minute, not ten.
    const clock = remote.locator('podium-talk-clock');
    await clock.locator('time', { hasText: /^0:\d\d$/ }).waitFor();
    await clock.getByText(/^(34:\d\d|35:00) left$/).waitFor();
  });

  it('starts over after a rehearsal, with confirmation: slide 1 for everyone, clock stopped', async () => {
    const created = await suite.server.createDeck(TIMED_DECK);
    const apiKey = await suite.server.mintKey(created.deck.id, created.presenterKey);
    const remote = await suite.pages.open('phone', created.links.remote);
    const audience = await suite.pages.open('phone', created.links.audience);
    await connectionStatus(remote, 'Live').waitFor();
    await remote.getByRole('button', { name: 'Next slide' }).tap();
    await remote.getByRole('button', { name: 'Next slide' }).tap();
    await shownHeading(audience, 'Three').waitFor();

    await remote.getByRole('button', { name: 'Clock', exact: true }).tap();
    const dialog = remote.getByRole('dialog', { name: 'Talk clock' });
    await dialog.getByRole('button', { name: 'Start over…' }).tap();
    await dialog.getByRole('button', { name: 'Cancel' }).tap();
    expect((await fetchState(suite.server.url, created.deck.id)).index).toBe(2);
    await dialog.getByRole('button', { name: 'Start over…' }).tap();
    await dialog.getByRole('button', { name: 'Yes, start over' }).tap();
    await dialog.getByText('Started over').waitFor();
    await shownHeading(audience, 'One').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).tap();
    await shownHeading(remote, 'One').waitFor();
    expect((await presenterClock(created.deck.id, apiKey)).startedAt).toBeNull();
    await remote.getByRole('button', { name: 'Start clock' }).waitFor();

    // A target set on the remote reaches the server and the countdown.
    await remote.getByRole('button', { name: 'Start clock' }).tap();
    await dialog.getByLabel('Target length (minutes)').fill('20');
    await dialog.getByRole('button', { name: 'Set target' }).tap();
    await remote.locator('podium-talk-clock').getByText('20:00 left').waitFor();
    expect((await presenterClock(created.deck.id, apiKey)).durationMinutes).toBe(20);
  });
});
