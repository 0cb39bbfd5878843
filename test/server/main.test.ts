import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../shared/protocol.js';
import { createScratchDatabase, TEST_DATABASE_URL } from '../support/databases.js';
import { parseRemoteLink, spawnPodium, type PodiumProcess } from '../support/process.js';
import { SlideStreamClient } from '../support/sse-client.js';

const running: PodiumProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  await Promise.all(running.map((p) => p.stop('SIGKILL')));
  for (const cleanup of cleanups) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'podium-main-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function putSlide(base: string, deckId: string, key: string, index: number): Promise<Response> {
  return fetch(`${base}/api/decks/${deckId}/slide`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify({ index }),
  });
}

describe('main (npm start)', () => {
  it('serves the demo deck on the embedded database and prints working links', async () => {
    const dir = await tempDir();
    const podium = await spawnPodium({ PODIUM_DATA_DIR: dir });
    running.push(podium);
    expect(podium.audience).toBe(`${podium.url}/d/demo`);
    const deck = (await (await fetch(`${podium.url}/api/decks/demo`)).json()) as Deck;
    expect(deck.slides.length).toBeGreaterThanOrEqual(6);
    expect(deck.slides.length).toBeLessThanOrEqual(10);
    const { deckId, key } = parseRemoteLink(podium.remote);
    expect((await putSlide(podium.url, deckId, key, 1)).status).toBe(200);

    // A second process on the same data dir fails at once with a clear message.
    const started = Date.now();
    await expect(spawnPodium({ PODIUM_DATA_DIR: dir })).rejects.toThrow(/already using the data directory/);
    expect(Date.now() - started).toBeLessThan(10_000);

    // After a restart the old remote link still works and the slide is where it was.
    expect(await podium.stop('SIGTERM')).toBe(0);
    const again = await spawnPodium({ PODIUM_DATA_DIR: dir });
    running.push(again);
    expect(((await (await fetch(`${again.url}/api/decks/demo`)).json()) as Deck).index).toBe(1);
    expect((await putSlide(again.url, deckId, key, 2)).status).toBe(200);
    expect(parseRemoteLink(again.remote).key).not.toBe(key);
    // The link printed before the restart pairs a phone once, then it is spent.
    const exchange = () =>
      fetch(`${again.url}/api/decks/${deckId}/keys/exchange`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ deviceKey: randomBytes(32).toString('base64url') }),
      });
    expect((await exchange()).status).toBe(201);
    expect((await exchange()).status).toBe(410);
    expect((await putSlide(again.url, deckId, key, 0)).status).toBe(401);
    await again.stop('SIGTERM');
  }, 150_000);

  it('serves a Markdown file given as an argument', async () => {
    const dir = await tempDir();
    const talk = join(dir, 'My Talk.md');
    await writeFile(talk, '# Hello\n\nfirst\n---\n## Second\n\nNote:\nsecret');
    const podium = await spawnPodium({ PODIUM_DATA_DIR: join(dir, 'data') }, [talk]);
    running.push(podium);
    const { deckId } = parseRemoteLink(podium.remote);
    expect(deckId).toMatch(/^my-talk-[0-9a-f]{6}$/);
    const deck = (await (await fetch(`${podium.url}/api/decks/${deckId}`)).json()) as Deck;
    expect(deck.title).toBe('Hello');
    expect(deck.slides).toHaveLength(2);
    expect(JSON.stringify(deck)).not.toContain('secret');
    await podium.stop('SIGTERM');
  }, 150_000);

  it('refuses bad configuration with a message that names the variable', async () => {
    await expect(spawnPodium({ PODIUM_HEARTBEAT_MS: 'often' })).rejects.toThrow(/PODIUM_HEARTBEAT_MS/);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('two processes on one Postgres', () => {
  it('a PUT on one reaches a stream on the other', async () => {
    const db = await createScratchDatabase();
    cleanups.push(() => db.drop());
    const [a, b] = await Promise.all([spawnPodium({ DATABASE_URL: db.url }), spawnPodium({ DATABASE_URL: db.url })]);
    running.push(a!, b!);
    const { deckId, key } = parseRemoteLink(a!.remote);
    const stream = new SlideStreamClient(`${b!.url}/api/decks/${deckId}/events`);
    try {
      const first = await stream.waitFor(() => true);
      const target = first.index === 1 ? 2 : 1;
      const res = await putSlide(a!.url, deckId, key, target);
      expect(res.status).toBe(200);
      const moved = await stream.waitForVersion(first.version + 1, 3000);
      expect(moved.index).toBe(target);
    } finally {
      stream.close();
    }
    await Promise.all([a!.stop(), b!.stop()]);
  }, 150_000);
});
