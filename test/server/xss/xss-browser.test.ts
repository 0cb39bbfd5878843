import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { newDesktopContext } from '../../support/browser.js';
import { describeInBrowser } from '../../support/browser-suite.js';
import type { TestServer } from '../../support/server.js';
import { findDangers } from './html-inspection.js';
import { XSS_VECTORS } from './xss-vectors.js';

const SECRET = 'NOTES-FOR-PRESENTER-ONLY-91c2';
/** Every vector on its own slide, and a last slide whose notes must never reach the audience. */
const DECK = [...XSS_VECTORS, `# The end\n\nNote:\n${SECRET}`].join('\n\n---\n\n');

/** Runs before any page script: `window.__xss` becomes a tripwire that records every write. */
const TRIPWIRE = `
  window.__xssHits = [];
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get() { return window.__xssHits.length; },
    set(value) { window.__xssHits.push(String(value)); },
  });
`;

/** Fires the events that inline handlers in the vectors listen for, on every element of the slides shown. */
const PROVOKE = `(() => {
  const types = ['mouseover', 'mouseenter', 'focus', 'toggle', 'animationstart', 'error', 'load', 'begin', 'start'];
  const html = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.closest('.content')) for (const type of types) el.dispatchEvent(new Event(type));
      if (el.classList.contains('content')) html.push(el.innerHTML);
    }
  };
  visit(document);
  return html;
})()`;

/** All markup of the page, shadow roots included. */
const DEEP_HTML = `(() => {
  const deep = (root) => [root.innerHTML ?? '', ...[...root.querySelectorAll('*')].filter((el) => el.shadowRoot).map((el) => deep(el.shadowRoot))].join('');
  return deep(document.documentElement);
})()`;

const PAGE_PATH = /^\/(?:d\/[^/]+(?:\/remote)?)?$/;

interface Watch {
  dialogs: string[];
  problems: string[];
  bodies: Promise<string>[];
}

/** A desktop context with the tripwire, `/xss.js` served as a tripping script, and no trip off this machine. */
async function armedContext(browser: Browser, withCsp: boolean): Promise<BrowserContext> {
  const context = await newDesktopContext(browser);
  context.setDefaultTimeout(10_000);
  await context.addInitScript(TRIPWIRE);
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  await context.route('**/xss.js*', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'window.__xss = "xss.js";' }),
  );
  if (!withCsp) {
    // Defence in depth: without the CSP, the sanitizer alone must hold.
    await context.route(
      (url) => url.hostname === '127.0.0.1' && PAGE_PATH.test(url.pathname),
      async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      },
    );
  }
  return context;
}

function watch(page: Page): Watch {
  const seen: Watch = { dialogs: [], problems: [], bodies: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) seen.problems.push(`csp: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (!(response.headers()['content-type'] ?? '').startsWith('text/event-stream')) {
      seen.bodies.push(response.text().catch(() => ''));
    }
  });
  return seen;
}

async function expectNothingFired(page: Page, seen: Watch): Promise<void> {
  expect(await page.evaluate('window.__xssHits')).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.problems).toEqual([]);
}

describeInBrowser(
  'XSS vectors in real Chromium',
  (suite) => {
    let server: TestServer;
    let browser: Browser;
    let deck: CreateDeckResponse;
    const count = XSS_VECTORS.length + 1;

    beforeAll(async () => {
      ({ server, browser } = suite);
      deck = await server.createDeck(DECK, 'XSS');
    });

    it.each([
      ['with the server’s CSP', true],
      ['without any CSP (the sanitizer alone)', false],
    ])('the audience page runs none of them, %s, and never shows notes', async (_label, withCsp) => {
      const context = await armedContext(browser, withCsp);
      try {
        const page = await context.newPage();
        const seen = watch(page);
        await page.goto(`${server.url}/d/${deck.deck.id}`);
        let shown = 0;
        for (let index = 0; index < count; index += 1) {
          expect((await server.putSlide(deck.deck.id, deck.presenterKey, index)).status).toBe(200);
          await page.waitForFunction((prefix) => document.title.startsWith(prefix), `${index + 1}/${count} `);
          const contents = (await page.evaluate(PROVOKE)) as string[];
          for (const html of contents) expect(findDangers(html), `slide ${index}: ${html}`).toEqual([]);
          shown += contents.length > 0 ? 1 : 0;
        }
        await expectNothingFired(page, seen);
        // Most vectors leave some content; every one of those was rendered and provoked.
        expect(shown).toBeGreaterThan(count / 2);
        expect(await page.evaluate(DEEP_HTML)).not.toContain(SECRET);
        for (const body of await Promise.all(seen.bodies)) expect(body).not.toContain(SECRET);
        console.info(
          `[xss browser] ${XSS_VECTORS.length} vectors rendered on /d/:id ${withCsp ? 'with' : 'without'} CSP: none fired`,
        );
      } finally {
        await context.close();
      }
    });

    it('control: raw, unsanitized HTML trips the wire without CSP, and the server’s CSP blocks it', async () => {
      // Written straight to the store, past the sanitizer: this proves the harness sees execution.
      const raw = '<img src="/nothing.png" onerror="window.__xss=\'onerror\'"><p>raw</p>';
      await server.store.upsertDeck(
        'xss-control',
        { title: 'Control', slides: [{ html: raw, steps: 0 }], notes: [''] },
        'raw',
      );
      for (const withCsp of [false, true]) {
        const context = await armedContext(browser, withCsp);
        try {
          const page = await context.newPage();
          const seen = watch(page);
          await page.goto(`${server.url}/d/xss-control`);
          await page.waitForFunction(() => document.title.startsWith('1/1 '));
          await page.evaluate(PROVOKE);
          const hits = (await page.evaluate('window.__xssHits')) as string[];
          if (withCsp) {
            expect(hits).toEqual([]);
            expect(seen.problems.join('\n')).toMatch(/inline event handler/);
          } else {
            expect(hits.length).toBeGreaterThan(0);
          }
        } finally {
          await context.close();
        }
      }
    });

    it('the remote’s slide grid renders all of them at once and runs none', async () => {
      const context = await armedContext(browser, true);
      try {
        const page = await context.newPage();
        const seen = watch(page);
        await page.goto(deck.links.remote);
        await page.getByRole('button', { name: 'All slides' }).click();
        await page.waitForFunction((expected) => {
          const grid = document.querySelector('podium-remote')?.shadowRoot?.querySelector('podium-slide-grid');
          return (grid?.shadowRoot?.querySelectorAll('podium-slide').length ?? 0) >= expected;
        }, count);
        const contents = (await page.evaluate(PROVOKE)) as string[];
        expect(contents.length).toBeGreaterThan(count / 2);
        for (const html of contents) expect(findDangers(html), html).toEqual([]);
        await expectNothingFired(page, seen);
      } finally {
        await context.close();
      }
    });
  },
  { limits: NO_RATE_LIMITS },
);
