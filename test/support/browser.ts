import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';

/** Flags for a headless Chromium in a container: no sandbox, no GPU, no phoning home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium to use: `PODIUM_CHROMIUM`, else `/usr/bin/chromium`; null when neither exists. */
export function findChromium(): string | null {
  const candidates = [process.env.PODIUM_CHROMIUM, '/usr/bin/chromium'];
  return candidates.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
}

let warned = false;

/**
 * Whether browser tests can run. Without a browser they are skipped with a loud notice,
 * except under `CI=true`, where a missing browser throws (and so fails the run).
 * Nothing here ever downloads a browser.
 */
export function browserAvailable(): boolean {
  if (findChromium()) return true;
  const message = 'No Chromium found (set PODIUM_CHROMIUM or install /usr/bin/chromium): browser tests are SKIPPED.';
  if (process.env.CI === 'true') throw new Error(`${message} Under CI=true this is a failure.`);
  if (!warned) {
    warned = true;
    console.warn(`\n${'!'.repeat(88)}\n!! ${message}\n${'!'.repeat(88)}\n`);
  }
  return false;
}

/** Launches headless Chromium (see `findChromium`); throws when there is none. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set PODIUM_CHROMIUM.');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** A strict Content-Security-Policy, as production will send: no inline script, no eval. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const PAGE_PATH = /^\/(?:d\/[^/]+(?:\/remote)?)?$/;

/**
 * Serves the app's pages in `context` with `STRICT_CSP`, so a test fails if anything needs
 * inline script or styles. Only page documents are touched; API calls and streams pass.
 */
export async function enforceStrictCsp(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => PAGE_PATH.test(url.pathname),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': STRICT_CSP },
      });
    },
  );
}

/** Collects CSP violations and page errors of a page into `problems`, to assert there were none. */
export function collectProblems(page: Page, problems: string[] = []): string[] {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`csp: ${message.text()}`);
    }
  });
  return problems;
}

/**
 * Service workers are off in test contexts unless a test asks (`serviceWorkers: 'allow'`): the
 * audience page's worker would otherwise serve pages past a test's routes (its CSP changes) and
 * fetch on its own while a context closes. test/client/components/podium-audience/offline.test.ts tests it.
 */
const NO_SERVICE_WORKERS: BrowserContextOptions = { serviceWorkers: 'block' };

/** A phone-sized context (390x844, touch, mobile), as the presenter holds it. */
export function newPhoneContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    ...NO_SERVICE_WORKERS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    ...options,
  });
}

/** A laptop/projector-sized context for the audience. */
export function newDesktopContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...NO_SERVICE_WORKERS, viewport: { width: 1280, height: 720 }, ...options });
}

/**
 * Opens pages in fresh phone or desktop contexts under `STRICT_CSP`, collects their page
 * errors and CSP violations, and closes them all in `closeAll` (call it after each test).
 */
export class PageOpener {
  private readonly problems: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly browser: Browser) {}

  /** Opens `url`; `prepare` runs before navigation (e.g. to route requests). */
  async open(kind: 'phone' | 'desktop', url: string, prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
    const context = kind === 'phone' ? await newPhoneContext(this.browser) : await newDesktopContext(this.browser);
    this.contexts.push(context);
    // Fail a step well within the test's own timeout, with a message naming the step.
    context.setDefaultTimeout(10_000);
    await enforceStrictCsp(context);
    const page = await context.newPage();
    collectProblems(page, this.problems);
    await prepare?.(page);
    await page.goto(url);
    return page;
  }

  /** Closes every context opened so far and returns the problems seen (expect none). */
  async closeAll(): Promise<string[]> {
    await Promise.all(this.contexts.splice(0).map((context) => context.close()));
    return this.problems.splice(0);
  }
}

/** A heading on the big slide of a Podium page (audience stage, remote current slide). */
export function shownHeading(page: Page, text: string): Locator {
  return page.locator('podium-slide:not([preview])').locator('h1, h2', { hasText: text });
}

/** The connection badge of a Podium page when it reads `text` (e.g. "Live"). */
export function connectionStatus(page: Page, text: string | RegExp): Locator {
  return page.locator('podium-connection-status', { hasText: text });
}

/** Where screenshots go: the README's docs/screenshots/ with PODIUM_UPDATE_SCREENSHOTS=1, else the ignored test-results/. */
const SCREENSHOTS =
  process.env.PODIUM_UPDATE_SCREENSHOTS === '1'
    ? new URL('../../docs/screenshots/', import.meta.url)
    : new URL('../../test-results/screenshots/', import.meta.url);

/** Saves a screenshot named `name` (animations settled) into `SCREENSHOTS`; a test run leaves the tree clean. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(name, SCREENSHOTS).pathname, animations: 'disabled' });
}
