import type { ServerKind } from './servers.js';
import type { RatioRow, Summary, SummaryRow } from './summary.js';
import type { UploadLatencyFigures } from './upload-latency.js';

/** Where and how a bench ran. */
export interface BenchContext {
  startedAt: string;
  command: string;
  database: 'postgres' | 'pglite';
  runs: number;
  cpus: string;
  node: string;
  /** Open-file limit of the server processes (caps the streams one process can hold). */
  openFileLimit: number;
  /** Podium worker processes (PODIUM_WORKERS) of the main run. */
  workers: number;
  /** Peers that could not run here, with the reason. */
  skipped: string[];
}

/** One target of issue 17 and whether the medians meet it. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

const KB = 1024;
const fmt = (value: number | null, digits = 1) =>
  value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
const int = (value: number | null) =>
  value === null || Number.isNaN(value) ? 'n/a' : Math.round(value).toLocaleString('en-US');

function rowAt(summary: Summary, server: string, n: number): SummaryRow | undefined {
  return summary.rows.find((row) => row.server === server && row.requested === n);
}

/** The Podium / `peer` ratios at N. */
function ratioAt(summary: Summary, peer: ServerKind, n: number): RatioRow | undefined {
  return summary.ratios.find((r) => r.against === peer && r.requested === n);
}

/** "<value> (<ratio>x <peer>)", or n/a. */
function against(value: string, ratio: number | null | undefined, peer: string): string {
  return `${value} (${ratio === null || ratio === undefined ? 'n/a' : `${fmt(ratio, 2)}x`} ${peer})`;
}

/** A ratio target: met when the ratio is within `limit` (`atMost`) or at least it; null when not measured. */
function ratioTarget(
  target: string,
  measured: string,
  ratio: number | null | undefined,
  limit: number,
  atMost = true,
): TargetCheck {
  const known = ratio !== null && ratio !== undefined && !Number.isNaN(ratio);
  return { target, measured, met: known ? (atMost ? ratio <= limit : ratio >= limit) : null };
}

/**
 * Checks the medians against the targets of issue 17 (null: not measured in this run; the
 * nchan targets need the nchan peer, the two-worker one a Postgres run with `--sustained-workers 2`).
 */
export function checkTargets(
  summary: Summary,
  database: 'postgres' | 'pglite',
  n = 10_000,
  uploads: UploadLatencyFigures | null = null,
): TargetCheck[] {
  const p = rowAt(summary, 'podium', n);
  const nchan = ratioAt(summary, 'nchan', n);
  const base = ratioAt(summary, 'baseline', n);
  const at = `${int(n)} streams, one worker`;
  const single = summary.singleDeck;
  const two = summary.sustainedWorkers.find((s) => s.workers === 2);
  const one = summary.sustainedWorkers.find((s) => s.workers === 1);
  return [
    ratioTarget(
      `${at}: p99 at most nchan's`,
      against(`${fmt(p?.fanoutP99 ?? null)} ms`, nchan?.fanoutP99, 'nchan'),
      nchan?.fanoutP99,
      1,
    ),
    ratioTarget(
      `${at}: RSS per stream at most nchan's`,
      against(`${fmt(p ? p.rssPerStream / KB : null)} KB`, nchan?.rssPerStream, 'nchan'),
      nchan?.rssPerStream,
      1,
    ),
    ratioTarget(
      `${at}: heap per stream at most 1.15x the baseline's`,
      against(`${fmt(p ? p.heapPerStream / KB : null)} KB`, base?.heapPerStream, 'baseline'),
      base?.heapPerStream,
      1.15,
    ),
    ratioTarget(
      `${at}: connects/s at least 0.9x the baseline's`,
      against(int(p?.connectRate ?? null), base?.connectRate, 'baseline'),
      base?.connectRate,
      0.9,
      false,
    ),
    ratioTarget(
      `${at}: reconnect storm at most 1.1x the baseline's`,
      against(`${int(p?.stormMs ?? null)} ms`, base?.stormMs, 'baseline'),
      base?.stormMs,
      1.1,
    ),
    ratioTarget(
      `${at}: server CPU per open at most 1.3x the baseline's`,
      against(`${fmt(p?.cpuPerOpenMs ?? null, 3)} ms`, base?.cpuPerOpenMs, 'baseline'),
      base?.cpuPerOpenMs,
      1.3,
    ),
    {
      target: 'One deck, 2,000 streams: at least 500 changes/s answered, every stream on the last version',
      measured: single
        ? `${int(single.changesPerSecond)}/s with ${int(single.streams)} streams, ${single.missing} missing`
        : 'n/a',
      met: single && single.streams >= 2000 ? single.changesPerSecond >= 500 && single.missing === 0 : null,
    },
    {
      target: '100 decks: at least 1,500 changes/s with 2 workers (and the speed-up from 1)',
      measured: two
        ? `${int(two.changesPerSecond)}/s with 2, ${int(one?.changesPerSecond ?? null)}/s with 1 ` +
          `(${one ? fmt(two.changesPerSecond / one.changesPerSecond, 2) : 'n/a'}x), ${two.missing} missing`
        : `n/a (${database === 'postgres' ? 'run with --sustained-workers 2' : 'PGlite runs one process'})`,
      met: two ? two.changesPerSecond >= 1500 && two.missing === 0 : null,
    },
    {
      target: 'PUT-to-event p99 under 50 ms while 3 clients create 1 MiB decks of code (issue 10)',
      measured: uploads
        ? `${fmt(uploads.duringUploads.p99)} ms with ${uploads.uploaders} uploading (idle ${fmt(uploads.idle.p99)} ms)`
        : 'n/a',
      met: uploads && uploads.uploaders >= 3 ? uploads.duringUploads.p99 < 50 : null,
    },
  ];
}

