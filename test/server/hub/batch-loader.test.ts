import { describe, expect, it } from 'vitest';
import { BatchLoader } from '../../../server/hub/batch-loader.js';

/** A promise with its resolve and reject handed out, so a test decides when a read finishes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('BatchLoader', () => {
  it('answers many loads of one tick with one read of their distinct keys; absent keys are null', async () => {
    const reads: string[][] = [];
    const loader = new BatchLoader<string, number>(async (keys) => {
      reads.push(keys);
      return new Map(keys.filter((key) => key !== 'gone').map((key) => [key, key.length]));
    });
    const answers = await Promise.all(['a', 'bb', 'a', 'gone', 'ccc'].map((key) => loader.load(key)));
    expect(answers).toEqual([1, 2, 1, null, 3]);
    expect(reads).toEqual([['a', 'bb', 'gone', 'ccc']]);
  });

  it('reads a key asked for while a batch is in flight in a later batch, so its answer is never older than the ask', async () => {
    let stored = 1;
    const reads: Array<ReturnType<typeof deferred<void>>> = [];
    const loader = new BatchLoader<string, number>(async (keys) => {
      const gate = deferred<void>();
      reads.push(gate);
      await gate.promise;
      // The value is read when the batch finishes, like a query answering after its snapshot.
      return new Map(keys.map((key) => [key, stored]));
    });
    const first = loader.load('deck');
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toHaveLength(1);
    // A stream registers and asks now; the change it must not miss commits after the first read's snapshot.
    const second = loader.load('deck');
    reads[0]!.resolve();
    expect(await first).toBe(1);
    stored = 2;
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toHaveLength(2);
    reads[1]!.resolve();
    expect(await second).toBe(2);
  });

  it('rejects every waiter of a failed batch, and the next batch runs', async () => {
    let fail = true;
    const loader = new BatchLoader<string, number>(async (keys) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((key) => [key, 7]));
    });
    const results = await Promise.allSettled([loader.load('a'), loader.load('b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await loader.load('a')).toBe(7);
  });
});
