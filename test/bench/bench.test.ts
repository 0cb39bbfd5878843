import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../bench/options.js';
import { runBench } from '../../bench/run-bench.js';
import { TEST_DATABASE_URL } from '../support/databases.js';

describe('npm run bench', () => {
  let out: string | undefined;

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('measures both servers at a tiny N and writes the JSON, the summary and the chart', async () => {
    out = await mkdtemp(join(tmpdir(), 'podium-bench-test-'));
    const options = parseBenchOptions(
      [
        '--n',
        '12',
        '--runs',
        '1',
        '--changes',
        '3',
        '--settle-ms',
        '50',
        '--timeout-ms',
        '8000',
        '--decks',
        '3',
        '--sustained-streams',
        '6',
        '--sustained-seconds',
        '0.5',
        '--sustained-concurrency',
        '2',
        '--single-deck-streams',
        '5',
        '--storm-uploaders',
        '1',
        '--storm-changes',
        '3',
        '--storm-deck-kib',
        '20',
        '--out',
        out,
        '--from-source',
      ],
      // Real Postgres when the suite has it (Podium starts faster there than on a fresh PGlite).
      { BENCH_DATABASE_URL: TEST_DATABASE_URL },
    );
    const results = await runBench(options, () => undefined);

    for (const server of ['baseline', 'podium'] as const) {
      const figures = results.runs[0]?.servers.find((s) => s.server === server);
      expect(figures, server).toMatchObject({ opened: 12, failed: 0, serverStreams: 12, dropped: 0 });
      expect(figures?.fanout).toMatchObject({ count: 36, missing: 0 });
      expect(figures?.fanout.max).toBeGreaterThan(0);
      expect(figures?.storm).toMatchObject({ ok: 12, failed: 0, missing: 0, count: 12 });
      expect(figures?.rssAfter).toBeGreaterThan(0);
    }
    const sustained = results.runs[0]?.sustained;
    expect(sustained?.changes).toBeGreaterThan(0);
    expect(sustained).toMatchObject({ decks: 3, streams: 6, missing: 0, failures: 0 });
    expect(results.runs[0]?.singleDeck).toMatchObject({ decks: 1, streams: 5, missing: 0, failures: 0 });
    expect(results.summary.ratios).toHaveLength(1);

    expect(results.uploadStorm?.putToEvent.count).toBe(3);

    const json = JSON.parse(await readFile(results.files.json, 'utf8')) as { runs: unknown[] };
    expect(json.runs).toHaveLength(1);
    const summary = await readFile(results.files.markdown, 'utf8');
    expect(summary).toContain('| 12 | podium | 12 | 0 |');
    expect(summary).toMatch(/One deck, 5 streams: [\d,]+ changes\/s answered/);
    expect(summary).toMatch(/## Upload storm[\s\S]*PUT-to-event p50 [\d.]+ p99/);
    const svg = await readFile(results.files.chart, 'utf8');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<polyline/g)).toHaveLength(6);
  }, 120_000);
});
