import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultsBlock } from './report.js';
import type { BenchResults } from './run-bench.js';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const START = '<!-- bench-results:start -->';
const END = '<!-- bench-results:end -->';

/** Replaces the README's results block (between the bench-results markers) with this run's block (report.ts resultsBlock). */
export async function updateReadme(results: BenchResults): Promise<void> {
  const text = await readFile(README, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} ... ${END} block`);
  const { context, summary, targets, options } = results;
  if (!results.files.chart) throw new Error('a --room-only run has no results block for the README');
  const chart = relative(dirname(README), results.files.chart);
  const sustained = { decks: options.decks, streams: options.sustainedStreams };
  const block = [START, resultsBlock(context, summary, targets, chart, sustained, results.uploads), END].join('\n');
  await writeFile(README, text.slice(0, start) + block + text.slice(end + END.length));
}
