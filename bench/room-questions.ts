/**
 * Room part 2, questions and polls: viewers on two Podium processes ask questions and vote on
 * them (each viewer at most once per question) over S seconds, then every viewer votes in a
 * poll within a few seconds. Measured: Postgres's writes, the time from a vote's answer to the
 * remote's `questions` or `poll` event including it, and slide changes meanwhile.
 */
import type {
  AskQuestionResponse,
  PollEventData,
  QuestionsEventData,
  QuestionsResponse,
} from '../shared/room-protocol.js';
import { eventually } from '../test/support/sse-client.js';
import { sleep } from './clock.js';
import { httpJson } from './http-client.js';
import { POLL_ID, POLL_OPTIONS, type RoomStage } from './room-stage.js';
import { delaysToTotals, idlePutToEvent, spreadOver, underLoad, type PgCounters, type PgRates } from './room-window.js';
import type { RoomOptions } from './room-phases.js';
import { round, spread, type Spread } from './stats.js';

/** Settings of the questions-and-polls phase: the room options it reads (see RoomOptions), and how long to wait for the remote. */
export type QuestionStormOptions = Pick<
  RoomOptions,
  'questions' | 'votes' | 'seconds' | 'pollSeconds' | 'idleChanges' | 'gapMs'
> & { timeoutMs: number };

/** Requests of one kind: sent, answered as hoped, answered otherwise (by status), not answered. */
export interface Sent {
  sent: number;
  answered: number;
  refused: Record<string, number>;
  failed: number;
}

/** What one window of votes measured. */
export interface VoteWindowFigures {
  votes: Sent;
  seconds: number;
  pg: PgRates;
  /** From sending a vote to its answer, ms. */
  answerMs: Spread;
  /** From a vote's answer to the remote's event including it, ms. */
  voteToRemote: Spread;
  /** Answered votes no remote event included before the timeout. */
  remoteMissing: number;
  putToEvent: { storm: Spread; ratio: number };
  /** The counts read back equal the votes answered. */
  countsRight: boolean;
}

/** What the phase measured. */
export interface QuestionStormFigures {
  viewers: number;
  streams: { ok: number; failed: number };
  asked: Sent;
  idlePutToEvent: Spread;
  questions: VoteWindowFigures;
  poll: VoteWindowFigures & { voters: number };
}

function sent(): Sent {
  return { sent: 0, answered: 0, refused: {}, failed: 0 };
}

/** Counts one request's outcome in `into` (and its time in `ms`); true when answered with `ok`. */
async function count(
  into: Sent,
  ok: number,
  request: () => Promise<{ status: number }>,
  ms: number[] = [],
): Promise<boolean> {
  into.sent += 1;
  const started = performance.now();
  try {
    const { status } = await request();
    ms.push(performance.now() - started);
    if (status === ok) into.answered += 1;
    else into.refused[status] = (into.refused[status] ?? 0) + 1;
    return status === ok;
  } catch {
    into.failed += 1;
    return false;
  }
}

/** The first index of ascending `values` at least `least` (values.length when none). */
function firstAtLeast(values: readonly number[], least: number): number {
  let [low, high] = [0, values.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) < least) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Runs the phase on a stage whose phones and streams are open. */
