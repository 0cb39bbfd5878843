import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../../shared/protocol.js';
import { collectProblems, connectionStatus, newDesktopContext, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { offlineCacheName } from '../../../support/build-client.js';
import { fetchState } from '../../../support/server.js';
import { deckForm, smallPng } from '../../../server/assets/asset-fixtures.js';

const DECK = [
  '# One\n\n![red](red.png)',
  '## Two\n\n![green](green.png)',
  '## Three\n\n![blue](blue.png)',
  '## Four\n\n<p class="fragment">first build</p>\n\n<p class="fragment">second build</p>',
].join('\n\n---\n\n');

/** Whether every image of the big slide has loaded (a blank or broken one has no natural width). */
function imagesShown(page: Page): Promise<boolean> {
  return page
    .locator('podium-slide:not([preview]) img')
    .evaluateAll((all) => all.length > 0 && all.every((img) => (img as HTMLImageElement).naturalWidth > 0));
}

/** The deck's image URLs, as the slides' HTML names them. */
function imageUrls(created: CreateDeckResponse): string[] {
  return created.deck.slides.flatMap((slide) =>
    [...slide.html.matchAll(/src="(\/api\/assets\/[0-9a-f]{64}\.\w+)"/g)].map((match) => match[1] ?? ''),
  );
}

describeInBrowser('the audience page when the Wi-Fi comes and goes', (suite) => {
  let created: CreateDeckResponse;
  let images: string[];

  beforeAll(async () => {
    const form = deckForm(DECK, {
      'red.png': await smallPng(64, 48, { r: 200, g: 40, b: 40 }),
      'green.png': await smallPng(64, 48, { r: 40, g: 200, b: 40 }),
      'blue.png': await smallPng(64, 48, { r: 40, g: 40, b: 200 }),
    });
    const res = await fetch(`${suite.server.url}/api/decks`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    created = (await res.json()) as CreateDeckResponse;
    images = imageUrls(created);
    expect(images).toHaveLength(3);
  });

  it('fetches every slide’s images ahead, browses them offline, and lands on the live slide and step on reconnect', async () => {
    // No service worker here (test contexts block them): memory and the HTTP cache alone must carry the images.
    const context = await newDesktopContext(suite.browser);
    const problems = collectProblems(await context.newPage());
    try {
      const page = context.pages()[0]!;
      const fetched = new Set<string>();
      page.on('response', (response) => {
        if (response.ok()) fetched.add(new URL(response.url()).pathname);
      });
      const deck = created.deck.id;
      // The deck starts on slide 1 for this test.
      expect((await suite.server.putSlide(deck, created.presenterKey, 0)).status).toBe(200);
      await page.goto(created.links.audience.replace(/^http:\/\/[^/]+/, suite.server.url));
      await shownHeading(page, 'One').waitFor();
      await expect.poll(() => images.every((url) => fetched.has(url)), { timeout: 10_000 }).toBe(true);

      await context.setOffline(true);
      // The page has seen the drop (so it knows the viewer was following) before the viewer browses on.
      await connectionStatus(page, /Offline|Reconnecting/).waitFor();
      await page.keyboard.press('ArrowRight');
      await shownHeading(page, 'Two').waitFor();
      await expect.poll(() => imagesShown(page)).toBe(true);
      await page.keyboard.press('ArrowRight');
      await shownHeading(page, 'Three').waitFor();
      await expect.poll(() => imagesShown(page)).toBe(true);

      // Meanwhile the talk moves on to slide 4, first build.
      expect((await suite.server.putSlide(deck, created.presenterKey, 3, undefined, 1)).status).toBe(200);
      await context.setOffline(false);
      await shownHeading(page, 'Four').waitFor({ timeout: 20_000 });
      const builds = page.locator('podium-slide:not([preview]) [data-step]');
      await expect
        .poll(() => builds.evaluateAll((all) => all.map((build) => build.classList.contains('build-hidden'))))
        .toEqual([false, true]);
      expect(await page.locator('podium-audience .live-pill').count()).toBe(0);
      expect(await fetchState(suite.server.url, deck)).toMatchObject({ index: 3, step: 1 });
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('on a secure origin keeps the deck in a service worker: a reload offline shows it, images and all', async () => {
    const context = await newDesktopContext(suite.browser, { serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      expect((await suite.server.putSlide(created.deck.id, created.presenterKey, 0)).status).toBe(200);
      // 127.0.0.1 is a secure context, like localhost.
      await page.goto(`${suite.server.url}/d/${created.deck.id}`);
      await shownHeading(page, 'One').waitFor();
      await page.locator('html[data-offline-ready="true"]').waitFor();
      const kept = async () =>
        page.evaluate(
          async (name) => {
            const cache = await caches.open(name);
            return (await cache.keys()).map((request) => new URL(request.url).pathname);
          },
          await offlineCacheName(),
        );
      await expect
        .poll(
          async () => {
            const paths = await kept();
            return [...images, `/d/${created.deck.id}`, `/api/decks/${created.deck.id}`].filter(
              (p) => !paths.includes(p),
            );
          },
          { timeout: 15_000 },
        )
        .toEqual([]);
      // Never kept: the event stream, the presenter's API, any write.
      expect((await kept()).filter((path) => /\/events$|\/presenter$|\/keys|\/reactions/.test(path))).toEqual([]);

      await context.setOffline(true);
      await page.reload();
      await shownHeading(page, 'One').waitFor();
      await expect.poll(() => imagesShown(page)).toBe(true);
      await page.keyboard.press('ArrowRight');
      await shownHeading(page, 'Two').waitFor();
      await expect.poll(() => imagesShown(page)).toBe(true);
      const offlineAnswers = await page.evaluate(async (id) => {
        const tryFetch = (url: string, init?: RequestInit) =>
          fetch(url, init).then(
            (res) => `answered ${res.status}`,
            () => 'network error',
          );
        return [
          await tryFetch(`/api/decks/${id}/events`, { headers: { Accept: 'text/event-stream' } }),
          await tryFetch(`/api/decks/${id}/reactions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{"reaction":"heart"}',
          }),
        ];
      }, created.deck.id);
      expect(offlineAnswers).toEqual(['network error', 'network error']);
      await context.setOffline(false);
    } finally {
      await context.close();
    }
  });

  it('keeps each build in a cache named after it, and a new worker drops the caches of older builds', async () => {
    const current = await offlineCacheName();
    expect(current).toMatch(/^podium-offline-[0-9a-f]{16}$/);
    const context = await newDesktopContext(suite.browser, { serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(`${suite.server.url}/d/${created.deck.id}`);
      await page.locator('html[data-offline-ready="true"]').waitFor();
      const cacheNames = () => page.evaluate(() => caches.keys());
      expect(await cacheNames()).toEqual([current]);
      // An older build's cache (the name Podium once used for every build), with a bundle no page names now.
      await page.evaluate(async () => {
        const old = await caches.open('podium-offline-v1');
        await old.put('/assets/old-bundle.js', new Response('old'));
        await (await navigator.serviceWorker.ready).unregister();
      });
      expect(await cacheNames()).toEqual(expect.arrayContaining(['podium-offline-v1', current]));
      // The next visit installs the worker afresh; on activation it keeps its own cache only.
      await page.reload();
      await page.locator('html[data-offline-ready="true"]').waitFor();
      await expect.poll(cacheNames).toEqual([current]);
    } finally {
      await context.close();
    }
  });
});
