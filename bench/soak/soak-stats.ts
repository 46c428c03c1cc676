/** One soak iteration's figures, taken after a garbage collection. */
export type Sample = {
  iteration: number;
  elapsedS: number;
  full: boolean;
  syncMs: number;
  queryMs: number;
  /** Pivots, drills and record queries run after the sync. */
  queries: number;
  /** Rows the sync saw (its stats summed), to show the iterations did real work. */
  fetched: number;
  rssMb: number;
  heapMb: number;
  externalMb: number;
  /** Open file descriptors; null where /proc/self/fd does not exist. */
  fds: number | null;
  handles: number;
  handleKinds: Record<string, number>;
};

export type Metric = 'rssMb' | 'heapMb' | 'fds' | 'handles';
export const METRICS: readonly Metric[] = ['rssMb', 'heapMb', 'fds', 'handles'];
/** The largest growth, first quartile to last, that still counts as flat (MB for memory, counts otherwise). */
export type Thresholds = Record<Metric, number>;

export type Growth = {
  warmupIterations: number;
  measured: number;
  metrics: Record<Metric, { first: number; last: number; growth: number; max: number } | null>;
};

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Growth after the warm-up: the mean of the last quarter of the remaining samples minus the mean of
 * the first quarter. Means of quarters, not single samples, so one noisy reading (a collection
 * that had not finished, a keep-alive socket about to close) cannot pass or fail the run alone.
 */
export function growth(samples: Sample[], warmupShare: number): Growth {
  const warmupIterations = Math.min(samples.length, Math.max(1, Math.ceil(samples.length * warmupShare)));
  const rest = samples.slice(warmupIterations);
  const quarter = Math.max(1, Math.floor(rest.length / 4));
  const metrics = {} as Growth['metrics'];
  for (const metric of METRICS) {
    const values = rest.map((s) => s[metric]).filter((v): v is number => v !== null);
    if (values.length < 4) {
      metrics[metric] = null;
      continue;
    }
    const first = mean(values.slice(0, quarter));
    const last = mean(values.slice(-quarter));
    metrics[metric] = { first, last, growth: last - first, max: Math.max(...values) };
  }
  return { warmupIterations, measured: rest.length, metrics };
}

const LABELS: Record<Metric, { name: string; unit: string; digits: number }> = {
  rssMb: { name: 'RSS', unit: 'MB', digits: 1 },
  heapMb: { name: 'JS heap used', unit: 'MB', digits: 1 },
  fds: { name: 'open file descriptors', unit: '', digits: 1 },
  handles: { name: 'active handles', unit: '', digits: 1 },
};

/** Pass or fail, with a table of first-quarter and last-quarter means against the thresholds. */
export function verdict(g: Growth, thresholds: Thresholds): { ok: boolean; report: string } {
  const lines = [`Growth after ${g.warmupIterations} warm-up iteration(s), over ${g.measured} measured (mean of the first quarter → mean of the last):`];
  if (Object.values(g.metrics).every((m) => m === null)) {
    return { ok: false, report: `${lines[0]}\n  too few iterations to tell (at least ${4 + g.warmupIterations} needed): run longer.` };
  }
  let ok = true;
  for (const metric of METRICS) {
    const m = g.metrics[metric];
    const { name, unit, digits } = LABELS[metric];
    if (m === null) {
      lines.push(`  ${name.padEnd(22)} not measured here`);
      continue;
    }
    const flat = m.growth <= thresholds[metric];
    ok &&= flat;
    const u = unit ? ` ${unit}` : '';
    lines.push(
      `  ${name.padEnd(22)} ${m.first.toFixed(digits).padStart(8)} → ${m.last.toFixed(digits).padStart(8)}${u}  growth ${(m.growth >= 0 ? '+' : '') + m.growth.toFixed(digits)}${u} (limit +${thresholds[metric]}${u}; peak ${m.max.toFixed(digits)})  ${flat ? 'ok' : 'GROWING'}`,
    );
  }
  lines.push(ok ? 'No growth beyond the limits: pass.' : 'Growth beyond a limit: FAIL.');
  return { ok, report: lines.join('\n') };
}
