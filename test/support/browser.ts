import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

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
  const message =
    'No Chromium found (set PODIUM_CHROMIUM or install /usr/bin/chromium): browser tests are SKIPPED.';
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
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; " +
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

/** A phone-sized context (390x844, touch, mobile), as the presenter holds it. */
export function newPhoneContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    ...options,
  });
}

/** A laptop/projector-sized context for the audience. */
export function newDesktopContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
}
