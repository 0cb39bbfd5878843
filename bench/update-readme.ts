import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultsTable, targetsTable } from './report.js';
import type { BenchResults } from './run-bench.js';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const START = '<!-- bench-results:start -->';
const END = '<!-- bench-results:end -->';

/** Replaces the README's results block (between the bench-results markers) with this run's table, targets and chart. */
export async function updateReadme(results: BenchResults): Promise<void> {
  const text = await readFile(README, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} ... ${END} block`);
  const { context, summary, targets } = results;
  const chart = relative(dirname(README), results.files.chart);
  const block = [
    START,
    `Latest committed run: \`${context.command}\`, ${context.startedAt}, ${context.database === 'postgres' ? 'real Postgres' : 'PGlite'}, ` +
      `medians of ${context.runs} runs on ${context.cpus} shared with the load clients (and other work).`,
    '',
    resultsTable(summary),
    '',
    `Sustained: ${summary.sustainedChangesPerSecond?.toLocaleString('en-US') ?? 'n/a'} slide changes per second across ${results.options.decks} decks (${results.options.sustainedStreams.toLocaleString('en-US')} streams open).`,
    '',
    targetsTable(targets),
    '',
    `![Fan-out latency and RSS per stream against N](${chart})`,
    END,
  ].join('\n');
  await writeFile(README, text.slice(0, start) + block + text.slice(end + END.length));
}