/** The uploads phase in a sentence: PUT-to-event idle and during uploads. */
function uploadsLine(uploads: UploadLatencyFigures | null): string {
  if (!uploads) return 'PUT-to-event during uploads: not measured.';
  const { idle, duringUploads: busy } = uploads;
  return (
    `PUT-to-event of an open stream over ${idle.count} changes: idle p50 ${fmt(idle.p50)} / p99 ${fmt(idle.p99)} ms; ` +
    `while ${uploads.uploaders} clients create 1 MiB decks of code p50 ${fmt(busy.p50)} / p99 ${fmt(busy.p99)} / max ${fmt(busy.max)} ms ` +
    `(${uploads.decksCreated} decks created, ${uploads.uploadFailures} refused${uploads.refusals.length ? `: ${uploads.refusals.join(', ')}` : ''}).`
  );
}

/** The results table (medians), one row per server and N, then Podium's ratio to each peer. */
export function resultsTable(summary: Summary): string {
  const lines = [
    '| N | server | streams held | errors | RSS/stream KB | heap/stream KB | fan-out p50 / p99 / max ms | connects/s | storm ms | CPU/open ms | CPU/storm stream ms | PG conns |',
    '|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|',
  ];
  const ns = [...new Set(summary.rows.map((row) => row.requested))];
  for (const n of ns) {
    for (const row of summary.rows.filter((r) => r.requested === n)) {
      lines.push(
        `| ${int(row.requested)} | ${row.server} | ${int(row.held)} | ${row.errors} | ${fmt(row.rssPerStream / KB)} | ${fmt(row.heapPerStream / KB)} | ` +
          `${fmt(row.fanoutP50)} / ${fmt(row.fanoutP99)} / ${fmt(row.fanoutMax)} | ${int(row.connectRate)} | ${int(row.stormMs)} | ${fmt(row.cpuPerOpenMs, 3)} | ${fmt(row.cpuPerStormMs, 3)} | ${row.pgConnections ?? 'n/a'} |`,
      );
    }
    for (const ratio of summary.ratios.filter((r) => r.requested === n)) {
      const x = (value: number | null) => (value === null ? 'n/a' : `${fmt(value, 2)}x`);
      lines.push(
        `| ${int(n)} | *Podium / ${ratio.against}* | | | ${x(ratio.rssPerStream)} | ${x(ratio.heapPerStream)} | ` +
          `${x(ratio.fanoutP50)} / ${x(ratio.fanoutP99)} / ${x(ratio.fanoutMax)} | ${x(ratio.connectRate)} | ${x(ratio.stormMs)} | ${x(ratio.cpuPerOpenMs)} | ${x(ratio.cpuPerStormMs)} | |`,
      );
    }
  }
  return lines.join('\n');
}

