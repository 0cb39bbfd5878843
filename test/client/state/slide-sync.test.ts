import { describe, expect, it } from 'vitest';
import type { SlideState } from '../../../shared/protocol.js';
import { ApiError } from '../../../client/api/request.js';
import { SlideSync, type SyncOutcome } from '../../../client/state/slide-sync.js';

/** A fake server: PUTs wait until the test answers them. */
function fakeServer(initial: SlideState) {
  const sent: { index: number; step: number; version: number; answer: (result: SlideState | ApiError) => void }[] = [];
  const settled: SyncOutcome[] = [];
  const sync = new SlideSync(
    initial,
    ({ index, step }, version) =>
      new Promise<SlideState>((resolve, reject) => {
        sent.push({
          index,
          step,
          version,
          answer: (result) => (result instanceof ApiError ? reject(result) : resolve(result)),
        });
      }),
    (outcome) => settled.push(outcome),
  );
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { sync, sent, settled, tick };
}

describe('SlideSync', () => {
  it('sends If-Match with the confirmed version and collapses taps made meanwhile into one PUT', async () => {
    const { sync, sent, settled, tick } = fakeServer({ index: 0, step: 0, version: 1 });
    sync.request({ index: 1, step: 0 });
    sync.request({ index: 2, step: 0 });
    sync.request({ index: 3, step: 0 });
    expect(sent.map(({ index, step, version }) => ({ index, step, version }))).toEqual([
      { index: 1, step: 0, version: 1 },
    ]);
    expect(sync.pending).toBe(true);
    sent[0]?.answer({ index: 1, step: 0, version: 2 });
    await tick();
    expect(sent.map(({ index, step, version }) => ({ index, step, version }))).toEqual([
      { index: 1, step: 0, version: 1 },
      { index: 3, step: 0, version: 2 },
    ]);
    sent[1]?.answer({ index: 3, step: 0, version: 3 });
    await tick();
    expect(settled).toEqual([{ kind: 'saved', state: { index: 3, step: 0, version: 3 } }]);
    expect(sync.pending).toBe(false);
  });

  it('on 412 adopts the server state at once and drops the stale intent', async () => {
    const { sync, sent, settled, tick } = fakeServer({ index: 0, step: 0, version: 1 });
    sync.request({ index: 1, step: 0 });
    sync.request({ index: 2, step: 0 });
    sent[0]?.answer(new ApiError(412, 'version_mismatch', 'Moved.', { index: 4, step: 0, version: 7 }));
    await tick();
    expect(sent).toHaveLength(1);
    expect(settled).toEqual([{ kind: 'conflict', state: { index: 4, step: 0, version: 7 } }]);
    expect(sync.confirmed).toEqual({ index: 4, step: 0, version: 7 });
  });

  it('a failed PUT settles on the last confirmed state; stream news never goes backwards', async () => {
    const { sync, sent, settled, tick } = fakeServer({ index: 2, step: 0, version: 5 });
    sync.observe({ index: 1, step: 0, version: 4 });
    expect(sync.confirmed).toEqual({ index: 2, step: 0, version: 5 });
    sync.request({ index: 3, step: 0 });
    sent[0]?.answer(new ApiError(0, 'network', 'Could not reach the server.'));
    await tick();
    expect(settled).toEqual([
      { kind: 'failed', state: { index: 2, step: 0, version: 5 }, error: expect.any(ApiError) },
    ]);
  });

  it('asking for the slide the server already has sends nothing', async () => {
    const { sync, sent, settled, tick } = fakeServer({ index: 2, step: 0, version: 5 });
    sync.request({ index: 2, step: 0 });
    await tick();
    expect(sent).toHaveLength(0);
    expect(settled).toEqual([{ kind: 'saved', state: { index: 2, step: 0, version: 5 } }]);
  });

  it('sends a step change on the same slide, and nothing for the slide and step the server has', async () => {
    const { sync, sent, settled, tick } = fakeServer({ index: 2, step: 1, version: 5 });
    sync.request({ index: 2, step: 1 });
    await tick();
    expect(sent).toHaveLength(0);
    sync.request({ index: 2, step: 2 });
    expect(sent.map(({ index, step, version }) => ({ index, step, version }))).toEqual([
      { index: 2, step: 2, version: 5 },
    ]);
    sent[0]?.answer({ index: 2, step: 2, version: 6 });
    await tick();
    expect(settled.at(-1)).toEqual({ kind: 'saved', state: { index: 2, step: 2, version: 6 } });
  });
});
