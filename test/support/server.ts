import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { CreateDeckResponse, CreateKeyResponse, SlideState } from '../../shared/protocol.js';
import { startPodium, type PodiumOptions, type RunningPodium } from '../../server/main.js';
import { createScratchDatabase, type Driver, type ScratchDatabase } from './databases.js';

/** A Podium started for a test, plus helpers that speak its API. */
export interface TestServer extends RunningPodium {
  driver: Driver;
  /** Creates a deck over HTTP and returns the 201 body. */
  createDeck(markdown: string, title?: string): Promise<CreateDeckResponse>;
  /** Mints another presenter key of `deckId` with `key` (POST /keys) and returns it. */
  mintKey(deckId: string, key: string, label?: string): Promise<string>;
  /**
   * Pairing links are single-use: `count` more remote links of `created`'s deck (each with a key
   * of its own, minted with `created.presenterKey`, so call it before that key's link is opened).
   */
  pairingLinks(created: CreateDeckResponse, count: number): Promise<string[]>;
  /** PUTs a slide change with `key` (and `step`, when given); returns the raw response. */
  putSlide(deckId: string, key: string, index: number, ifMatch?: number, step?: number): Promise<Response>;
  /** Stops the server and drops its scratch database or data dir. */
  stop(): Promise<void>;
}

/** Options: any Podium option, plus the driver and (for Postgres) an existing database to share. */
export interface TestServerOptions extends Partial<PodiumOptions> {
  driver?: Driver;
  /** Share this database (e.g. several processes on one Postgres); not dropped on stop. `databaseUrl` may point at it through a proxy. */
  shared?: ScratchDatabase;
  /** Keep PGlite data on disk in a fresh temp dir (default: in memory). */
  onDisk?: boolean;
}

/** The three-slide deck most tests use. */
export const SAMPLE_DECK =
  '# One\n\nFirst\n\nNote:\nnotes one\n---\n## Two\n\nSecond\n---\n## Three\n\nThird\n\nNote:\nnotes three';

/** Starts a real Podium on 127.0.0.1 port 0 against PGlite (memory) or a scratch Postgres database. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const driver = options.driver ?? 'pglite';
  const scratch = driver === 'postgres' ? (options.shared ?? (await createScratchDatabase())) : undefined;
  const dataDir =
    driver === 'pglite' && options.onDisk ? await mkdtemp(join(tmpdir(), 'podium-test-')) : options.dataDir;
  const podium = await startPodium({
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...options,
    // A given databaseUrl (e.g. through a fault-injecting proxy) reaches the same scratch database.
    databaseUrl: scratch ? (options.databaseUrl ?? scratch.url) : undefined,
    dataDir,
  });
  const server: TestServer = {
    ...podium,
    driver,
    async createDeck(markdown, title) {
      const res = await fetch(`${podium.url}/api/decks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(title === undefined ? { markdown } : { markdown, title }),
      });
      if (res.status !== 201) throw new Error(`createDeck: ${res.status} ${await res.text()}`);
      return (await res.json()) as CreateDeckResponse;
    },
    async mintKey(deckId, key, label) {
      const res = await fetch(`${podium.url}/api/decks/${deckId}/keys`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
        body: JSON.stringify(label === undefined ? {} : { label }),
      });
      if (res.status !== 201) throw new Error(`mintKey: ${res.status} ${await res.text()}`);
      return ((await res.json()) as CreateKeyResponse).presenterKey;
    },
    async pairingLinks(created, count) {
      const links: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const key = await this.mintKey(created.deck.id, created.presenterKey);
        links.push(created.links.remote.replace(/#key=.*$/, `#key=${encodeURIComponent(key)}`));
      }
      return links;
    },
    putSlide(deckId, key, index, ifMatch, step) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` };
      if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
      return fetch(`${podium.url}/api/decks/${deckId}/slide`, {
        method: 'PUT',
        headers,
        body: JSON.stringify(step === undefined ? { index } : { index, step }),
      });
    },
    async stop() {
      await podium.close();
      if (scratch && !options.shared) await scratch.drop();
      if (dataDir && options.onDisk && !options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Reads a deck's state over HTTP. */
export async function fetchState(url: string, deckId: string): Promise<SlideState> {
  const res = await fetch(`${url}/api/decks/${deckId}`);
  const deck = (await res.json()) as SlideState;
  return { index: deck.index, step: deck.step, version: deck.version };
}
