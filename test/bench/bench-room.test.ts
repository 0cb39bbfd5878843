import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../bench/options.js';
import { runBench } from '../../bench/run-bench.js';
import { TEST_DATABASE_URL } from '../support/databases.js';

const TINY = [
  '--room-only',
  '--reaction-viewers',
  '6',
  '--reaction-seconds',
  '1',
  '--room-viewers',
  '6',
  '--room-questions',
  '3',
  '--room-votes',
  '12',
  '--room-seconds',
  '1',
  '--poll-seconds',
  '1',
  '--room-idle-changes',
  '3',
  '--runs',
  '1',
  '--from-source',
];

describe('npm run bench, the room phases', () => {
  const dirs: string[] = [];
  const out = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podium-bench-room-'));
    dirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!TEST_DATABASE_URL)(
    '--room-only runs the reactions storm and the questions and poll storm on two processes, and every count adds up',
    async () => {
      const options = parseBenchOptions([...TINY, '--out', await out()], { BENCH_DATABASE_URL: TEST_DATABASE_URL });
      const results = await runBench(options, () => undefined);
      expect(results.runs.flatMap((run) => run.servers)).toEqual([]);
      expect(results.uploadStorm).toBeNull();
      expect(results.files.chart).toBeNull();
      const { room } = results;
      expect(room.skipped).toBeNull();

      const [storm] = room.reactions;
      expect(room.reactions).toHaveLength(1);
      expect(storm).toMatchObject({ viewers: 6, streams: { ok: 6, failed: 0 } });
      expect(storm?.taps).toEqual({ sent: 6, answered: 6, refused: {}, failed: 0 });
      expect(storm?.remoteTotal).toBe(6);
      expect(storm?.tapToRemote.count).toBe(6);
      expect(storm?.putToEvent.idle.count).toBe(3);
      expect(storm?.putToEvent.storm.count).toBeGreaterThan(0);
      expect(storm?.pg.notifiesPerSecond.reactions).toBeGreaterThan(0);
      expect(storm?.pg.reactionRowsPerSecond).toBeGreaterThan(0);
      for (const kb of [storm?.rssPerViewerKb, storm?.heapPerViewerKb, storm?.heapPerStreamKb])
        expect(Number.isFinite(kb)).toBe(true);

      const q = room.questions;
      expect(q).toMatchObject({ viewers: 6, streams: { ok: 6, failed: 0 } });
      expect(q?.asked).toEqual({ sent: 3, answered: 3, refused: {}, failed: 0 });
      expect(q?.questions.votes).toEqual({ sent: 12, answered: 12, refused: {}, failed: 0 });
      expect(q?.questions).toMatchObject({ remoteMissing: 0, countsRight: true });
      expect(q?.questions.voteToRemote.count).toBe(12);
      expect(q?.questions.pg.commitsPerSecond).toBeGreaterThan(0);
      expect(q?.questions.pg.notifiesPerSecond.questions).toBeGreaterThan(0);
      expect(q?.poll.votes).toEqual({ sent: 6, answered: 6, refused: {}, failed: 0 });
      expect(q?.poll).toMatchObject({ voters: 6, remoteMissing: 0, countsRight: true });
      expect(q?.poll.voteToRemote.count).toBe(6);

      const json = JSON.parse(await readFile(results.files.json, 'utf8')) as { room: typeof room };
      expect(json.room.questions?.questions.votes.answered).toBe(12);
      const summary = await readFile(results.files.markdown, 'utf8');
      expect(summary).toContain('## The room');
      expect(summary).toMatch(/\| 6 \| 6 of 6, [\d.]+\/s \|/);
      expect(summary).toMatch(/\| question votes \| 12 of 12 in [\d.]+ s \|/);
      expect(summary).toMatch(/\| poll, 6 voters \| 6 of 6 in [\d.]+ s \|/);
      expect(summary).toMatch(/every vote answered, on the remote, and counted right \| 12 of 12 answered/);
    },
    240_000,
  );

  it('says the room phases were skipped, and why, on PGlite', async () => {
    const logged: string[] = [];
    const options = parseBenchOptions([...TINY, '--out', await out()], {});
    expect(options.room.enabled).toBe(false);
    const results = await runBench(options, (line) => logged.push(line));
    expect(results.room).toMatchObject({ reactions: [], questions: null });
    expect(results.room.skipped).toMatch(/need real Postgres.*BENCH_DATABASE_URL/);
    expect(logged.join('\n')).toMatch(/SKIPPED the room phases: .*need real Postgres/);
    expect(results.context.skipped.join()).toContain('the room (');
    expect(await readFile(results.files.markdown, 'utf8')).toMatch(/## The room\n\nSkipped: .*need real Postgres/);
  }, 60_000);

  it('refuses more question votes than one per viewer and question', () => {
    expect(() => parseBenchOptions(['--room-viewers', '2', '--room-questions', '3', '--room-votes', '7'], {})).toThrow(
      /at most one vote per viewer and question/,
    );
  });
});
