import type { Summary, SummaryRow } from './summary.js';
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
}

/** One target of issue 6 and whether the medians meet it. */
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

/** Checks the medians against the targets of issue 6 (null: not measured in this run). */
export function checkTargets(
  summary: Summary,
  database: 'postgres' | 'pglite',
  openFileLimit = Infinity,
  uploads: UploadLatencyFigures | null = null,
): TargetCheck[] {
  const p10 = rowAt(summary, 'podium', 10_000);
  const b10 = rowAt(summary, 'baseline', 10_000);
  const p20 = rowAt(summary, 'podium', 20_000);
  const podiumRows = summary.rows.filter((row) => row.server === 'podium');
  const pg = podiumRows.map((row) => row.pgConnections).concat(summary.sustainedPgConnections);
  const pgMax = pg.some((v) => v !== null) ? Math.max(...pg.map((v) => v ?? 0)) : null;
  const ratio = p10 && b10 ? p10.fanoutP99 / b10.fanoutP99 : null;
  return [
    {
      target: '10k streams: p99 fan-out within 1.25x the baseline and under 300 ms',
      measured: p10
        ? `${fmt(p10.fanoutP99)} ms, ${fmt(ratio, 2)}x (baseline ${fmt(b10?.fanoutP99 ?? null)} ms)`
        : 'n/a',
      met: p10 && ratio !== null ? ratio <= 1.25 && p10.fanoutP99 < 300 : null,
    },
    {
      target: 'At most 16 KB RSS per open stream at 10k',
      measured: p10 ? `${fmt(p10.rssPerStream / KB)} KB` : 'n/a',
      met: p10 ? p10.rssPerStream <= 16 * KB : null,
    },
    {
      target: '20k streams held by one process without errors',
      measured: p20
        ? `${int(p20.held)} held of ${int(p20.requested)}, ${p20.errors} errors` +
          (p20.held < p20.requested && openFileLimit <= p20.requested
            ? ` (capped: open-file limit ${openFileLimit})`
            : '')
        : 'n/a',
      met: p20 ? p20.held === p20.requested && p20.errors === 0 : null,
    },
    {
      target: 'At most 5 Postgres connections per Podium process at every N',
      measured: database === 'postgres' ? `${int(pgMax)} at most` : 'n/a (PGlite)',
      met: database === 'postgres' && pgMax !== null ? pgMax <= 5 : null,
    },
    {
      target: 'Reconnect storm of 10k streams: all on the current state within 3 s',
      measured: p10?.stormMs != null ? `${int(p10.stormMs)} ms` : 'n/a',
      met: p10?.stormMs != null ? p10.stormMs <= 3000 : null,
    },
    {
      target: 'At least 1,000 slide changes per second sustained',
      measured: summary.sustainedChangesPerSecond !== null ? `${int(summary.sustainedChangesPerSecond)}/s` : 'n/a',
      met: summary.sustainedChangesPerSecond !== null ? summary.sustainedChangesPerSecond >= 1000 : null,
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

/** The results table (medians), one row per server and N, then the ratio Podium / baseline. */
export function resultsTable(summary: Summary): string {
  const lines = [
    '| N | server | streams held | errors | RSS/stream KB | heap/stream KB | fan-out p50 / p99 / max ms | connects/s | storm ms | CPU/open ms | CPU/storm stream ms | PG conns |',
    '|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const row of summary.rows) {
    lines.push(
      `| ${int(row.requested)} | ${row.server} | ${int(row.held)} | ${row.errors} | ${fmt(row.rssPerStream / KB)} | ${fmt(row.heapPerStream / KB)} | ` +
        `${fmt(row.fanoutP50)} / ${fmt(row.fanoutP99)} / ${fmt(row.fanoutMax)} | ${int(row.connectRate)} | ${int(row.stormMs)} | ${fmt(row.cpuPerOpenMs, 3)} | ${fmt(row.cpuPerStormMs, 3)} | ${row.pgConnections ?? 'n/a'} |`,
    );
    const ratio = row.server === 'podium' ? summary.ratios.find((r) => r.requested === row.requested) : undefined;
    if (ratio) {
      lines.push(
        `| ${int(row.requested)} | *Podium / baseline* | | | ${fmt(ratio.rssPerStream, 2)}x | ${fmt(ratio.heapPerStream, 2)}x | ` +
          `${fmt(ratio.fanoutP50, 2)}x / ${fmt(ratio.fanoutP99, 2)}x / ${fmt(ratio.fanoutMax, 2)}x | ${fmt(ratio.connectRate, 2)}x | ${fmt(ratio.stormMs, 2)}x | ${fmt(ratio.cpuPerOpenMs, 2)}x | ${fmt(ratio.cpuPerStormMs, 2)}x | |`,
      );
    }
  }
  return lines.join('\n');
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

/** The Markdown summary written next to the JSON. */
export function markdownSummary(
  context: BenchContext,
  summary: Summary,
  targets: TargetCheck[],
  chartFile: string,
  uploads: UploadLatencyFigures | null = null,
): string {
  return [
    `# Podium benchmark, ${context.startedAt}`,
    '',
    `\`${context.command}\` on ${context.database === 'postgres' ? 'real Postgres' : 'PGlite'}; medians of ${context.runs} run(s); ` +
      `${context.cpus}, Node ${context.node}, open-file limit ${context.openFileLimit}. Load clients share the machine.`,
    '',
    resultsTable(summary),
    '',
    `Sustained slide changes across the sustained-phase decks: ${int(summary.sustainedChangesPerSecond)}/s ` +
      `(errors or streams not on the last state: ${summary.sustainedMissing ?? 'n/a'}; PG connections: ${summary.sustainedPgConnections ?? 'n/a'}).`,
    '',
    summary.singleDeck
      ? `One deck, ${int(summary.singleDeck.streams)} streams: ${int(summary.singleDeck.changesPerSecond)} changes/s answered ` +
        `(PUT p50 ${fmt(summary.singleDeck.putP50)} ms; errors or streams not on the last state: ${summary.singleDeck.missing}).`
      : 'One deck: not measured.',
    '',
    uploadsLine(uploads),
    '',
    targetsTable(targets),
    '',
    `![latency and memory against N](${chartFile})`,
    '',
  ].join('\n');
}
