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
    // Two cores: PGlite instances and Chromium are heavy, so files run two at a time.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
