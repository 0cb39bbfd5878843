import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { browserAvailable, launchBrowser, PageOpener } from './browser.js';
import buildClient from './build-client.js';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';

/** What a browser test file works with; valid from its first test on. */
export interface BrowserSuite {
  server: TestServer;
  pages: PageOpener;
  /** The Chromium itself, for tests that set up their own contexts. */
  browser: Browser;
}

/**
 * The shared set-up of a browser test file: builds the pages if needed, starts a Podium
 * (`options`) and Chromium, checks after each test that every page it opened was closed
 * cleanly (no page errors, no CSP violations), and stops both at the end. Call it inside
 * the `describe`; read `server` and `pages` from the returned object in hooks and tests.
 */
export function useBrowserSuite(options: TestServerOptions = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    await buildClient();
    const [server, browser] = await Promise.all([startTestServer(options), launchBrowser()]);
    Object.assign(suite, { server, browser, pages: new PageOpener(browser) });
  });
  afterEach(async () => {
    if (suite.pages) expect(await suite.pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

/**
 * A browser test file's `describe`: skipped with a loud notice when there is no Chromium
 * (see `browserAvailable`), else `body` runs with a `useBrowserSuite(options)` set up.
 */
export function describeInBrowser(
  name: string,
  body: (suite: BrowserSuite) => void,
  options: TestServerOptions = {},
): void {
  describe.skipIf(!browserAvailable())(name, () => body(useBrowserSuite(options)));
}
