import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Builds the pages once (only when client sources changed) before the browser tests.
    globalSetup: ['test/support/build-client.ts'],
    // Generous: a test that hangs still fails, but a busy shared machine does not fail a slow start.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for what a test races with (a page, a stream, a NOTIFY); its 1 s default
    // is a timing assertion on a shared 2-core machine, so it gets as long as a locator does.
    expect: { poll: { timeout: 10_000 } },
    // CI only: a test that fails is run again, up to twice, and vitest still lists it as retried.
    // Some browser and fault tests are timing-dependent on a shared 2-core machine (see the closing
    // notes); a test that fails every time still fails the run.
    retry: process.env.CI ? 2 : 0,
    // Two cores: PGlite instances and Chromium are heavy, so files run two at a time.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
