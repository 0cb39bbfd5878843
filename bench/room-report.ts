import { targetsTable, type BenchContext, type TargetCheck } from './report.js';
import type { RoomFigures } from './room-phases.js';
import type { Sent, VoteWindowFigures } from './room-questions.js';
import type { ReactionStormFigures } from './room-reactions.js';
import type { Spread } from './stats.js';

/** Slide PUT-to-event p99 during a room storm, as a multiple of the same measured idle: at most this. */
export const ROOM_PUT_RATIO_TARGET = 1.2;

const ms = (s: Spread) => `${s.p50.toFixed(0)} / ${s.p99.toFixed(0)}`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const refusals = (s: Sent) => {
  const other = Object.entries(s.refused).map(([status, n]) => `${n} x ${status}`);
  if (s.failed > 0) other.push(`${s.failed} unanswered`);
  return other.length > 0 ? ` (${other.join(', ')})` : '';
};
const ratio = (idle: Spread, storm: Spread, r: number) =>
  `${idle.p99.toFixed(1)} / ${storm.p99.toFixed(1)} (${r.toFixed(2)}x)`;

function reactionRow(f: ReactionStormFigures): string {
  const taps: Sent = { sent: f.taps.sent, answered: f.taps.answered, refused: f.taps.refused, failed: f.taps.failed };
  return (
    `| ${int(f.viewers)} | ${int(f.taps.answered)} of ${int(f.taps.sent)}${refusals(taps)}, ${f.tapsPerSecond}/s | ${f.pg.reactionRowsPerSecond} | ` +
    `${f.pg.notifiesPerSecond.reactions} (limit ${f.flushLimitPerSecond}) | ${ms(f.tapToRemote)} | ${int(f.remoteTotal)} | ` +
    `${ratio(f.putToEvent.idle, f.putToEvent.storm, f.putToEvent.ratio)} | ${f.rssPerViewerKb} (${f.rssPerStreamKb}) | ${f.heapPerViewerKb} (${f.heapPerStreamKb}) |`
  );
}

function voteRow(name: string, f: VoteWindowFigures, idle: Spread): string {
  const notifies = f.pg.notifiesPerSecond;
  return (
    `| ${name} | ${int(f.votes.answered)} of ${int(f.votes.sent)}${refusals(f.votes)} in ${f.seconds} s | ${f.pg.rowsPerSecond} | ${f.pg.commitsPerSecond} | ` +
    `${notifies.questions} / ${notifies.poll} | ${ms(f.answerMs)} | ${ms(f.voteToRemote)}${f.remoteMissing > 0 ? ` (${f.remoteMissing} never seen)` : ''} | ` +
    `${ratio(idle, f.putToEvent.storm, f.putToEvent.ratio)} | ${f.countsRight ? 'yes' : '**no**'} |`
  );
}

/** The room's targets: NOTIFYs bounded by the flush rate, slide changes unhurt by the storms, counts right. */
export function roomTargets(room: RoomFigures): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const f of room.reactions) {
    checks.push({
      target: `Reactions, ${int(f.viewers)} viewers: reaction NOTIFYs/s at most 2 processes x 2 flushes/s, rows/s at most that x 6 names`,
      measured: `${f.pg.notifiesPerSecond.reactions} NOTIFYs/s, ${f.pg.reactionRowsPerSecond} rows/s`,
      met: f.withinFlushLimit,
    });
    checks.push({
      target: `Reactions, ${int(f.viewers)} viewers: slide PUT-to-event p99 at most ${ROOM_PUT_RATIO_TARGET}x idle`,
      measured: `${f.putToEvent.ratio.toFixed(2)}x`,
      met: f.putToEvent.ratio <= ROOM_PUT_RATIO_TARGET,
    });
    checks.push({
      target: `Reactions, ${int(f.viewers)} viewers: every tap answered and in the remote's total`,
      measured: `${int(f.taps.answered)} of ${int(f.taps.sent)} answered, remote total ${int(f.remoteTotal)}`,
      met: f.taps.answered === f.taps.sent && f.remoteTotal === f.taps.answered,
    });
  }
  const q = room.questions;
  if (q) {
    for (const [name, window] of [
      ['Question votes', q.questions],
      ['Poll votes', q.poll],
    ] as const) {
      checks.push({
        target: `${name}: slide PUT-to-event p99 at most ${ROOM_PUT_RATIO_TARGET}x idle`,
        measured: `${window.putToEvent.ratio.toFixed(2)}x`,
        met: window.putToEvent.ratio <= ROOM_PUT_RATIO_TARGET,
      });
      checks.push({
        target: `${name}: every vote answered, on the remote, and counted right`,
        measured: `${int(window.votes.answered)} of ${int(window.votes.sent)} answered, ${window.remoteMissing} never on the remote`,
        met: window.votes.answered === window.votes.sent && window.remoteMissing === 0 && window.countsRight,
      });
    }
  }
  return checks;
}

/** The "## The room" section of the summary. */
export function roomMarkdown(room: RoomFigures): string {
  if (room.skipped) return `\n## The room\n\nSkipped: ${room.skipped}.\n`;
  const lines = [
    '',
    '## The room',
    '',
    'Two Podium processes (separate OS processes) on one scratch Postgres database; viewers hold an SSE stream each and post',
    'over keep-alive connections, half on each process; the remote is a presenter-key stream on the second process. Slide',
    'PUT-to-event: a PUT on the first process until an audience stream on the second has the event, idle and then during the storm.',
    '',
  ];
  if (room.reactions.length > 0) {
    lines.push(
      '### Reactions storm (room part 1): every viewer taps once a second',
      '',
      '| viewers | taps answered | deck_reactions rows/s | reaction NOTIFYs/s | tap-to-remote p50 / p99 ms | remote total | PUT-to-event p99 idle / storm ms | RSS/viewer KB after (plain stream) | heap/viewer KB after (plain stream) |',
      '|---:|---|---:|---:|---|---:|---|---:|---:|',
      ...room.reactions.map(reactionRow),
      '',
    );
  }
  const q = room.questions;
  if (q) {
    lines.push(
      `### Questions and polls (room part 2): ${int(q.viewers)} viewers, ${int(q.asked.answered)} questions asked${refusals(q.asked)}`,
      '',
      '| window | votes answered | PG rows/s | PG commits/s | questions / poll NOTIFYs/s | vote answered p50 / p99 ms | vote-to-remote p50 / p99 ms | PUT-to-event p99 idle / storm ms | counts right |',
      '|---|---|---:|---:|---|---|---|---|---|',
      voteRow('question votes', q.questions, q.idlePutToEvent),
      voteRow(`poll, ${int(q.poll.voters)} voters`, q.poll, q.idlePutToEvent),
      '',
    );
  }
  lines.push(targetsTable(roomTargets(room)), '');
  return lines.join('\n');
}

/** The summary of a `--room-only` run: where it ran, then the room section. */
export function roomOnlySummary(context: BenchContext, room: RoomFigures): string {
  return [
    `# Podium benchmark, the room only, ${context.startedAt}`,
    '',
    `\`${context.command}\`, ${context.database === 'postgres' ? 'real Postgres' : 'PGlite'}, on ${context.cpus} (Node ${context.node}) shared with the load clients.`,
    roomMarkdown(room),
  ].join('\n');
}
