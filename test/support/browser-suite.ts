import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, PageOpener } from './browser.js';
import buildClient from './build-client.js';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';

/** What a browser test file works with; valid from its first test on. */
export interface BrowserSuite {
  server: TestServer;
  pages: PageOpener;
}

/**
 * The shared set-up of a browser test file: builds the pages if needed, starts a Podium
 * (`options`) and Chromium, checks after each test that every page it opened was closed
 * cleanly (no page errors, no CSP violations), and stops both at the end. Call it inside
 * the `describe`; read `server` and `pages` from the returned object in hooks and tests.
 */
export function useBrowserSuite(options: TestServerOptions = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await buildClient();
    const [server, launched] = await Promise.all([startTestServer(options), launchBrowser()]);
    browser = launched;
    suite.server = server;
    suite.pages = new PageOpener(launched);
  });
  afterEach(async () => {
    if (suite.pages) expect(await suite.pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
