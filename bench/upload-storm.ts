/**
 * The upload storm (issue 16): PUT-to-event latency of a live talk while hostile clients, each
 * from its own address, send 1 MiB decks of code back to back (costly to render) with Podium's
 * admission limits on, as a stranger meets them. Run alone with small numbers:
 *   npx tsx bench/upload-storm.ts [--changes 100] [--uploaders 3] [--from-source]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { codeDeck } from '../test/support/hostile-decks.js';
import { SlideStreamClient } from '../test/support/sse-client.js';
import type { BenchServer } from './servers.js';
import { spread, type Spread } from './stats.js';

/** The target of issue 16: a live slide change reaches viewers this fast (p99, ms) during the storm. */
export const STORM_TARGET_P99_MS = 50;

/** Settings of the storm section. */
export interface StormOptions {
  /** Hostile clients, each from its own address (X-Forwarded-For through a trusted proxy). Default 3; 0 skips. */
  uploaders: number;
  /** Timed slide changes. Default 100. */
  changes: number;
  /** Pause between slide changes, ms (a presenter's pace stays under the per-key rate). Default 100. */
  gapMs: number;
  /** Size of each hostile deck, KiB. Default 1000. */
  deckKib: number;
}

/** Default storm: three hostile clients, 100 changes. */
export const STORM_DEFAULTS: StormOptions = { uploaders: 3, changes: 100, gapMs: 100, deckKib: 1000 };

/** What the storm measured. */
export interface StormFigures {
  options: StormOptions;
  putToEvent: Spread;
  /** Changes timed while at least one hostile upload was in flight. */
  changesDuringUploads: number;
  /** Hostile uploads answered, by status (201 created, 429 quota or in flight, 503 queue full, 422 render budget). */
  uploads: Record<string, number>;
  met: boolean;
}

/**
 * Environment of the storm's Podium: admission and rate limits at their defaults, one trusted
 * proxy hop so each hostile client counts as its own address.
 */
export const STORM_ENV: Record<string, string> = { PODIUM_RATE_LIMIT: 'on', PODIUM_TRUST_PROXY: '1' };

/** Runs the storm against `server` (started with STORM_ENV); `log` gets one line per step. */
export async function measureUploadStorm(
  server: BenchServer,
  options: StormOptions,
  log: (line: string) => void,
): Promise<StormFigures> {
  const stream = new SlideStreamClient(`${server.url}${server.eventsPath}`);
  await stream.waitFor(() => true, 20_000);
  const markdown = JSON.stringify({ markdown: codeDeck(options.deckKib) });
  const uploads: Record<string, number> = {};
  const abort = new AbortController();
  let inFlight = 0;
  const upload = async (address: string) => {
    while (!abort.signal.aborted) {
      inFlight += 1;
      try {
        const res = await fetch(`${server.url}/api/decks`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
          body: markdown,
          signal: abort.signal,
        });
        await res.arrayBuffer();
        uploads[res.status] = (uploads[res.status] ?? 0) + 1;
        // A refused client waits as told (at most a second here), then tries again.
        if (res.status === 429 || res.status === 503)
          await pause(Math.min(1000, Number(res.headers.get('retry-after')) * 1000));
      } catch {
        if (!abort.signal.aborted) uploads.error = (uploads.error ?? 0) + 1;
      } finally {
        inFlight -= 1;
      }
    }
  };
  log(
    `upload storm: ${options.uploaders} hostile clients sending ${options.deckKib} KiB decks of code; ${options.changes} slide changes`,
  );
  const clients = Array.from({ length: options.uploaders }, (_, i) => upload(`203.0.113.${i + 1}`));
  // Let the first bodies arrive, so rendering is under way before the first change.
  await pause(500);
  const samples: number[] = [];
  let changesDuringUploads = 0;
  try {
    for (let i = 0; i < options.changes; i += 1) {
      const busy = inFlight > 0;
      const sent = performance.now();
      const version = await server.change();
      await stream.waitForVersion(version, 30_000);
      samples.push(performance.now() - sent);
      if (busy && inFlight > 0) changesDuringUploads += 1;
      await pause(options.gapMs);
    }
  } finally {
    abort.abort();
    await Promise.all(clients);
    stream.close();
  }
  const putToEvent = spread(samples);
  const figures = { options, putToEvent, changesDuringUploads, uploads, met: putToEvent.p99 < STORM_TARGET_P99_MS };
  log(`  ${stormLine(figures)}`);
  return figures;
}

/** One line of the storm's figures, for the log and the summary. */
export function stormLine(f: StormFigures): string {
  const answered = Object.entries(f.uploads)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  return (
    `PUT-to-event p50 ${f.putToEvent.p50.toFixed(1)} p99 ${f.putToEvent.p99.toFixed(1)} max ${f.putToEvent.max.toFixed(1)} ms ` +
    `(target p99 < ${STORM_TARGET_P99_MS} ms: ${f.met ? 'met' : 'NOT met'}); ${f.changesDuringUploads} of ${f.putToEvent.count} changes ` +
    `while uploads were in flight; hostile uploads answered ${answered || 'none'}`
  );
}

/** The storm's section of the bench summary (Markdown). */
export function stormMarkdown(f: StormFigures): string {
  return `\n## Upload storm (issue 16)\n\n${f.options.uploaders} hostile clients, each from its own address, send ${f.options.deckKib} KiB decks of code back to back with the admission limits at their defaults; the presenter changes slides every ${f.options.gapMs} ms.\n\n${stormLine(f)}\n`;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Reads `--uploaders`, `--changes`, `--gap-ms`, `--deck-kib` over STORM_DEFAULTS. */
export function parseStormOptions(
  values: Partial<Record<'uploaders' | 'changes' | 'gap-ms' | 'deck-kib', string>>,
): StormOptions {
  const number = (text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new Error(`not a whole number: ${text}`);
    return value;
  };
  return {
    uploaders: number(values.uploaders, STORM_DEFAULTS.uploaders),
    changes: number(values.changes, STORM_DEFAULTS.changes),
    gapMs: number(values['gap-ms'], STORM_DEFAULTS.gapMs),
    deckKib: number(values['deck-kib'], STORM_DEFAULTS.deckKib),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      uploaders: { type: 'string' },
      changes: { type: 'string' },
      'gap-ms': { type: 'string' },
      'deck-kib': { type: 'string' },
      'from-source': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const { startPodiumServer } = await import('./servers.js');
  const dataDir = await mkdtemp(join(tmpdir(), 'podium-storm-'));
  const server = await startPodiumServer({ dataDir, env: STORM_ENV, compiled: !values['from-source'] });
  try {
    await measureUploadStorm(server, parseStormOptions(values), console.log);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
