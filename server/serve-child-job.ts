/**
 * Test-only: when this environment variable names the child (`image-worker`, `pdf-worker`), the
 * child aborts as a native crash would, so tests can show that the server survives one. Unset
 * in production; it can only make a child die, never the server.
 */
export const TEST_ABORT_ENV = 'PODIUM_TEST_ABORT_CHILD';

/**
 * Run in a child process started by runChildJob: answers the one input the parent sends with
 * `work(input)`'s result, then waits to be stopped. `work` should catch its own errors and
 * answer them as data; an uncaught one ends the child, which the parent sees as a crash.
 */
export function serveChildJob(name: string, work: (input: unknown) => Promise<unknown>): void {
  process.once('message', (input: unknown) => {
    if (process.env[TEST_ABORT_ENV] === name) process.abort();
    void work(input).then((answer) => process.send?.(answer));
  });
  // Orphaned (the server died or closed the channel): nothing left to answer.
  process.once('disconnect', () => process.exit(0));
}
