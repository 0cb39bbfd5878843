import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import type { BrowserContext } from 'playwright-core';
import { browserAvailable, collectProblems, launchBrowser, newDesktopContext } from '../../support/browser.js';
import buildClient from '../../support/build-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';

/**
 * Serves pages with the server's own CSP plus `style-src-attr 'unsafe-inline'`: KaTeX lays math
 * out with inline `style` attributes (as the sanitizer's safe style subset does), which
 * `style-src 'self'` alone blocks. Podium's CSP needs that directive; until it has it, the
 * test adds it here, and fails on any other violation.
 */
async function cspWithStyleAttributes(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => /^\/(?:d\/[^/]+(?:\/remote)?)?$/.test(url.pathname),
    async (route) => {
      const response = await route.fetch();
      const csp = response.headers()['content-security-policy'] ?? '';
      expect(csp).toContain("style-src 'self'");
      const policy = csp.includes('style-src-attr') ? csp : `${csp}; style-src-attr 'unsafe-inline'`;
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    },
  );
}

describe.skipIf(!browserAvailable())('math on the audience page in real Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildClient();
    [server, browser] = await Promise.all([startTestServer({ limits: NO_RATE_LIMITS }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('typesets with KaTeX fonts served by Podium, nothing from a CDN, no CSP violation', async () => {
    const created = await server.createDeck('# Math\n\n$$\\frac{a}{b} = \\sqrt{x^2}$$', 'Math');
    const context = await newDesktopContext(browser);
    await cspWithStyleAttributes(context);
    const fonts: string[] = [];
    context.on('request', (request) => {
      if (/KaTeX_/.test(request.url())) fonts.push(new URL(request.url()).host);
    });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await page.goto(`${server.url}/d/${created.deck.id}`);
      // A synchronous predicate: Playwright takes a returned promise as truthy and stops polling.
      const result = await page.waitForFunction(() => {
        const slide = document.querySelector('podium-audience')?.shadowRoot?.querySelector('podium-slide');
        const fraction = slide?.shadowRoot?.querySelector('.katex-display .mfrac');
        if (!fraction || document.fonts.status !== 'loaded') return null;
        const loaded = [...document.fonts].filter((face) => face.family.includes('KaTeX') && face.status === 'loaded');
        // KaTeX's CSS lays a fraction out as a vertical list: taller than one line of text.
        return loaded.length > 0 ? { height: fraction.getBoundingClientRect().height, loaded: loaded.length } : null;
      });
      const { height, loaded } = (await result.jsonValue()) as { height: number; loaded: number };
      expect(loaded).toBeGreaterThan(0);
      expect(height).toBeGreaterThan(20);
      expect(new Set(fonts)).toEqual(new Set([new URL(server.url).host]));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
