import { expect, it } from 'vitest';
import { collectProblems, newDesktopContext, shownHeading } from '../../support/browser.js';
import { describeInBrowser } from '../../support/browser-suite.js';
import { SAMPLE_DECK } from '../../support/server.js';

describeInBrowser('the pages work under the server’s own Content-Security-Policy', (suite) => {
  it('start, audience and remote render with no violation and no page error', async () => {
    const created = await suite.server.createDeck(SAMPLE_DECK, 'CSP check');
    const context = await newDesktopContext(suite.browser);
    context.setDefaultTimeout(10_000);
    const problems: string[] = [];
    try {
      const start = await context.newPage();
      collectProblems(start, problems);
      const answer = await start.goto(suite.server.url);
      expect(answer?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
      await start.locator('podium-start').waitFor();

      const audience = await context.newPage();
      collectProblems(audience, problems);
      await audience.goto(created.links.audience);
      await shownHeading(audience, 'One').waitFor();

      const remote = await context.newPage();
      collectProblems(remote, problems);
      await remote.goto(created.links.remote);
      await shownHeading(remote, 'One').waitFor();
      await remote.getByRole('button', { name: 'Next slide' }).click();
      await shownHeading(audience, 'Two').waitFor();
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
