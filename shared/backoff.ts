/** Options of `backoffDelay`; defaults: base 500 ms, cap 15 s, `Math.random`. */
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential from `baseMs`, capped at
 * `capMs`, with jitter between half and all of it, so a room full of viewers does not
 * reconnect in the same millisecond after a server restart.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 500, capMs = 15_000, random = Math.random } = options;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
