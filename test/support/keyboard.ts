import type { Page } from 'playwright-core';

/** The accessible name (aria-label or text) of the element focused now, inside shadow roots too. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return (active?.getAttribute('aria-label') ?? active?.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused element's name matches `name` (at most `limit` presses). */
export async function tabTo(page: Page, name: RegExp, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`no focusable element named ${String(name)} within ${limit} tabs`);
}
