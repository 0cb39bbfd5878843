/**
 * `npm run bench:room`: what a room of phones voting costs Postgres. One Podium (in this
 * process, on a scratch database of BENCH_DATABASE_URL or TEST_DATABASE_URL; PGlite without
 * either) gets a deck with a poll and Q questions; then P phones, each with its own viewer
 * cookie, each vote once on a question and once in the poll, spread over S seconds. Counted:
 * the write round trips Podium sent (statements that change data, and transactions), and on
 * Postgres the deck database's commits and rows written (pg_stat_database). The phones run in
 * this process too, so the answer times include the client's own load. Options:
 * `--phones 1000 --questions 20 --seconds 5`.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { startPodium, type RunningPodium } from '../server/main.js';
import { NO_RATE_LIMITS } from '../server/security/limits.js';
import type { Queryable } from '../server/store/database.js';
import type { CreateDeckResponse } from '../shared/protocol.js';
import type { AskQuestionResponse, QuestionsResponse } from '../shared/room-protocol.js';
import { createScratchDatabase, type ScratchDatabase } from '../test/support/databases.js';
import { Viewer } from '../test/support/room-client.js';
import { spread, type Spread } from './stats.js';

const DECK = '# Room bench\n---\n## Vote\n\n```poll\nBest fruit?\n- Apple\n- Pear\n- Plum\n- Fig\n```\n';
const WRITE_SQL = /\b(INSERT|UPDATE|DELETE|pg_notify)\b/i;

/** What one run measured. */
export interface RoomVoteFigures {
  phones: number;
  questions: number;
  seconds: number;
  /** Votes sent (one per phone on a question, one in the poll). */
  votes: number;
  /** Write round trips Podium sent while the phones voted (a transaction counts once). */
  podiumWrites: number;
  /** Commits of the deck's database on Postgres meanwhile (reads included); null on PGlite. */
  postgresCommits: number | null;
  /** Rows inserted, updated or deleted meanwhile on Postgres; null on PGlite. */
  postgresRows: number | null;
  /** Time from sending a vote to its answer, ms. */
  questionVoteMs: Spread;
  pollVoteMs: Spread;
  /** The counts read back after the storm match the votes sent. */
  correct: boolean;
}

/** Counts the write round trips sent through `db` from now on (statements that change data; a transaction once). */
function countWrites(db: RunningPodium['db']): { readonly count: number } {
  const counter = { count: 0 };
  const query = db.query.bind(db);
  const change = db.change.bind(db);
  const transaction = db.transaction.bind(db);
  db.query = (<Row>(sql: string, params?: readonly unknown[]) => {
    if (WRITE_SQL.test(sql)) counter.count += 1;
    return query<Row>(sql, params);
  }) as Queryable['query'];
  db.change = (<Row>(sql: string, params?: readonly unknown[]) => {
    counter.count += 1;
    return change<Row>(sql, params);
  }) as typeof db.change;
  db.transaction = (<T>(work: (tx: Queryable) => Promise<T>) => {
    counter.count += 1;
    return transaction(work);
  }) as typeof db.transaction;
  return counter;
}

async function postgresStats(
  client: pg.Client | null,
  database: string,
): Promise<{ commits: number; rows: number } | null> {
  if (!client) return null;
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ commits: string; rows: string }>(
    `SELECT xact_commit::text AS commits, (tup_inserted + tup_updated + tup_deleted)::text AS rows
     FROM pg_stat_database WHERE datname = $1`,
    [database],
  );
  return { commits: Number(rows[0]?.commits ?? 0), rows: Number(rows[0]?.rows ?? 0) };
}

