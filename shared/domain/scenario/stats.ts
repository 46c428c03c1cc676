/**
 * Percentile by linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC rule,
 * so an exported worksheet agrees). Sorts a copy; for large samples use `percentilesOf`.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return interpolate(sorted, p);
}

function interpolate(sorted: ArrayLike<number>, p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return lo === hi || a === b ? a : a + (b - a) * (pos - lo);
}

const BINS = 1024;
// Working buffers reused across calls (Monte Carlo takes 296 sets of percentiles per run); every
// call overwrites what it reads, so the function stays pure to its callers.
const scratch = { bins: new Int16Array(0), counts: new Int32Array(BINS + 1), starts: new Int32Array(BINS + 2), slot: new Int32Array(BINS + 1) };

/**
 * Several percentiles of a large sample, exactly and without sorting it: one pass finds the range,
 * one counts values into 1,024 equal-width bins, and one gathers only the bins that hold the ranks
 * asked for, which are then sorted (a handful of values each). About three linear passes, where
 * sorting 10,000 draws for each of 37 periods × 8 figures cost more than the whole simulation.
 * +Infinity (a draw with no accepted work has an unbounded cost per accepted) ranks last. Same
 * interpolation as `percentile`.
 */
export function percentilesOf(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === Number.POSITIVE_INFINITY) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const ranks = ps.flatMap((p) => [Math.floor((n - 1) * p), Math.ceil((n - 1) * p)]);
  const width = min <= max ? max - min : 0;
  const scale = width > 0 ? BINS / width : 0;
  // Bin of each value (BINS for +Infinity), kept so the gathering pass need not recompute it.
  if (scratch.bins.length < n) scratch.bins = new Int16Array(n);
  const bins = scratch.bins;
  const counts = scratch.counts.fill(0);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const b = v === Number.POSITIVE_INFINITY ? BINS : Math.min(BINS - 1, ((v - min) * scale) | 0);
    bins[i] = b;
    counts[b]! += 1;
  }
  // Which bin holds each rank, and the rank's place inside it.
  const starts = scratch.starts;
  for (let b = 0; b <= BINS; b++) starts[b + 1] = starts[b]! + counts[b]!;
  const binOfRank = ranks.map((r) => {
    let b = 0;
    while (starts[b + 1]! <= r) b++;
    return b;
  });
  const slot = scratch.slot.fill(-1);
  const lists: number[][] = [];
  for (const b of binOfRank) if (b < BINS && slot[b] === -1) slot[b] = lists.push([]) - 1;
  if (lists.length > 0) {
    for (let i = 0; i < n; i++) {
      const at = slot[bins[i]!]!;
      if (at >= 0) lists[at]!.push(values[i]!);
    }
  }
  for (const list of lists) list.sort((a, b) => a - b);
  const valueAt = (k: number) => {
    const b = binOfRank[k]!;
    return b === BINS ? Number.POSITIVE_INFINITY : lists[slot[b]!]![ranks[k]! - starts[b]!]!;
  };
  return ps.map((p, i) => {
    const a = valueAt(2 * i);
    const b = valueAt(2 * i + 1);
    const pos = (n - 1) * p;
    return a === b ? a : a + (b - a) * (pos - Math.floor(pos));
  });
}

/** Least-squares line through (0, y0), (1, y1), …: slope, its standard error, and intercept. */
export function linearTrend(ys: readonly number[]): { slope: number; slopeSe: number; intercept: number } | null {
  const n = ys.length;
  if (n < 2) return null;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  ys.forEach((y, x) => {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
  });
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const residual = ys.reduce((acc, y, x) => acc + (y - intercept - slope * x) ** 2, 0);
  const slopeSe = n > 2 ? Math.sqrt(residual / (n - 2) / sxx) : 0;
  return { slope, slopeSe, intercept };
}
