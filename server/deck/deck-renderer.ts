import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { DeckSourceInput, RenderedDeck } from './deck-types.js';
import { RENDER_THREADS } from './render-threads.js';

/** The deck (with its imported files) is larger than the size budget; the HTTP layer answers 413. */
export class DeckTooLargeError extends Error {
  override readonly name = 'DeckTooLargeError';
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`The deck is ${Math.ceil(bytes / 1024)} KiB; the limit is ${Math.floor(maxBytes / 1024)} KiB.`);
  }
}

/** Rendering took longer than the time budget and was stopped; the HTTP layer answers 422. */
export class DeckRenderTimeoutError extends Error {
  override readonly name = 'DeckRenderTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(
      `The deck took longer than ${Math.round(timeoutMs / 1000)} s to prepare; try splitting it or shortening its code blocks.`,
    );
  }
}

/** Budget for one deck. Defaults: 20 s and 4 MiB of Markdown (the deck and its imported files together). */
export interface RenderBudget {
  timeoutMs?: number;
  maxBytes?: number;
}

function workerSource(): { filename: string; execArgv: string[] } {
  const built = fileURLToPath(new URL('./deck-worker.js', import.meta.url));
  if (existsSync(built)) return { filename: built, execArgv: [] };
  // Running from source (tsx, vitest): the worker thread needs tsx's loader to import TypeScript.
  return { filename: fileURLToPath(new URL('./deck-worker.ts', import.meta.url)), execArgv: ['--import', 'tsx'] };
}

let pool: Piscina | null = null;

function sharedPool(): Piscina {
  if (pool) return pool;
  const { filename, execArgv } = workerSource();
  pool = new Piscina({
    filename,
    execArgv,
    maxThreads: RENDER_THREADS,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return pool;
}

function inputBytes(input: DeckSourceInput): number {
  const files = Object.values(input.files ?? {});
  return [input.markdown, ...files].reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
}

/**
 * Renders a deck in a worker thread (a shared piscina pool, up to 4 threads, one fewer than the
 * cores), so parsing, highlighting, math and sanitizing never hold the event loop. Rejects with
 * `DeckTooLargeError` before starting when over `maxBytes`, and `DeckRenderTimeoutError` (the
 * worker is stopped) when over `timeoutMs`.
 */
export async function renderDeckInWorker(
  input: DeckSourceInput,
  budget: RenderBudget = {},
): Promise<RenderedDeck | null> {
  const { timeoutMs = 20_000, maxBytes = 4 * 1024 * 1024 } = budget;
  const bytes = inputBytes(input);
  if (bytes > maxBytes) throw new DeckTooLargeError(bytes, maxBytes);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return (await sharedPool().run(input, { signal })) as RenderedDeck | null;
  } catch (error) {
    if (signal.aborted) throw new DeckRenderTimeoutError(timeoutMs);
    throw error;
  }
}

/** Stops the worker threads (for shutdown and tests); the next render starts a new pool. */
export async function closeDeckRenderer(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.destroy();
}
