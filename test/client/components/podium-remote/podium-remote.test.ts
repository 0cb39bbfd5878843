import { expect, it } from 'vitest';
import { connectionStatus, saveScreenshot, shownHeading } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { fetchState } from '../../../support/server.js';

const DECK = [
  '# One',
  'The first slide',
  'Note:',
  'Welcome everyone. Start with the story,',
  'then the numbers.',
  '---',
  '## Two',
  '- Phones drive',
  '- Screens follow',
  '```ts',
  'await store.setSlide(deckId, 1, 7);',
  '```',
  'Note:',
  'Mention the If-Match header.',
  '---',
  '## Three',
  'The end',
].join('\n');

describeInBrowser('podium-remote', (suite) => {
  it('tapping next on a phone moves the remote at once and then the audience', async () => {
    const created = await suite.server.createDeck(DECK, 'Remote test');
    const audience = await suite.pages.open('desktop', created.links.audience);
    await shownHeading(audience, 'One').waitFor();
    await connectionStatus(audience, 'Live').waitFor();

    const remote = await suite.pages.open('phone', created.links.remote);
    await connectionStatus(remote, 'Live').waitFor();
    await remote.getByText('Welcome everyone. Start with the story, then the numbers.').waitFor();
    // The link's key left the visible URL; the device keeps a key of its own for this deck.
    expect(new URL(remote.url()).hash).toBe('');
    const stored = await remote.evaluate((id) => localStorage.getItem(`podium:presenter-key:${id}`), created.deck.id);
    expect(stored).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toBe(created.presenterKey);

    // The remote moves at once, before the server answers: its PUT is held here until released.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await remote.route('**/api/decks/*/slide', async (route) => {
      await held;
      await route.continue();
    });
    await remote.getByRole('button', { name: 'Next slide' }).tap();
    await shownHeading(remote, 'Two').waitFor();
    expect(await shownHeading(audience, 'Two').count()).toBe(0);
    release();
    await shownHeading(audience, 'Two').waitFor();
    await remote.unrouteAll();
    await remote.getByText('Mention the If-Match header.').waitFor();
    expect(await remote.locator('.position').textContent()).toMatch(/Slide\s+2\s+of 3/);
    expect(await audience.title()).toBe('2/3 · Remote test · Podium');
    expect(await fetchState(suite.server.url, created.deck.id)).toEqual({ index: 1, step: 0, version: 2 });

    await saveScreenshot(audience, 'audience-desktop.png');
    await saveScreenshot(remote, 'remote-phone.png');
    await audience.emulateMedia({ colorScheme: 'dark' });
    await remote.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(audience, 'audience-desktop-dark.png');
    await saveScreenshot(remote, 'remote-phone-dark.png');
  });

  it('drives the deck with clicker keys and the slide grid', async () => {
    const created = await suite.server.createDeck(DECK);
    const remote = await suite.pages.open('desktop', created.links.remote);
    await shownHeading(remote, 'One').waitFor();
    await remote.keyboard.press('PageDown');
    await shownHeading(remote, 'Two').waitFor();
    await remote.keyboard.press('Space');
    await shownHeading(remote, 'Three').waitFor();
    await remote.keyboard.press('PageUp');
    await shownHeading(remote, 'Two').waitFor();
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toEqual({ index: 1, step: 0, version: 4 });

    await remote.getByRole('button', { name: 'All slides' }).click();
    await remote.getByRole('button', { name: 'Slide 3 Three' }).click();
    await shownHeading(remote, 'Three').waitFor();
    expect(await remote.locator('dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    await expect.poll(() => fetchState(suite.server.url, created.deck.id)).toEqual({ index: 2, step: 0, version: 5 });
  });

  it('a wrong key shows a clear message and changes nothing', async () => {
    const created = await suite.server.createDeck(DECK);
    const before = await fetchState(suite.server.url, created.deck.id);
    const remote = await suite.pages.open('phone', `${suite.server.url}/d/${created.deck.id}/remote#key=not-the-key`);
    const alert = remote.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This pairing link does not work');
    expect(await alert.textContent()).toContain('not valid for this deck');
    expect(await remote.getByRole('button', { name: 'Next slide' }).count()).toBe(0);
    await remote.keyboard.press('ArrowRight');
    await remote.waitForTimeout(300);
    expect(await fetchState(suite.server.url, created.deck.id)).toEqual(before);
    const stored = await remote.evaluate((id) => localStorage.getItem(`podium:presenter-key:${id}`), created.deck.id);
    expect(stored).toBeNull();
  });

  it('a 412 resyncs to the server state in one move, never back and forth', async () => {
    const created = await suite.server.createDeck(DECK);
    // The link's key is spent once the remote opens it: the other remote holds a key of its own.
    const other = await suite.server.mintKey(created.deck.id, created.presenterKey);
    // Deafen the remote: it must not hear over the stream that another remote moved the deck.
    const remote = await suite.pages.open('phone', created.links.remote, (page) =>
      page.route('**/events', (route) => route.abort()),
    );
    await shownHeading(remote, 'One').waitFor();
    await remote.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const poll = () => {
        const root = document.querySelector('podium-remote')?.shadowRoot;
        const text = root?.querySelector('.position strong')?.textContent ?? '';
        if (text && seen.at(-1) !== text) seen.push(text);
        requestAnimationFrame(poll);
      };
      poll();
    });
    const moved = await suite.server.putSlide(created.deck.id, other, 2, 1);
    expect(moved.status).toBe(200);

    await remote.getByRole('button', { name: 'Next slide' }).tap();
    await remote.getByText('Another remote moved the talk. Now on slide 3.').waitFor();
    await shownHeading(remote, 'Three').waitFor();
    const seen = await remote.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toEqual(['1', '2', '3']);
    expect(await fetchState(suite.server.url, created.deck.id)).toEqual({ index: 2, step: 0, version: 2 });
  });
});
