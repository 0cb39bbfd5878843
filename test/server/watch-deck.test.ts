import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../shared/protocol.js';
import { serveDeckFile } from '../../server/serve-deck.js';
import { watchDeckFile } from '../../server/watch-deck.js';
import { DRIVERS } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Reads an event stream until `wanted` appears in it (or `timeoutMs` passes); returns what was read. */
async function readUntil(url: string, start: () => Promise<void>, wanted: RegExp, timeoutMs = 20_000): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let text = '';
  try {
    const res = await fetch(url, { signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let started = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      // Edit only once the stream has its first state, so the edit's events reach it.
      if (!started && text.includes('event: slide')) {
        started = true;
        await start();
      }
      if (wanted.test(text)) break;
    }
  } catch {
    // Aborted: the caller's expectation reports what was read.
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return text;
}

describe.each(DRIVERS)('rehearsal: npm start -- talk.md follows edits on %s', (driver) => {
  let server: TestServer;
  let dir: string;
  let stopWatching = () => undefined as void;
  const printed: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ driver });
    dir = await mkdtemp(join(tmpdir(), 'podium-watch-'));
  });
  afterAll(async () => {
    stopWatching();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['watch', 'poll'] as const)(
    'an edit reaches open screens as a deck event, the new content is served and the position kept (%s)',
    async (how) => {
      const talk = join(dir, `talk-${how}.md`);
      await writeFile(talk, '# Rehearsal\n\nFirst draft\n\n---\n\n## Two\n\n---\n\n## Three');
      const served = await serveDeckFile(server.store, talk);
      const id = served.deck.id;
      const moved = await server.store.setSlide(id, 2);
      expect(moved.kind).toBe('changed');
      stopWatching = watchDeckFile(server.store, talk, id, (line) => void printed.push(line), how);

      const stream = await readUntil(
        `${server.url}/api/decks/${id}/events`,
        () => writeFile(talk, '# Rehearsal\n\nSecond draft\n\n---\n\n## Two\n\n![gone](missing.png)'),
        /event: deck\n/,
      );
      expect(stream).toMatch(/event: deck\ndata: \{"version":\d+\}/);
      const deck = (await (await fetch(`${server.url}/api/decks/${id}`)).json()) as Deck;
      expect(deck.slides).toHaveLength(2);
      expect(deck.slides[0]?.html).toContain('Second draft');
      // The presenter was on slide 3; the deck now has 2, so the position is clamped to the last.
      expect(deck.index).toBe(1);
      await expect.poll(() => printed.join('\n'), { timeout: 15_000 }).toMatch(/Reloaded "Rehearsal" \(2 slides\)/);
      expect(printed.join('\n')).toContain('missing.png');
      stopWatching();
      printed.length = 0;
    },
  );
});