/** The side-by-side table at one N, as issue 17 and the README show it: one row per server. */
export function peersTable(summary: Summary, n: number): string {
  const lines = [
    `| server (${int(n)} streams) | RSS/stream | heap/stream | p50 / p99 ms | connects/s | reconnect storm | server CPU per open / per storm stream |`,
    '|---|---:|---:|---|---:|---:|---|',
  ];
  for (const row of summary.rows.filter((r) => r.requested === n)) {
    lines.push(
      `| ${row.server} | ${fmt(row.rssPerStream / KB)} KB | ${fmt(row.heapPerStream / KB)} KB | ${fmt(row.fanoutP50)} / ${fmt(row.fanoutP99)} | ` +
        `${int(row.connectRate)} | ${int(row.stormMs)} ms | ${fmt(row.cpuPerOpenMs, 3)} / ${fmt(row.cpuPerStormMs, 3)} ms |`,
    );
  }
  return lines.join('\n');
}

/** The sustained phases in words: many decks (per worker count) and one deck. */
export function sustainedLines(summary: Summary, decks: number, streams: number): string[] {
  const workers = summary.sustainedWorkers;
  const first = workers[0];
  const many =
    workers.length > 0
      ? `${int(decks)} decks, ${int(streams)} streams: ` +
        workers
          .map((w) => `${int(w.changesPerSecond)} changes/s with ${w.workers} worker${w.workers === 1 ? '' : 's'}`)
          .join(', ') +
        (workers.length > 1 && first
          ? ` (speed-up ${workers
              .slice(1)
              .map((w) => `${fmt(w.changesPerSecond / first.changesPerSecond, 2)}x`)
              .join(', ')})`
          : '') +
        `; errors or streams not on the last state: ${workers.reduce((sum, w) => sum + w.missing, 0)}; PG connections: ${summary.sustainedPgConnections ?? 'n/a'}.`
      : `${int(decks)} decks: not measured.`;
  const one = summary.singleDeck
    ? `One deck, ${int(summary.singleDeck.streams)} streams: ${int(summary.singleDeck.changesPerSecond)} changes/s answered ` +
      `(PUT p50 ${fmt(summary.singleDeck.putP50)} ms; errors or streams not on the last state: ${summary.singleDeck.missing}).`
    : 'One deck: not measured.';
  return [many, '', one];
}

/** The targets as a Markdown table. */
export function targetsTable(targets: TargetCheck[]): string {
  const mark = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : '**missed**');
  return [
    '| target | measured | |',
    '|---|---|---|',
    ...targets.map((t) => `| ${t.target} | ${t.measured} | ${mark(t.met)} |`),
  ].join('\n');
}

/** What a run measured, as the README's results block holds it (bench/update-readme.ts writes it there). */
export function resultsBlock(
  context: BenchContext,
  summary: Summary,
  targets: TargetCheck[],
  chart: string,
  sustained: { decks: number; streams: number },
  uploads: UploadLatencyFigures | null = null,
): string {
  const largest = Math.max(...summary.rows.map((row) => row.requested));
  const at = summary.rows.some((row) => row.requested === 10_000) ? 10_000 : largest;
  return [
    `Latest committed run: \`${context.command}\`, ${context.startedAt}, ${context.database === 'postgres' ? 'real Postgres' : 'PGlite'}, ` +
      `medians of ${context.runs} run(s), Podium with ${context.workers} worker(s), on ${context.cpus} (Node ${context.node}, ` +
      `open-file limit ${context.openFileLimit}) shared with the load clients.` +
      (context.skipped.length > 0 ? ` Not measured: ${context.skipped.join('; ')}.` : ''),
    '',
    peersTable(summary, at),
    '',
    ...sustainedLines(summary, sustained.decks, sustained.streams),
    '',
    uploadsLine(uploads),
    '',
    targetsTable(targets),
    '',
    '<details><summary>Every N</summary>',
    '',
    resultsTable(summary),
    '',
    '</details>',
    '',
    `![Fan-out latency and RSS per stream against N](${chart})`,
  ].join('\n');
}

/** The Markdown summary written next to the JSON (and printed): a title and the README block. */
export function markdownSummary(
  context: BenchContext,
  summary: Summary,
  targets: TargetCheck[],
  chartFile: string,
  sustained: { decks: number; streams: number },
  uploads: UploadLatencyFigures | null = null,
): string {
  return [
    `# Podium benchmark, ${context.startedAt}`,
    '',
    resultsBlock(context, summary, targets, chartFile, sustained, uploads),
    '',
  ].join('\n');
}
