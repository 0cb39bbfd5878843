import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  collectProblems,
  launchBrowser,
  newDesktopContext,
  shownHeading,
} from '../../support/browser.js';
import buildClient from '../../support/build-client.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

describe.skipIf(!browserAvailable())('the pages work under the server’s own Content-Security-Policy', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildClient();
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('start, audience and remote render with no violation and no page error', async () => {
    const created = await server.createDeck(SAMPLE_DECK, 'CSP check');
    const context = await newDesktopContext(browser);
    context.setDefaultTimeout(10_000);
    const problems: string[] = [];
    try {
      const start = await context.newPage();
      collectProblems(start, problems);
      const answer = await start.goto(server.url);
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
