/**
 * Metric definitions (PRODUCT.md). Every metric is computed from additive measures summed over a
 * slice of accepted-work records: ratios are ratios of sums, never averages of ratios. The pivot,
 * the scenario engine and the exported worksheet all evaluate these same definitions.
 */

/** Additive per-record measures; each can be summed over any slice without double counting. */
export const ADDITIVE_MEASURES = [
  'records',
  'accepted',
  'mrs_opened',
  'mrs_reached_review',
  'mrs_merged',
  'mrs_rolled_back',
  'runs',
  'runs_reached_validation',
  'runs_first_pass',
  'repair_runs',
  'review_rounds',
  'review_hours',
  'intake_hours',
  'repair_hours',
  'rework_hours',
  'human_hours',
  'baseline_hours',
  'ci_minutes',
  'tickets_denied',
  'runs_blocked',
  'runs_validation_failed',
  'run_credits_used',
  'ai_credits_used',
  'follow_up_bugs',
  'cost_run_credits',
  'cost_ai_credits',
  'cost_provider',
  'cost_ci',
  'cost_human',
] as const;
export type AdditiveMeasure = (typeof ADDITIVE_MEASURES)[number];
export type MeasureSums = Record<AdditiveMeasure, number>;

/** Measures each record carries itself (the records table has a column per measure); money comes from its cost lines. */
export const RECORD_MEASURES = ADDITIVE_MEASURES.filter(
  (m): m is Exclude<AdditiveMeasure, 'records' | `cost_${string}`> => m !== 'records' && !m.startsWith('cost_'),
);

export const COST_MEASURES = ['cost_run_credits', 'cost_ai_credits', 'cost_provider', 'cost_ci', 'cost_human'] as const satisfies readonly AdditiveMeasure[];

export const emptySums = (): MeasureSums =>
  Object.fromEntries(ADDITIVE_MEASURES.map((m) => [m, 0])) as MeasureSums;

export function addSums(a: MeasureSums, b: Partial<MeasureSums>): MeasureSums {
  const out = { ...a };
  for (const m of ADDITIVE_MEASURES) out[m] += b[m] ?? 0;
  return out;
}

/** Parameters a metric may need besides the sums (from workspace settings). */
export type MetricParams = { productiveHoursPerFtePerMonth: number; months: number };

type MetricDef =
  | { kind: 'sum'; label: string; format: MetricFormat; of: AdditiveMeasure }
  | { kind: 'ratio'; label: string; format: MetricFormat; numerator: AdditiveMeasure | 'ai_path_cost'; denominator: AdditiveMeasure }
  | { kind: 'derived'; label: string; format: MetricFormat; compute: (s: MeasureSums, p: MetricParams) => number | null };

export type MetricFormat = 'count' | 'money' | 'percent' | 'hours' | 'decimal';

/** All AI-path cost: run credits, AI credits, provider spend, CI minutes and human hours, including failed and rejected work. */
export const aiPathCost = (s: MeasureSums): number => COST_MEASURES.reduce((total, m) => total + s[m], 0);

const hoursFreed = (s: MeasureSums): number => s.baseline_hours - s.human_hours;

export const METRICS = {
  accepted: { kind: 'sum', label: 'Accepted PR/MRs', format: 'count', of: 'accepted' },
  ai_path_cost: { kind: 'derived', label: 'AI-path cost', format: 'money', compute: aiPathCost },
  cost_per_accepted: { kind: 'ratio', label: 'Cost per accepted PR/MR', format: 'money', numerator: 'ai_path_cost', denominator: 'accepted' },
  acceptance_rate: { kind: 'ratio', label: 'Acceptance rate', format: 'percent', numerator: 'accepted', denominator: 'mrs_reached_review' },
  first_pass_validation_rate: { kind: 'ratio', label: 'First-pass validation rate', format: 'percent', numerator: 'runs_first_pass', denominator: 'runs_reached_validation' },
  repair_attempts_per_accepted: { kind: 'ratio', label: 'Repair attempts per accepted', format: 'decimal', numerator: 'repair_runs', denominator: 'accepted' },
  rollback_rate: { kind: 'ratio', label: 'Rollback rate', format: 'percent', numerator: 'mrs_rolled_back', denominator: 'mrs_merged' },
  review_hours: { kind: 'sum', label: 'Review hours', format: 'hours', of: 'review_hours' },
  hours_freed: { kind: 'derived', label: 'Hours freed', format: 'hours', compute: hoursFreed },
  fte_freed: {
    kind: 'derived',
    label: 'Capacity freed (FTE)',
    format: 'decimal',
    compute: (s, p) => (p.months > 0 && p.productiveHoursPerFtePerMonth > 0 ? hoursFreed(s) / (p.productiveHoursPerFtePerMonth * p.months) : null),
  },
} as const satisfies Record<string, MetricDef>;

export type MetricId = keyof typeof METRICS;

/** The value of one metric over a slice; null where a ratio has a zero denominator. */
export function metricValue(id: MetricId, sums: MeasureSums, params: MetricParams): number | null {
  const def: MetricDef = METRICS[id];
  switch (def.kind) {
    case 'sum':
      return sums[def.of];
    case 'ratio': {
      const numerator = def.numerator === 'ai_path_cost' ? aiPathCost(sums) : sums[def.numerator];
      const denominator = sums[def.denominator];
      return denominator === 0 ? null : numerator / denominator;
    }
    case 'derived':
      return def.compute(sums, params);
  }
}
