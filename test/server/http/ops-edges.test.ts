import { connect } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeShortText } from '../../../shared/normalize-text.js';
import { DRIVERS } from '../../support/databases.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

function rawRequest(url: string, text: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(text);
  });
}

describe('normalizeShortText', () => {
  it('removes control and bidi-override characters and collapses whitespace', () => {
    expect(normalizeShortText('  Phone\u202E enoh\u0007P\n\tof\u2066 Ann\u0085 ')).toBe('Phone enoh P of Ann');
    expect(normalizeShortText('Cafe\u0301 talk')).toBe('Café talk');
  });
});

describe.each(DRIVERS)('operations edges (%s)', (driver) => {
  let server: TestServer;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    server = await startTestServer({
      driver,
      logger,
      metricsToken: 'scrape-me',
      limits: { maxStreamsPerAddress: 1 },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('/metrics needs its token when set and names no Node version', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const res = await fetch(`${server.url}/metrics`, { headers: { Authorization: 'Bearer scrape-me' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('podium_sse_clients');
    expect(text).not.toMatch(/version_info|v\d+\.\d+\.\d+/);
  });

  it('parser-level 400 answers carry the security headers', async () => {
    const answer = await rawRequest(server.url, 'GARBAGE / NOT-HTTP\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    for (const header of ['X-Content-Type-Options: nosniff', 'Content-Security-Policy:', 'X-Frame-Options: DENY']) {
      expect(answer).toContain(header);
    }
  });

  it('titles and key labels lose control and bidi-override characters', async () => {
    const created = await server.createDeck(SAMPLE_DECK, 'My\u0007 talk\u202E');
    expect(created.deck.title).toBe('My talk');
    const res = await fetch(`${server.url}/api/decks/${created.deck.id}/keys`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${created.presenterKey}` },
      body: JSON.stringify({ label: "Ann's\u202E enohp" }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { label: string }).label).toBe("Ann's enohp");
  });

  it('stream refusals are logged as refusals: one line, no stack, counted', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const url = `${server.url}/api/decks/${created.deck.id}/events`;
    const held = new AbortController();
    const first = await fetch(url, { signal: held.signal });
    expect(first.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const res = await fetch(url);
      statuses.push(res.status);
      await res.body?.cancel();
    }
    held.abort();
    expect(new Set(statuses).size).toBe(1);
    expect([429, 503]).toContain(statuses[0]);
    const refusals = lines.filter((line) => line.code === 'too_many_streams');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ level: 30, refused: 1 });
    expect(lines.some((line) => line.err !== undefined && /stream/.test(JSON.stringify(line)))).toBe(false);
  });
});
