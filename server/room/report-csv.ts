import type { TalkReport } from '../../shared/room-protocol.js';

/** The CSV columns of a report: one row per question, poll option, reaction, slide and audience sample and state. */
const HEADER = ['section', 'id', 'slide', 'text', 'state', 'option', 'count'];

/**
 * One CSV field: quoted when needed, and a text a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR at its start) made inert with a leading apostrophe.
 */
function field(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The report as CSV (RFC 4180, CRLF lines): questions, polls by option, reactions (totals, and per
 * minute: text its ISO time, state the reaction's name), seconds per
 * slide (1-based), and the audience per sample (text: its ISO time; state: following or browsing).
 */
export function reportCsv(report: TalkReport): string {
  const rows: Array<Array<string | number>> = [HEADER];
  for (const q of report.questions) rows.push(['question', q.id, q.slide + 1, q.text, q.state, '', q.votes]);
  for (const poll of report.polls) {
    const state = poll.open ? 'open' : 'closed';
    poll.options.forEach((option, i) => {
      rows.push(['poll', poll.id, '', poll.question, state, option, poll.counts[i] ?? 0]);
    });
  }
  for (const [name, count] of Object.entries(report.reactions)) rows.push(['reaction', '', '', name, '', '', count]);
  for (const minute of report.reactionsPerMinute) {
    for (const [name, count] of Object.entries(minute.counts)) {
      rows.push(['reaction_minute', '', '', minute.at, name, '', count]);
    }
  }
  for (const time of report.slideTimes) rows.push(['slide_seconds', '', time.slide + 1, '', '', '', time.seconds]);
  for (const sample of report.audience) {
    rows.push(['audience', '', '', sample.at, 'following', '', sample.live]);
    rows.push(['audience', '', '', sample.at, 'browsing', '', sample.browsing]);
  }
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
