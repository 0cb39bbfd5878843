import { nowMs, sleep } from './clock.js';
import { httpJson, httpRequest } from './http-client.js';
import type { BenchServer } from './servers.js';
import { SseConnection } from './sse-connection.js';
import { spread, type Spread } from './stats.js';

/** Settings of the uploads phase. */
export interface UploadLatencyOptions {
  /** Slide changes timed in each half (idle, then during uploads); 0 skips the phase. */
  changes: number;
  /** Clients that keep creating 1 MiB decks of code during the second half. */
  uploaders: number;
  /** Longest wait for one change's event, ms. */
  timeoutMs: number;
}

/** PUT-to-event latency of an open stream, idle and while decks are being created. */
export interface UploadLatencyFigures {
  uploaders: number;
  /** From sending the PUT to the stream receiving its event, ms, with nothing else going on. */
  idle: Spread;
  /** The same while `uploaders` clients keep creating 1 MiB decks of code. */
  duringUploads: Spread;
  /** Decks created (201) during the second half, and uploads answered otherwise. */
  decksCreated: number;
  uploadFailures: number;
  /** Why uploads were refused: each distinct `status code` seen (0: no answer), at most 5. */
  refusals: string[];
}

/** A deck of 400 slides of CSS code blocks, just under 1000 KiB: what highlighting costs most. */
export function heavyCodeDeck(): string {
  return Array.from(
    { length: 400 },
    (_, i) => `## Slide ${i}\n\n\`\`\`css\n${'.a { color: red; margin: 0 auto; }\n'.repeat(70)}\`\`\``,
  )
    .join('\n\n---\n\n')
    .slice(0, 1000 * 1024);
}

/** One stream on the deck, and a way to wait until it has seen a version (reached rejects after `timeoutMs`). */
export function followDeck(server: BenchServer, deckId: string, timeoutMs: number) {
  const waiters = new Map<number, () => void>();
  const connection = new SseConnection(
    { host: '127.0.0.1', port: server.port, path: `/api/decks/${deckId}/events`, timeoutMs },
    {
      onEvent: (_connection, _at) => {
        for (const [version, resolve] of waiters) {
          if (connection.lastVersion >= version) {
            waiters.delete(version);
            resolve();
          }
        }
      },
      onClose: () => {
        for (const resolve of waiters.values()) resolve();
        waiters.clear();
      },
    },
  );
  const reached = (version: number): Promise<void> => {
    if (connection.lastVersion >= version) return Promise.resolve();
    if (connection.isClosed) return Promise.reject(new Error('uploads: the stream closed'));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`uploads: no event for version ${version}`)), timeoutMs);
      waiters.set(version, () => {
        clearTimeout(timer);
        if (connection.lastVersion >= version) resolve();
        else reject(new Error('uploads: the stream closed'));
      });
    });
  };
  return { connection, reached };
}

/**
 * Issue 10's measure of rendering off the event loop: on one Podium process, a presenter
 * changes slides one after another while a stream listens, first with nothing else going on,
 * then while `uploaders` clients keep creating 1 MiB decks of code (parsed and highlighted in
 * worker threads). Each sample is the time from sending the PUT to the stream's event.
 */
export async function measureUploadLatency(
  server: BenchServer,
  options: UploadLatencyOptions,
): Promise<UploadLatencyFigures> {
  const created = await httpJson<{ deck: { id: string; version: number }; presenterKey: string }>(
    'POST',
    `${server.url}/api/decks`,
    { markdown: '# One\n---\n# Two\n---\n# Three', title: 'uploads bench' },
    {},
    201,
  );
  const { id } = created.deck;
  const stream = followDeck(server, id, options.timeoutMs);
  let version = created.deck.version;
  await stream.reached(version);
  const timeChanges = async (): Promise<Spread> => {
    const samples: number[] = [];
    for (let i = 0; i < options.changes; i += 1) {
      const sent = nowMs();
      const answer = await httpJson<{ version: number }>(
        'PUT',
        `${server.url}/api/decks/${id}/slide`,
        { index: (i + 1) % 3 },
        { Authorization: `Bearer ${created.presenterKey}` },
      );
      version = answer.version;
      await stream.reached(version);
      samples.push(nowMs() - sent);
    }
    return spread(samples);
  };
  try {
    const idle = await timeChanges();
    const deck = heavyCodeDeck();
    let uploading = true;
    let decksCreated = 0;
    let uploadFailures = 0;
    const refusals = new Set<string>();
    const uploads = Array.from({ length: options.uploaders }, async () => {
      while (uploading) {
        const answer = await httpRequest('POST', `${server.url}/api/decks`, { markdown: deck }, {}, 60_000).catch(
          () => ({ status: 0, body: '' }),
        );
        if (answer.status === 201) {
          decksCreated += 1;
          continue;
        }
        uploadFailures += 1;
        const code = /"code":"([a-z_]+)"/.exec(answer.body)?.[1] ?? '';
        if (refusals.size < 5) refusals.add(`${answer.status} ${code}`.trim());
      }
    });
    // Let the first uploads reach the renderer before timing.
    await sleep(200);
    const duringUploads = await timeChanges();
    uploading = false;
    await Promise.all(uploads);
    return { uploaders: options.uploaders, idle, duringUploads, decksCreated, uploadFailures, refusals: [...refusals] };
  } finally {
    stream.connection.reset();
  }
}
