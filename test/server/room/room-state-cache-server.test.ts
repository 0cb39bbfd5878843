import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import type { PollEventData, QuestionsEventData } from '../../../shared/room-protocol.js';
import { LISTENER_APPLICATION_NAME } from '../../../server/store/pg-database.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';
import { createScratchDatabase, DRIVERS, type Driver, type ScratchDatabase } from '../../support/databases.js';
import { EventRecorder, Viewer } from '../../support/room-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { eventually } from '../../support/sse-client.js';
import { terminateBackends } from '../../faults/fault-kit.js';
import { POLL_DECK } from './room-fixtures.js';

/** A server whose room snapshot reads (the batched questions and polls SELECTs of new streams) are counted. */
async function countingServer(driver: Driver, shared?: ScratchDatabase) {
  const server = await startTestServer({
    driver,
    shared,
    limits: NO_RATE_LIMITS,
    // A first reconnect 0.4-0.8 s after a kill: long enough to act while the listener is down.
    listenerTimings: { backoffMinMs: 800, backoffMaxMs: 1000, livenessIntervalMs: 500, livenessTimeoutMs: 1000 },
  });
  const deck = await server.createDeck(POLL_DECK);
  const counts = { roomReads: 0 };
  const query = server.db.query.bind(server.db);
  server.db.query = <Row>(sql: string, params?: readonly unknown[]) => {
    if (/FROM questions WHERE deck_id = ANY|FROM polls p WHERE p\.deck_id = ANY/.test(sql)) counts.roomReads += 1;
    return query<Row>(sql, params);
  };
  return { server, deck, counts };
}

/** What a stream was told of the room: the question texts of its newest `questions` event, and poll s1p1's newest total. */
function roomOf(recorder: EventRecorder): { questions: string[] | undefined; total: number | undefined } {
  const questions = recorder
    .data<QuestionsEventData>('questions')
    .at(-1)
    ?.questions.map((q) => q.text);
  return { questions, total: recorder.data<PollEventData>('poll').at(-1)?.total };
}

describe.each(DRIVERS)('room state of new streams from memory on %s', (driver) => {
  let server: TestServer;
  let deck: CreateDeckResponse;
  let counts: { roomReads: number };
  const streams: EventRecorder[] = [];
  const open = () => {
    const recorder = new EventRecorder(`${server.url}/api/decks/${deck.deck.id}/events`, ['questions', 'poll']);
    streams.push(recorder);
    return recorder;
  };
  const ask = async (text: string) =>
    expect(
      (await new Viewer(server.url).request('POST', `/api/decks/${deck.deck.id}/questions`, { text })).status,
    ).toBe(201);
  const vote = async (option: number) => {
    const path = `/api/decks/${deck.deck.id}/polls/s1p1/votes`;
    expect((await new Viewer(server.url).request('POST', path, { option })).status).toBe(202);
  };
  const told = (recorder: EventRecorder, questions: string[], total: number) =>
    eventually(
      () => JSON.stringify(roomOf(recorder)) === JSON.stringify({ questions, total }),
      10_000,
      `a stream told ${questions.length} questions and ${total} votes`,
    );

  beforeAll(async () => {
    ({ server, deck, counts } = await countingServer(driver));
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await server.stop();
  });

  it('reads the room once, then tells every later stream (and every change) from memory', async () => {
    await ask('First?');
    await vote(1);
    const readsBefore = counts.roomReads;
    const first = open();
    await told(first, ['First?'], 1);
    expect(counts.roomReads).toBeGreaterThan(readsBefore); // the counter sees the snapshot's queries
    // The question's own notification may land after the first read, which then is not kept.
    await eventually(
      async () => {
        const reads = counts.roomReads;
        await told(open(), ['First?'], 1);
        return counts.roomReads === reads;
      },
      10_000,
      'a stream opened without a room read',
    );
    const warm = counts.roomReads;

    const more = Array.from({ length: 10 }, open);
    await Promise.all(more.map((stream) => told(stream, ['First?'], 1)));
    await ask('Second?');
    await vote(2);
    await Promise.all([first, ...more].map((stream) => told(stream, ['First?', 'Second?'], 2)));
    const late = Array.from({ length: 5 }, open);
    await Promise.all(late.map((stream) => told(stream, ['First?', 'Second?'], 2)));
    expect(counts.roomReads).toBe(warm);
  });
});

// pg_terminate_backend needs a real server; PGlite's listener lives in-process and cannot be cut.
describe.skipIf(!DRIVERS.includes('postgres'))('room state of new streams across a listener reconnect', () => {
  let scratch: ScratchDatabase;
  let server: TestServer;
  let deck: CreateDeckResponse;
  let counts: { roomReads: number };
  const streams: EventRecorder[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    ({ server, deck, counts } = await countingServer('postgres', scratch));
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await server?.stop();
    await scratch?.drop();
  });

  it('reads again while the listener is down, and tells what changed meanwhile once it is back', async () => {
    const open = () => {
      const recorder = new EventRecorder(`${server.url}/api/decks/${deck.deck.id}/events`, ['questions', 'poll']);
      streams.push(recorder);
      return recorder;
    };
    const viewer = new Viewer(server.url);
    const ask = async (text: string) =>
      expect((await viewer.request('POST', `/api/decks/${deck.deck.id}/questions`, { text })).status).toBe(201);
    const told = async (stream: EventRecorder, questions: number) =>
      eventually(() => roomOf(stream).questions?.length === questions, 10_000, `a stream told ${questions} questions`);
    await ask('Before?');
    // Warm: a stream opens without a room read (the question's notification may land after the first read).
    await eventually(
      async () => {
        const reads = counts.roomReads;
        await told(open(), 1);
        return counts.roomReads === reads;
      },
      10_000,
      'a stream opened without a room read',
    );
    const cached = counts.roomReads;
    // A stream open all along: it must hear of what changed while the listener was down.
    const early = open();
    await told(early, 1);

    expect(await terminateBackends(scratch.name, LISTENER_APPLICATION_NAME)).toBeGreaterThanOrEqual(1);
    await eventually(() => !server.listener.connected, 5000, 'the listener notices the kill');
    // Its notification is lost: only a read knows of this question.
    await ask('While down?');
    await told(open(), 2);
    expect(counts.roomReads).toBeGreaterThan(cached);

    await eventually(() => server.listener.connected && server.listener.hearing, 10_000, 'the listener is back');
    const after = open();
    await told(after, 2);
    expect(roomOf(after).questions).toEqual(['Before?', 'While down?']);
    await told(early, 2);
    expect(roomOf(early).questions).toEqual(['Before?', 'While down?']);
  });
});
