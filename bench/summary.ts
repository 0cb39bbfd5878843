import type { ServerFigures } from './measure-server.js';
import { SERVER_KINDS, type ServerKind } from './servers.js';
import { median } from './stats.js';
import type { SustainedFigures } from './sustained.js';

/** One full repetition of the bench. */
export interface RunFigures {
  run: number;
  servers: Array<ServerFigures & { requested: number }>;
  sustained: SustainedFigures | null;
  /** The same with every stream on one deck (`--single-deck-streams`). */
  singleDeck?: SustainedFigures | null;
  /** The many-deck phase again on a fresh Podium with other worker counts (`--sustained-workers`). */
  sustainedByWorkers?: Array<{ workers: number; figures: SustainedFigures }>;
}

/** Medians over runs for one server at one N. */
export interface SummaryRow {
  server: ServerKind;
  requested: number;
  /** Fewest streams held in any run. */
  held: number;
  /** Errors in all runs: failed opens, dropped streams, streams a change or the storm missed. */
  errors: number;
  rssPerStream: number;
  heapPerStream: number;
  fanoutP50: number;
  fanoutP99: number;
  fanoutMax: number;
  connectRate: number;
  /** Server CPU per opened stream, ms. */
  cpuPerOpenMs: number;
  /** Server CPU per reconnected stream in the storm, ms. */
  cpuPerStormMs: number | null;
  stormMs: number | null;
  /** Highest over runs. */
  pgConnections: number | null;
}

/** Podium's figure divided by a peer's (`against`), per N. */
export type RatioRow = { requested: number; against: ServerKind } & Record<
  | 'rssPerStream'
  | 'heapPerStream'
  | 'fanoutP50'
  | 'fanoutP99'
  | 'fanoutMax'
  | 'connectRate'
  | 'stormMs'
  | 'cpuPerOpenMs'
  | 'cpuPerStormMs',
  number | null
>;

/** The medians of everything, as the README table shows them. */
export interface Summary {
  rows: SummaryRow[];
  ratios: RatioRow[];
  sustainedChangesPerSecond: number | null;
  sustainedMissing: number | null;
  sustainedPgConnections: number | null;
  /** Median changes/s of the many-deck phase per Podium worker count (the first is the main run's). */
  sustainedWorkers: Array<{ workers: number; changesPerSecond: number; missing: number }>;
  /** Median figures of the single-deck phase, null when it did not run. */
  singleDeck: { changesPerSecond: number; putP50: number; streams: number; missing: number } | null;
}

function errorsOf(figures: ServerFigures & { requested: number }): number {
  const storm = figures.storm ? figures.storm.failed + figures.storm.missing : 0;
  return figures.failed + figures.dropped + figures.fanout.missing + storm;
}

function summarize(list: Array<ServerFigures & { requested: number }>): SummaryRow {
  const first = list[0] as ServerFigures & { requested: number };
  const pg = list.map((f) => f.pgConnections).filter((v): v is number => v !== null);
  return {
    server: first.server,
    requested: first.requested,
    held: Math.min(...list.map((f) => f.opened)),
    errors: list.reduce((sum, f) => sum + errorsOf(f), 0),
    rssPerStream: median(list.map((f) => f.rssPerStream)),
    heapPerStream: median(list.map((f) => f.heapPerStream)),
    fanoutP50: median(list.map((f) => f.fanout.p50)),
    fanoutP99: median(list.map((f) => f.fanout.p99)),
    fanoutMax: median(list.map((f) => f.fanout.max)),
    connectRate: median(list.map((f) => f.connectRate)),
    cpuPerOpenMs: median(list.map((f) => f.cpuPerOpenMs)),
    cpuPerStormMs: list.some((f) => f.storm) ? median(list.map((f) => f.storm?.cpuPerStreamMs)) : null,
    stormMs: list.some((f) => f.storm) ? median(list.map((f) => f.storm?.ms)) : null,
    pgConnections: pg.length > 0 ? Math.max(...pg) : null,
  };
}

const RATIO_KEYS = [
  'rssPerStream',
  'heapPerStream',
  'fanoutP50',
  'fanoutP99',
  'fanoutMax',
  'connectRate',
  'stormMs',
  'cpuPerOpenMs',
  'cpuPerStormMs',
] as const;

/** Medians per server and N over all runs, and the Podium / baseline ratios. */
export function summarizeRuns(runs: RunFigures[], workers = 1): Summary {
  const groups = new Map<string, Array<ServerFigures & { requested: number }>>();
  for (const run of runs) {
    for (const figures of run.servers) {
      const key = `${figures.requested}:${figures.server}`;
      groups.set(key, [...(groups.get(key) ?? []), figures]);
    }
  }
  const rows = [...groups.values()]
    .map(summarize)
    .sort((a, b) => a.requested - b.requested || SERVER_KINDS.indexOf(a.server) - SERVER_KINDS.indexOf(b.server));
  const ratios: RatioRow[] = [];
  for (const podium of rows.filter((row) => row.server === 'podium')) {
    for (const peer of rows.filter((row) => row.server !== 'podium' && row.requested === podium.requested)) {
      const ratio = { requested: podium.requested, against: peer.server } as RatioRow;
      for (const key of RATIO_KEYS) {
        const [p, b] = [podium[key], peer[key]];
        ratio[key] = p === null || b === null || b === 0 || Number.isNaN(p) || Number.isNaN(b) ? null : p / b;
      }
      ratios.push(ratio);
    }
  }
  const sustained = runs.map((run) => run.sustained).filter((s): s is SustainedFigures => s !== null);
  const single = runs.map((run) => run.singleDeck).filter((s): s is SustainedFigures => !!s);
  const byWorkers = new Map<number, SustainedFigures[]>([[workers, sustained]]);
  for (const run of runs)
    for (const extra of run.sustainedByWorkers ?? [])
      byWorkers.set(extra.workers, [...(byWorkers.get(extra.workers) ?? []), extra.figures]);
  const sustainedWorkers = [...byWorkers]
    .filter(([, list]) => list.length > 0)
    .map(([count, list]) => ({
      workers: count,
      changesPerSecond: median(list.map((s) => s.changesPerSecond)),
      missing: list.reduce((sum, s) => sum + s.missing + s.failures, 0),
    }));
  return {
    rows,
    ratios,
    sustainedWorkers,
    sustainedChangesPerSecond: sustained.length > 0 ? median(sustained.map((s) => s.changesPerSecond)) : null,
    sustainedMissing: sustained.length > 0 ? sustained.reduce((sum, s) => sum + s.missing + s.failures, 0) : null,
    sustainedPgConnections: sustained.some((s) => s.pgConnections !== null)
      ? Math.max(...sustained.map((s) => s.pgConnections ?? 0))
      : null,
    singleDeck:
      single.length > 0
        ? {
            changesPerSecond: median(single.map((s) => s.changesPerSecond)),
            putP50: median(single.map((s) => s.putLatency.p50)),
            streams: Math.min(...single.map((s) => s.streams)),
            missing: single.reduce((sum, s) => sum + s.missing + s.failures, 0),
          }
        : null,
  };
}
