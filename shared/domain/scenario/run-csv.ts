import { roundForCsv as round, toCsv } from '../csv';
import { microsToMajor } from '../money';
import type { DeterministicResult, MonteCarloResult, TotalsResult } from './schema';

/**
 * A scenario run as CSV: one line per month and a TOTAL line, money in major units of `currency`;
 * with Monte Carlo bands, the P10/P50/P90 of net saving and cost per accepted. The CLI's
 * `yardstick scenario run` and the Scenarios page's "Export CSV" write this same file.
 */
export function scenarioRunCsv(run: DeterministicResult & { currency: string; bands: MonteCarloResult | null }): string {
  const c = run.currency.toLowerCase();
  const major = (micros: number | null) => (micros === null ? null : microsToMajor(micros, run.currency));
  const header = [
    'month',
    'eligible',
    'routed',
    'accepted',
    `ai_path_cost_${c}`,
    `human_path_cost_${c}`,
    `scenario_cost_${c}`,
    `net_saving_${c}`,
    `cost_per_accepted_${c}`,
    `human_cost_per_item_${c}`,
    'acceptance_rate',
    'hours_freed',
    'fte_freed',
    'run_credits',
    'ai_credits',
    'break_even_acceptance_rate',
    `break_even_price_per_credit_${c}`,
    `cumulative_net_saving_${c}`,
    ...(run.bands ? [`net_saving_p10_${c}`, `net_saving_p50_${c}`, `net_saving_p90_${c}`, `cost_per_accepted_p10_${c}`, `cost_per_accepted_p50_${c}`, `cost_per_accepted_p90_${c}`] : []),
  ];
  type Bands = MonteCarloResult['totals'] | undefined;
  const bands = (b: Bands) =>
    b ? [major(b.netSavingMicros.p10), major(b.netSavingMicros.p50), major(b.netSavingMicros.p90), major(b.costPerAcceptedMicros.p10), major(b.costPerAcceptedMicros.p50), major(b.costPerAcceptedMicros.p90)] : [];
  const line = (label: string, r: Omit<TotalsResult, 'months'>, cumulative: number | null, b: Bands) => [
    label,
    round(r.eligible, 2),
    round(r.routed, 2),
    round(r.accepted, 2),
    major(r.aiPathCostMicros),
    major(r.humanPathCostMicros),
    major(r.scenarioCostMicros),
    major(r.netSavingMicros),
    major(r.costPerAcceptedMicros),
    major(r.humanCostPerItemMicros),
    round(r.acceptanceRate),
    round(r.hoursFreed, 2),
    round(r.fteFreed, 3),
    round(r.runCredits, 2),
    round(r.aiCredits, 2),
    round(r.breakEven.acceptanceRate),
    r.breakEven.pricePerCredit === null ? null : round(r.breakEven.pricePerCredit, 2),
    major(cumulative),
    ...bands(b),
  ];
  const rows = [
    ...run.periods.map((p, i) => line(p.month, p, p.cumulative.netSavingMicros, run.bands?.periods[i]?.bands)),
    line('TOTAL', run.totals, run.totals.netSavingMicros, run.bands?.totals),
  ];
  return toCsv(header, rows);
}
