/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC), which every process on
 * the host shares: a time taken in a load process can be compared with one taken in the driver.
 */
export function nowMs(): number {
  const [seconds, nanos] = process.hrtime();
  return seconds * 1e3 + nanos / 1e6;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