export async function measureQuestionStorm(
  stage: RoomStage,
  counters: PgCounters,
  options: QuestionStormOptions,
): Promise<QuestionStormFigures> {
  const { phones, deckPath, remote } = stage;
  const viewers = phones.length;
  const idle = await idlePutToEvent(stage, options.idleChanges, options.gapMs);
  const ratio = (storm: Spread) => round(storm.p99 / idle.p99, 2);

  // Questions asked evenly over the window; votes evenly over it, each on a question already asked.
  const asked = sent();
  const ids: string[] = [];
  const votes = sent();
  const answers: Array<{ id: string; votes: number; at: number }> = [];
  const votedBy = phones.map(() => new Set<string>());
  const questionMs: number[] = [];
  const pollMs: number[] = [];
  let asking = true;
  const askAll = () =>
    spreadOver(options.questions, options.seconds, async (i) => {
      await count(asked, 201, async () => {
        const answer = await phones[i % viewers]?.request('POST', `${deckPath}/questions`, {
          text: `Question ${i + 1}?`,
        });
        if (answer?.status === 201) ids.push((JSON.parse(answer.body) as AskQuestionResponse).question.id);
        return answer ?? { status: 0 };
      });
    }).finally(() => (asking = false));
  const voteAll = () =>
    spreadOver(options.votes, options.seconds, async (i) => {
      const v = i % viewers;
      const mine = votedBy[v] as Set<string>;
      let id: string | undefined;
      // A question this viewer has not voted on yet (one may still have to be asked).
      while (!id) {
        if (!asking && mine.size >= ids.length) {
          votes.sent += 1;
          votes.failed += 1; // Too few questions were asked: counted as a vote that could not be cast.
          return;
        }
        const start = (v * 31 + mine.size) % Math.max(1, ids.length);
        for (let k = 0; k < ids.length && !id; k += 1) {
          const candidate = ids[(start + k) % ids.length] as string;
          if (!mine.has(candidate)) id = candidate;
        }
        if (!id) await sleep(20);
      }
      mine.add(id);
      await count(
        votes,
        200,
        async () => {
          const answer = await phones[v]?.request('POST', `${deckPath}/questions/${id}/votes`);
          if (answer?.status === 200)
            answers.push({
              id: id as string,
              votes: (JSON.parse(answer.body) as { votes: number }).votes,
              at: performance.now(),
            });
          return answer ?? { status: 0 };
        },
        questionMs,
      );
    });
  const questionWindow = await underLoad(stage, counters, options.gapMs, () => Promise.all([askAll(), voteAll()]));

  const expected = new Map<string, number>();
  for (const answer of answers) expected.set(answer.id, (expected.get(answer.id) ?? 0) + 1);
  const lastList = () =>
    new Map(
      remote
        .data<QuestionsEventData>('questions')
        .at(-1)
        ?.questions.map((q) => [q.id, q.votes]),
    );
  const onRemote = () => [...expected].every(([id, n]) => lastList().get(id) === n);
  await eventually(onRemote, options.timeoutMs).catch(() => undefined);
  const byQuestion = new Map<string, { at: number[]; votes: number[] }>();
  for (const event of remote.timed<QuestionsEventData>('questions')) {
    for (const question of event.data.questions) {
      const seen = byQuestion.get(question.id) ?? { at: [], votes: [] };
      seen.at.push(event.at);
      seen.votes.push(question.votes);
      byQuestion.set(question.id, seen);
    }
  }
  const questionDelays: number[] = [];
  for (const answer of answers) {
    const seen = byQuestion.get(answer.id);
    const at = seen?.at[firstAtLeast(seen.votes, answer.votes)];
    if (at !== undefined) questionDelays.push(Math.max(0, at - answer.at));
  }
  const [a] = stage.servers;
  const listed = await httpJson<QuestionsResponse>('GET', `${a.url}${deckPath}/questions`);
  const questionsRight =
    listed.questions.length === ids.length && listed.questions.every((q) => q.votes === (expected.get(q.id) ?? 0));

  // The poll: every viewer votes once within pollSeconds.
  const pollVotes = sent();
  const pollAnswers: number[] = [];
  const pollWindow = await underLoad(stage, counters, options.gapMs, () =>
    spreadOver(viewers, options.pollSeconds, async (i) => {
      const ok = await count(
        pollVotes,
        202,
        async () => {
          const answer = await phones[i]?.request('POST', `${deckPath}/polls/${POLL_ID}/votes`, {
            option: i % POLL_OPTIONS,
          });
          return answer ?? { status: 0 };
        },
        pollMs,
      );
      if (ok) pollAnswers.push(performance.now());
    }),
  );
  const tallies = () => remote.timed<PollEventData>('poll').filter((event) => event.data.id === POLL_ID);
  await eventually(() => (tallies().at(-1)?.data.total ?? 0) >= pollAnswers.length, options.timeoutMs).catch(
    () => undefined,
  );
  const pollEvents = tallies().map((event) => ({ at: event.at, total: event.data.total }));
  const pollDelays = delaysToTotals(pollAnswers, pollEvents);
  const wanted = Array.from(
    { length: POLL_OPTIONS },
    (_, option) => Math.floor(viewers / POLL_OPTIONS) + (option < viewers % POLL_OPTIONS ? 1 : 0),
  );
  const counts = tallies().at(-1)?.data.counts ?? [];

  return {
    viewers,
    streams: stage.streams,
    asked,
    idlePutToEvent: idle,
    questions: {
      votes,
      seconds: questionWindow.seconds,
      answerMs: spread(questionMs),
      pg: questionWindow.pg,
      voteToRemote: spread(questionDelays),
      remoteMissing: answers.length - questionDelays.length,
      putToEvent: { storm: questionWindow.putToEvent, ratio: ratio(questionWindow.putToEvent) },
      countsRight: questionsRight,
    },
    poll: {
      voters: viewers,
      votes: pollVotes,
      seconds: pollWindow.seconds,
      answerMs: spread(pollMs),
      pg: pollWindow.pg,
      voteToRemote: spread(pollDelays.delays),
      remoteMissing: pollDelays.missing,
      putToEvent: { storm: pollWindow.putToEvent, ratio: ratio(pollWindow.putToEvent) },
      countsRight: pollVotes.answered === viewers && counts.join() === wanted.join(),
    },
  };
}
