import { AxeBuilder } from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { TalkReport } from '../../../../shared/room-protocol.js';
import { NO_RATE_LIMITS } from '../../../../server/security/limits.js';
import { saveScreenshot } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';

const DECK = [
  '# Story',
  '---',
  '## Poll',
  '',
  '```poll',
  'Tabs or spaces?',
  '- Tabs',
  '- Spaces',
  '```',
  '---',
  '## End',
].join('\n');

describeInBrowser(
  'podium-report',
  (suite) => {
    it('tells the presenter the talk: figures, SVG charts, the questions as text, CSV and JSON downloads', async () => {
      const created = await suite.server.createDeck(DECK, 'Story talk');
      const api = (path: string, method: string, body?: unknown, key = false) =>
        fetch(`${suite.server.url}/api/decks/${created.deck.id}${path}`, {
          method,
          headers: {
            'Content-Type': 'application/json',
            ...(key ? { Authorization: `Bearer ${created.presenterKey}` } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      expect((await suite.server.putSlide(created.deck.id, created.presenterKey, 1)).status).toBe(200);
      const xss = '<img src=x onerror="window.__xss=1">Why?';
      expect((await api('/questions', 'POST', { text: xss })).status).toBe(201);
      expect((await api('/questions', 'POST', { text: 'Second question' })).status).toBe(201);
      for (const option of [0, 1, 1]) expect((await api('/polls/s1p1/votes', 'POST', { option })).status).toBe(202);
      expect((await api('/reactions', 'POST', { reaction: 'applause' })).status).toBe(202);
      await expect
        .poll(
          async () => ((await (await api('/report', 'GET', undefined, true)).json()) as TalkReport).polls[0]?.total,
          {
            timeout: 5000,
          },
        )
        .toBe(3);
      expect((await api('/polls/s1p1', 'PATCH', { open: false }, true)).status).toBe(200);

      const page = await suite.pages.open(
        'phone',
        `${suite.server.url}/d/${created.deck.id}/report#key=${created.presenterKey}`,
      );
      await page.getByRole('heading', { name: 'Talk report: Story talk' }).waitFor();
      expect(new URL(page.url()).hash).toBe('');
      const questions = page.getByRole('region', { name: 'Questions' });
      await questions.getByRole('cell', { name: xss }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      const polls = page.getByRole('region', { name: 'Polls' });
      await polls.getByText('3 votes · closed').waitFor();
      await polls.getByText('Spaces: 2 votes (67%)').waitFor({ state: 'attached' });
      // Time per slide, the poll, reactions by kind and per minute.
      await expect.poll(() => page.locator('podium-bar-chart svg').count()).toBe(4);
      const reactions = page.getByRole('region', { name: 'Reactions' });
      await reactions.getByText('applause: 1 reactions (100%)').waitFor({ state: 'attached' });
      await reactions.getByText(/^\d{1,2}:\d\d( [AP]M)?: 1 reactions \(100%\)$/).waitFor({ state: 'attached' });
      await saveScreenshot(page, 'report-phone.png');
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

      const csvButton = page.getByRole('button', { name: 'Download CSV' });
      await csvButton.focus();
      const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(csv.suggestedFilename()).toBe(`podium-${created.deck.id}-report.csv`);
      const csvText = await readFile(await csv.path(), 'utf8');
      expect(csvText).toContain('poll,s1p1,,Tabs or spaces?,closed,Spaces,2');
      expect(csvText).toMatch(/^reaction_minute,,,[^,]+:00\.000Z,applause,,1$/m);
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download JSON' }).click(),
      ]);
      const saved = JSON.parse(await readFile(await json.path(), 'utf8')) as TalkReport;
      expect(saved.questions.map((q) => q.text).sort()).toEqual(['Second question', xss].sort());
      expect(saved.polls[0]?.counts).toEqual([1, 2]);
    });

    it('asks for the presenter key instead of showing anything without it', async () => {
      const created = await suite.server.createDeck(DECK);
      const page = await suite.pages.open('phone', `${suite.server.url}/d/${created.deck.id}/report`);
      await page.getByRole('alert').filter({ hasText: 'This report is for the presenter' }).waitFor();
      const wrong = await suite.pages.open('phone', `${suite.server.url}/d/${created.deck.id}/report#key=wrong`);
      await wrong.getByRole('alert').filter({ hasText: /key/i }).waitFor();
    });
  },
  { limits: NO_RATE_LIMITS },
);
