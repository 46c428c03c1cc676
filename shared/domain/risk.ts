import { metricValue, type MeasureSums } from './metrics';
import { RECORD_SIGNALS, type RecordSignalCode } from './records/types';

/** Every risk signal of PRODUCT.md, record-level and workspace-level, with what it means. */
export const SIGNAL_DESCRIPTIONS: Record<RecordSignalCode | 'run_without_ticket' | 'ai_mr_without_ticket' | 'rising_cost' | 'outside_pilot_repositories', { label: string; description: string }> = {
  repair_over_budget: { label: RECORD_SIGNALS.repair_over_budget, description: 'Continuation and retry runs beyond the repair budget: a loop that keeps spending without converging.' },
  no_review: { label: RECORD_SIGNALS.no_review, description: 'An AI-generated change merged with no review comment or approval on record.' },
  review_time_not_captured: { label: RECORD_SIGNALS.review_time_not_captured, description: 'Review happened but nobody logged review time, so review hours are estimated from rounds × minutes.' },
  no_validation_before_review: { label: RECORD_SIGNALS.no_validation_before_review, description: 'No pipeline passed before the first review (or the merge): reviewers saw the change without validation evidence.' },
  billing_mismatch: { label: RECORD_SIGNALS.billing_mismatch, description: 'The vendor billed run credits for these records that differ from what the plan rules imply.' },
  ticket_not_synced: { label: RECORD_SIGNALS.ticket_not_synced, description: 'Runs name a Jira key that is not in the synced projects: scope, baseline and team are unknown.' },
  run_without_ticket: { label: 'Runs with no ticket', description: 'AI runs whose events name no Jira ticket; their cost cannot be attached to a piece of work.' },
  ai_mr_without_ticket: { label: 'AI merge requests with no linked ticket', description: 'Merge requests recognised as AI-generated whose branch, title and description name no synced ticket.' },
  rising_cost: { label: 'Cost per accepted change rising while activity rises', description: 'Over the last three months runs went up and cost per accepted PR/MR went up too, compared with the three months before.' },
  outside_pilot_repositories: { label: "Changes outside the pilot's repositories", description: "Records in the pilot's projects, teams and dates whose change landed in a repository outside its scope." },
};

export type TrendSignal = { recent: string[]; before: string[]; runsChange: number; costPerAcceptedChange: number } | null;

/**
 * "Rising cost per accepted change while activity rises": the last three months against the three
 * before, both as ratios of sums. Fires when runs grew and cost per accepted grew by more than
 * `threshold` (default 10%).
 */
export function risingCostTrend(byMonth: ReadonlyMap<string, MeasureSums>, months: readonly string[], threshold = 0.1): TrendSignal {
  if (months.length < 6) return null;
  const recent = months.slice(-3);
  const before = months.slice(-6, -3);
  const sum = (ms: readonly string[]) => {
    const out = { runs: 0, sums: null as MeasureSums | null };
    for (const m of ms) {
      const s = byMonth.get(m);
      if (!s) continue;
      out.runs += s.runs;
      out.sums = out.sums ? (Object.fromEntries(Object.entries(out.sums).map(([k, v]) => [k, v + s[k as keyof MeasureSums]])) as MeasureSums) : { ...s };
    }
    return out;
  };
  const a = sum(before);
  const b = sum(recent);
  if (!a.sums || !b.sums || a.runs === 0) return null;
  const params = { productiveHoursPerFtePerMonth: 1, months: 3 };
  const costBefore = metricValue('cost_per_accepted', a.sums, params);
  const costRecent = metricValue('cost_per_accepted', b.sums, params);
  if (costBefore === null || costRecent === null || costBefore === 0) return null;
  const runsChange = b.runs / a.runs - 1;
  const costPerAcceptedChange = costRecent / costBefore - 1;
  return runsChange > 0 && costPerAcceptedChange > threshold ? { recent, before, runsChange, costPerAcceptedChange } : null;
}
