import { expect, it } from 'vitest';
import { lanAddress } from '../../../../server/http/lan-address.js';
import { describeInBrowser } from '../../../support/browser-suite.js';

const lan = lanAddress();
if (!lan) console.warn('\n*** this machine has no LAN address: the plain-http keep-awake test is skipped ***\n');

describeInBrowser(
  'podium-remote on plain http at a LAN address',
  (suite) => {
    it.skipIf(!lan)(
      'has no Wake Lock API, keeps the screen on with a video from the first tap, and says so',
      async () => {
        // With a note: a deck without any shows a muted line instead of the notes region tapped below.
        const created = await suite.server.createDeck('# One\n\nNote:\nTap here.\n---\n## Two');
        expect(new URL(created.links.remote).hostname).toBe(lan);
        const clips: number[] = [];
        const remote = await suite.pages.open('phone', created.links.remote, async (page) => {
          page.on('response', (response) => {
            if (/\/keep-awake\.(webm|mp4)$/.test(response.url())) clips.push(response.status());
          });
        });
        const status = (text: string) => remote.getByRole('status').filter({ hasText: text });
        // The key left the address bar (and this history entry) once taken.
        expect(remote.url()).not.toMatch(/key=/);
        expect(await remote.evaluate(() => window.isSecureContext || 'wakeLock' in navigator)).toBe(false);

        await remote.getByRole('region', { name: 'Speaker notes' }).tap();
        await status('Screen kept awake').waitFor();
        const playing = await remote.evaluate(() =>
          [...document.querySelectorAll('video')].some((video) => !video.paused && video.muted && video.loop),
        );
        expect(playing).toBe(true);
        // The clip came from Podium itself (no data: URL, which the page CSP forbids).
        expect(clips.length).toBeGreaterThan(0);
        expect(clips.every((code) => code === 200 || code === 206)).toBe(true);
      },
    );
  },
  { host: '0.0.0.0' },
);
