import { expect, it } from 'vitest';
import { connectionStatus, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';

const RETRY_AFTER_S = 3;

describeInBrowser(
  'podium-audience refused by a full server',
  (suite) => {
    it('says the talk is full, waits for Retry-After, then follows live', async () => {
      const created = await suite.server.createDeck('# One\n---\n## Two');
      // Another viewer holds the only place on this server.
      const holder = new AbortController();
      const held = await fetch(`${suite.server.url}/api/decks/${created.deck.id}/events`, { signal: holder.signal });
      expect(held.status).toBe(200);

      const attempts: Array<{ at: number; status: number }> = [];
      const audience = await suite.pages.open('phone', created.links.audience, async (page) => {
        page.on('response', (response) => {
          if (response.url().endsWith('/events')) attempts.push({ at: Date.now(), status: response.status() });
        });
      });
      const notice = audience.getByRole('status').filter({ hasText: 'This talk is full on this server' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain(`retrying in ${RETRY_AFTER_S} s`);
      await connectionStatus(audience, 'Waiting for a place').waitFor();
      expect(await connectionStatus(audience, 'Offline').count()).toBe(0);
      await shownHeading(audience, 'One').waitFor();

      holder.abort();
      await connectionStatus(audience, 'Live').waitFor({ timeout: 15_000 });
      await suite.server.putSlide(created.deck.id, created.presenterKey, 1);
      await shownHeading(audience, 'Two').waitFor();
      expect(await notice.count()).toBe(0);

      // Every attempt after a refusal came no sooner than the Retry-After the server gave.
      const refused = attempts.findLast((attempt) => attempt.status === 503);
      const admitted = attempts.find((attempt) => attempt.status === 200);
      expect(refused && admitted).toBeTruthy();
      expect(admitted!.at - refused!.at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
      expect(attempts.filter((attempt) => attempt.status === 503).length).toBeLessThanOrEqual(4);
    }, 40_000);
  },
  { limits: { maxStreams: 1, streamRetryAfterS: RETRY_AFTER_S } },
);