/** Runs the room section once and returns its figures. */
export async function measureRoomVotes(phones: number, questions: number, seconds: number): Promise<RoomVoteFigures> {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const scratch: ScratchDatabase | null = url ? await createScratchDatabase(url) : null;
  const podium = await startPodium({
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'warn' }),
    databaseUrl: scratch?.url,
    limits: NO_RATE_LIMITS,
  });
  const stats = scratch ? new pg.Client({ connectionString: scratch.url }) : null;
  try {
    await stats?.connect();
    const database = scratch ? new URL(scratch.url).pathname.slice(1) : '';
    const created = (await (
      await fetch(`${podium.url}/api/decks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ markdown: DECK }),
      })
    ).json()) as CreateDeckResponse;
    const base = `/api/decks/${created.deck.id}`;
    const ids: string[] = [];
    for (let i = 0; i < questions; i++) {
      const res = await new Viewer(podium.url).request('POST', `${base}/questions`, { text: `Question ${i + 1}?` });
      ids.push(((await res.json()) as AskQuestionResponse).question.id);
    }
    // Every phone gets its viewer cookie first (a page load does the same), outside the measured part.
    const viewers = Array.from({ length: phones }, () => new Viewer(podium.url));
    await Promise.all(viewers.map((v) => v.request('GET', `${base}/questions`)));
    // Backends report their commits to pg_stat_database within about a second: let those reads land first.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const writes = countWrites(podium.db);
    const before = await postgresStats(stats, database);
    const questionMs: number[] = [];
    const pollMs: number[] = [];
    const expectedQuestion = new Map<string, number>();
    const expectedPoll = [0, 0, 0, 0];
    const startAt = performance.now();
    await Promise.all(
      viewers.map(async (viewer, i) => {
        const due = startAt + (i / phones) * seconds * 1000;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        const qid = ids[i % ids.length] as string;
        const option = i % 4;
        expectedQuestion.set(qid, (expectedQuestion.get(qid) ?? 0) + 1);
        expectedPoll[option] = (expectedPoll[option] ?? 0) + 1;
        let sent = performance.now();
        const q = await viewer.request('POST', `${base}/questions/${qid}/votes`);
        questionMs.push(performance.now() - sent);
        sent = performance.now();
        const p = await viewer.request('POST', `${base}/polls/s1p1/votes`, { option });
        pollMs.push(performance.now() - sent);
        if (q.status !== 200 || p.status !== 202) throw new Error(`vote refused: ${q.status} ${p.status}`);
      }),
    );
    // Poll tallies are flushed within half a second; stats reach pg_stat_database within about a second.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const podiumWrites = writes.count;
    const after = await postgresStats(stats, database);

    const list = (await (await fetch(`${podium.url}${base}/questions`)).json()) as QuestionsResponse;
    const questionsRight = list.questions.every((q) => q.votes === (expectedQuestion.get(q.id) ?? 0));
    const tally = await podium.store.polls.tallies([created.deck.id]);
    const counts = tally.get(created.deck.id)?.[0]?.counts ?? [];
    return {
      phones,
      questions,
      seconds,
      votes: phones * 2,
      podiumWrites,
      postgresCommits: before && after ? after.commits - before.commits : null,
      postgresRows: before && after ? after.rows - before.rows : null,
      questionVoteMs: spread(questionMs),
      pollVoteMs: spread(pollMs),
      correct: questionsRight && counts.join() === expectedPoll.join(),
    };
  } finally {
    await stats?.end().catch(() => undefined);
    await podium.close();
    await scratch?.drop();
  }
}

/** The figures as a Markdown table. */
export function roomVotesMarkdown(f: RoomVoteFigures): string {
  const ms = (s: Spread) => `${s.p50.toFixed(0)} / ${s.p99.toFixed(0)} ms`;
  return [
    `### Room votes: ${f.phones.toLocaleString('en-US')} phones, ${f.questions} questions, ${f.seconds} s`,
    '',
    '| votes sent | Podium write round trips | Postgres commits | Postgres rows written | question vote p50 / p99 | poll vote p50 / p99 | counts right |',
    '|---|---|---|---|---|---|---|',
    `| ${f.votes} | ${f.podiumWrites} | ${f.postgresCommits ?? 'n/a (PGlite)'} | ${f.postgresRows ?? 'n/a'} | ${ms(f.questionVoteMs)} | ${ms(f.pollVoteMs)} | ${f.correct ? 'yes' : 'NO'} |`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      phones: { type: 'string', default: '1000' },
      questions: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '5' },
    },
  });
  const figures = await measureRoomVotes(Number(values.phones), Number(values.questions), Number(values.seconds));
  console.log(roomVotesMarkdown(figures));
  console.log(JSON.stringify(figures));
  if (!figures.correct) process.exitCode = 1;
}
