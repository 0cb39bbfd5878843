import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import type { AudienceResponse, PresenterEventData } from '../../../shared/room-protocol.js';
import { DRIVERS, TEST_DATABASE_URL } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { EventRecorder } from '../../support/room-client.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { twoProcessesOnPostgres } from '../../support/two-processes.js';
import { eventually } from '../../support/sse-client.js';

/** Short, so the tests need not wait 20 s; the rule is the same. */
const OFFLINE_MS = 1500;
/** Rounds run every 2 s: a verdict lands within a round or two after the threshold. */
const VERDICT_MS = 10_000;

const remoteHeaders = (deck: CreateDeckResponse) => ({ Authorization: `Bearer ${deck.presenterKey}` });

/** The newest `presenter` verdict a recorder heard, or undefined. */
const verdict = (events: EventRecorder) => events.data<PresenterEventData>('presenter').at(-1)?.online;

async function audience(server: TestServer, deck: CreateDeckResponse): Promise<AudienceResponse> {
  const res = await fetch(`${server.url}/api/decks/${deck.deck.id}/audience`, { headers: remoteHeaders(deck) });
  expect(res.status).toBe(200);
  return (await res.json()) as AudienceResponse;
}

describe.each(DRIVERS)('presenter online (%s)', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ driver, presenterOfflineMs: OFFLINE_MS });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('a remote stream needs the deck key in a header, and is never counted as a viewer', async () => {
    const deck = await server.createDeck(SAMPLE_DECK);
    const other = await server.createDeck(SAMPLE_DECK);
    const url = `${server.url}/api/decks/${deck.deck.id}/events`;
    const wrong = await fetch(url, { headers: { Authorization: `Bearer ${other.presenterKey}` } });
    await expectError(wrong, 401, 'invalid_key');
    const remote = new EventRecorder(url, ['slide'], remoteHeaders(deck));
    try {
      await eventually(() => remote.data('slide').length > 0, 5000, 'the remote stream to open');
      expect((await audience(server, deck)).viewers).toBe(0);
      const viewer = new EventRecorder(url, ['slide']);
      try {
        await eventually(() => viewer.data('slide').length > 0, 5000, 'the audience stream to open');
        expect(await audience(server, deck)).toMatchObject({ viewers: 1, live: 1, browsing: 0 });
      } finally {
        viewer.close();
      }
    } finally {
      remote.close();
    }
  });

  it('tells the audience when no remote has been connected for a while, and when one is back', async () => {
    const deck = await server.createDeck(SAMPLE_DECK);
    const url = `${server.url}/api/decks/${deck.deck.id}/events`;
    const viewer = new EventRecorder(url, ['presenter']);
    try {
      await eventually(() => verdict(viewer) === false, VERDICT_MS, 'the presenter offline');
      const remote = new EventRecorder(url, ['slide'], remoteHeaders(deck));
      await eventually(() => verdict(viewer) === true, VERDICT_MS, 'the presenter back online');
      remote.close();
      await eventually(() => verdict(viewer) === false, VERDICT_MS, 'the presenter offline again');
      const versions = viewer.data<PresenterEventData>('presenter').map((event) => event.version);
      expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    } finally {
      viewer.close();
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('presenter online across two processes on one Postgres', () => {
  let a: TestServer;
  let b: TestServer;
  twoProcessesOnPostgres({ presenterOfflineMs: OFFLINE_MS }, (servers) => ([a, b] = servers));

  it('a remote on one process keeps the presenter online for the audience of the other', async () => {
    const deck = await a.createDeck(SAMPLE_DECK);
    const path = `/api/decks/${deck.deck.id}/events`;
    const viewer = new EventRecorder(`${b.url}${path}`, ['presenter']);
    try {
      await eventually(() => verdict(viewer) === false, VERDICT_MS, 'the presenter offline on b');
      const remote = new EventRecorder(`${a.url}${path}`, ['slide'], remoteHeaders(deck));
      await eventually(() => verdict(viewer) === true, VERDICT_MS, 'the presenter online on b');
      expect((await audience(b, deck)).viewers).toBe(1);
      remote.close();
      await eventually(() => verdict(viewer) === false, VERDICT_MS, 'the presenter offline on b again');
    } finally {
      viewer.close();
    }
  });
});
