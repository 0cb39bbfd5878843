import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nchanMissing } from '../../bench/nchan-server.js';
import { parseBenchOptions } from '../../bench/options.js';
import { runBench } from '../../bench/run-bench.js';
import { TEST_DATABASE_URL } from '../support/databases.js';

describe('npm run bench', () => {
  let out: string | undefined;

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('measures Podium and its peers at a tiny N and writes the JSON, the summary and the chart', async () => {
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
        '--upload-changes',
        '0',
        '--storm-uploaders',
        '1',
        '--storm-changes',
        '3',
        '--storm-deck-kib',
        '20',
        '--out',
        out,
        '--from-source',
        // The room phases have their own test (bench-room.test.ts).
        '--no-room',
      ],
      // Real Postgres when the suite has it (Podium starts faster there than on a fresh PGlite).
      { BENCH_DATABASE_URL: TEST_DATABASE_URL },
    );
    const results = await runBench(options, () => undefined);

    // nginx+nchan runs where Debian's nginx and libnginx-mod-nchan are installed, and is named as skipped elsewhere.
    const nchan = nchanMissing() === null;
    const servers = ['baseline', 'podium', 'better-sse', ...(nchan ? ['nchan'] : [])];
    expect(results.runs[0]?.servers.map((s) => s.server)).toEqual(servers);
    for (const server of servers) {
      const figures = results.runs[0]?.servers.find((s) => s.server === server);
      expect(figures, server).toMatchObject({ opened: 12, failed: 0, serverStreams: 12, dropped: 0 });
      expect(figures?.fanout, server).toMatchObject({ count: 36, missing: 0 });
      expect(figures?.fanout.max).toBeGreaterThan(0);
      expect(figures?.storm, server).toMatchObject({ ok: 12, failed: 0, missing: 0, count: 12 });
      expect(figures?.rssAfter).toBeGreaterThan(0);
    }
    expect(results.context.skipped.length).toBe(nchan ? 0 : 1);
    const sustained = results.runs[0]?.sustained;
    expect(sustained?.changes).toBeGreaterThan(0);
    expect(sustained).toMatchObject({ decks: 3, streams: 6, missing: 0, failures: 0 });
    expect(results.runs[0]?.singleDeck).toMatchObject({ decks: 1, streams: 5, missing: 0, failures: 0 });
    expect(results.summary.ratios.map((r) => r.against)).toEqual(servers.filter((s) => s !== 'podium'));
    // The many-deck phase also ran with 2 workers on Postgres (--sustained-workers defaults to 2).
    expect(results.summary.sustainedWorkers.map((w) => w.workers)).toEqual(TEST_DATABASE_URL ? [1, 2] : [1]);

    expect(results.uploadStorm?.putToEvent.count).toBe(3);

    const json = JSON.parse(await readFile(results.files.json, 'utf8')) as { runs: unknown[] };
    expect(json.runs).toHaveLength(1);
    const summary = await readFile(results.files.markdown, 'utf8');
    expect(summary).toContain('| 12 | podium | 12 | 0 |');
    expect(summary).toMatch(/One deck, 5 streams: [\d,]+ changes\/s answered/);
    expect(summary).toContain('| server (12 streams) | RSS/stream |');
    expect(summary).toMatch(/\| better-sse \| [\d.]+ KB \|/);
    if (!nchan) expect(summary).toContain('Not measured: nchan (');
    const svg = await readFile(results.files.chart ?? '', 'utf8');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<polyline/g)).toHaveLength(6);
    expect(results.uploads).toBeNull();
    expect(summary).toMatch(/## Upload storm[\s\S]*PUT-to-event p50 [\d.]+ p99/);
  }, 240_000);

  it('--uploads-only times slide changes idle and while a client creates 1 MiB decks of code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podium-bench-uploads-'));
    try {
      const options = parseBenchOptions(
        ['--uploads-only', '--upload-changes', '3', '--uploaders', '1', '--runs', '1', '--out', dir, '--from-source'],
        {},
      );
      const results = await runBench(options, () => undefined);
      expect(results.runs[0]?.servers).toEqual([]);
      expect(results.uploads?.idle.count).toBe(3);
      expect(results.uploads?.duringUploads.count).toBe(3);
      expect(results.uploads?.duringUploads.max).toBeGreaterThan(0);
      const summary = await readFile(results.files.markdown, 'utf8');
      expect(summary).toMatch(
        /PUT-to-event of an open stream over 3 changes: idle p50 [\d.]+ \/ p99 [\d.]+ ms; while 1 clients/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
