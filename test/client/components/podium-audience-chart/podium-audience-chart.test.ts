import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { TalkReport } from '../../../../shared/room-protocol.js';
import { axeViolations } from '../../../support/axe.js';
import { saveScreenshot } from '../../../support/browser.js';
import { describeInBrowser } from '../../../support/browser-suite.js';
import { SAMPLE_DECK } from '../../../support/server.js';

/** A scripted talk, by 15 s interval from its start: [interval, following, browsing]; 24 to 31 nobody watched. */
const TALK: Array<[number, number, number]> = [
  ...Array.from({ length: 24 }, (_, i): [number, number, number] => [i, Math.min(6, 1 + i), i >= 12 ? 2 : 0]),
  ...Array.from({ length: 8 }, (_, i): [number, number, number] => [32 + i, 3, 1]),
];

describeInBrowser('podium-audience-chart: the audience in the report', (suite) => {
  it('draws following and browsing over time with a title, a summary and a table, and downloads them', async () => {
    const created = await suite.server.createDeck(SAMPLE_DECK, 'Chart talk');
    await suite.server.db.query(
      `INSERT INTO audience_samples (deck_id, at, viewers, live, browsing)
       SELECT $1, date_trunc('minute', now()) - interval '15 minutes' + t.i * interval '15 seconds', t.live + t.browsing, t.live, t.browsing
       FROM unnest($2::int[], $3::int[], $4::int[]) AS t(i, live, browsing)`,
      [created.deck.id, TALK.map((s) => s[0]), TALK.map((s) => s[1]), TALK.map((s) => s[2])],
    );
    const page = await suite.pages.open(
      'desktop',
      `${suite.server.url}/d/${created.deck.id}/report#key=${created.presenterKey}`,
    );
    const region = page.getByRole('region', { name: 'Audience over time' });
    const chart = region.getByRole('img', { name: 'Audience over time' });
    await chart.waitFor();
    const summary = await chart.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
    expect(summary).toMatch(/at most 8 watching/);
    expect(summary).toMatch(/at the last count 3 following and 1 browsing/);
    expect(await region.locator('path.following').count()).toBe(1);
    expect(await region.locator('path.browsing').count()).toBe(1);
    await page.getByRole('term').filter({ hasText: 'Most watching at once' }).waitFor();

    await region.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'report-audience-desktop.png');
    await region.getByText(`The audience as a table (${TALK.length} counts, every 15 s)`).click();
    const rows = region.getByRole('group', { name: 'Audience table' }).getByRole('row');
    expect(await rows.count()).toBe(TALK.length + 1);
    expect(await rows.nth(TALK.length).innerText()).toMatch(/3\s+1\s+4$/);
    await saveScreenshot(page, 'report-audience-table-desktop.png');
    expect(await axeViolations(page, [['podium-report', 'podium-audience-chart']])).toEqual([]);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    const report = JSON.parse(await readFile(await json.path(), 'utf8')) as TalkReport;
    expect(report.audience.map((s) => [s.live, s.browsing])).toEqual(TALK.map((s) => [s[1], s[2]]));
    expect(report.sampleSeconds).toBe(15);

    const phone = await suite.pages.open(
      'phone',
      `${suite.server.url}/d/${created.deck.id}/report#key=${created.presenterKey}`,
    );
    await phone.getByRole('img', { name: 'Audience over time' }).waitFor();
    await saveScreenshot(phone, 'report-audience-phone.png');
  });

  it('says nobody has watched yet when there are no counts', async () => {
    const created = await suite.server.createDeck(SAMPLE_DECK, 'Empty room');
    const page = await suite.pages.open(
      'phone',
      `${suite.server.url}/d/${created.deck.id}/report#key=${created.presenterKey}`,
    );
    await page
      .getByRole('region', { name: 'Audience over time' })
      .getByText(/Nobody has watched yet/)
      .waitFor();
  });
});
