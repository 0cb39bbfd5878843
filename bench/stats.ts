/** p50, p99 and max of a set of samples (ms), and how many there were. */
export interface Spread {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

/** The `q` quantile (0..1) of ascending `sorted`, nearest rank; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** The spread of `samples` (any order). */
export function spread(samples: readonly number[]): Spread {
  const sorted = Float64Array.from(samples).sort();
  const list = Array.from(sorted);
  return { p50: quantile(list, 0.5), p99: quantile(list, 0.99), max: quantile(list, 1), count: list.length };
}

/** The median of `values`, ignoring NaN and null; NaN when none is left. */
export function median(values: ReadonlyArray<number | null | undefined>): number {
  const sorted = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Rounds to `digits` decimals (NaN stays NaN). */
export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
