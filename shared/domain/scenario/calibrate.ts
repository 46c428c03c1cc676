import { addSums, emptySums, metricValue, type MeasureSums } from '../metrics';
import { PlanRulesSchema } from '../plans';
import type { WorkspaceSettings } from '../settings';
import { addMonths } from './engine';
import { ASSUMPTIONS, type Assumption, type AssumptionId, type Evidence, type Scenario, type Team, type TeamAssumptionId } from './schema';
import { linearTrend, percentile } from './stats';

/** A team's data over the calibration window (the data layer reads it; calibration stays pure). */
export type TeamData = {
  name: string;
  /** Work items created per month of the window, oldest first (same months as the scenario's window). */
  intakeByMonth: number[];
  /** Items open at the end of the window. */
  backlogItems: number;
  /** Hours logged in Jira per month of the window. */
  loggedHoursByMonth: number[];
  /** The team's AI-path records in the window, with their accepted count and baseline hours. */
  aiRecords: number;
  accepted: number;
  baselineHours: number;
};

export type CalibrationInput = {
  name: string;
  now: string;
  settings: Pick<WorkspaceSettings, 'currency' | 'plans' | 'loadedHourlyRateMicros' | 'productiveHoursPerFtePerMonth' | 'ciMinuteRateMicros' | 'repairBudget'>;
  pilot: { name: string; repairBudget: number | null } | null;
  /** Every month of the window, oldest first, zero sums where nothing happened. Empty: no data. */
  monthly: { month: string; sums: MeasureSums }[];
  /** Records per plan name over the window (null: runs with no plan). */
  recordsByPlan: { plan: string | null; records: number }[];
  /** Records that went past the repair budget in the window (the risk signal). */
  recordsPastRepairBudget: number;
  /** Value of one unit of `currency` in the workspace currency, or null when no rate is known. */
  rateToWorkspace: (currency: string) => number | null;
  teams: TeamData[];
  horizonMonths: number;
  /** First month of the horizon when there is no data (otherwise the month after the window). */
  fallbackStartMonth: string;
};

const Z90 = 1.2815515655446004; // P90 of the standard normal
const fmt = (n: number, digits = 3) => (Number.isInteger(n) ? String(n) : n.toFixed(digits).replace(/0+$/, '').replace(/\.$/, ''));
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * A new scenario calibrated on the workspace's (or a pilot's) records: every rate is a ratio of
 * sums over the window (the metric definitions, so the calibrated acceptance rate is exactly
 * metricValue('acceptance_rate') over the same records), with P10–P90 of the monthly values as its
 * range; volume and growth come from the monthly record counts; plan, rates and hours per FTE
 * from settings. Each value names its evidence; defaults the data cannot give say so.
 */
export function calibrateScenario(x: CalibrationInput): Scenario {
  const months = x.monthly.map((m) => m.month);
  const from = months[0] ?? null;
  const to = months[months.length - 1] ?? null;
  const total = x.monthly.reduce((acc, m) => addSums(acc, m.sums), emptySums());
  const evidence = (records: number, note: string): Evidence => ({ records, from, to, note });
  const noData = total.records === 0;

  const bounded = (id: AssumptionId, v: number) => Math.min(ASSUMPTIONS[id].max, Math.max(ASSUMPTIONS[id].min, v));
  /** A ratio of sums over the window, ranged by P10–P90 of the same ratio month by month. */
  const ratio = (id: AssumptionId, num: (s: MeasureSums) => number, den: (s: MeasureSums) => number, words: string, fallback: number, fallbackNote: string): Assumption => {
    const d = den(total);
    const [numerator, denominator] = words.split(' ÷ ') as [string, string];
    if (d <= 0) return { value: fallback, evidence: evidence(0, `no ${denominator} in the window: ${fallbackNote}`), source: 'calibrated' };
    const value = bounded(id, num(total) / d);
    const monthly = x.monthly.filter((m) => den(m.sums) > 0).map((m) => bounded(id, num(m.sums) / den(m.sums)));
    return withRange({ value, evidence: evidence(total.records, `${fmt(num(total), 2)} ${numerator} ÷ ${fmt(d, 2)} ${denominator} over ${months.length} months`), source: 'calibrated' }, monthly);
  };
  const worked = (s: MeasureSums) => s.records - s.tickets_denied - s.runs_blocked;

  const volumes = x.monthly.map((m) => m.sums.records);
  const recent = volumes.slice(-3);
  const volume: Assumption = withRange(
    { value: mean(recent), evidence: evidence(total.records, noData ? 'no records in the window: set the eligible volume' : `mean records per month of the last ${recent.length} months (${recent.map((v) => fmt(v)).join(', ')})`), source: 'calibrated' },
    volumes,
  );
  const growth = growthOf(volumes, evidence(total.records, ''));

  const plan = choosePlan(x);
  const settingsNote = (what: string) => evidence(0, `${what} from workspace settings`);
  const acceptance = metricValue('acceptance_rate', total, { productiveHoursPerFtePerMonth: x.settings.productiveHoursPerFtePerMonth, months: months.length });
  const rollback = metricValue('rollback_rate', total, { productiveHoursPerFtePerMonth: x.settings.productiveHoursPerFtePerMonth, months: months.length });
  const ciRate = (x.settings.ciMinuteRateMicros['unknown'] ?? Object.values(x.settings.ciMinuteRateMicros)[0] ?? 0) / 1e6;
  const budget = x.pilot?.repairBudget ?? x.settings.repairBudget;

  const assumptions: Record<AssumptionId, Assumption> = {
    monthly_volume: volume,
    monthly_growth: growth,
    ai_share: { value: 1, evidence: evidence(total.records, 'the records are the work that entered the AI path, so all of the calibrated volume is routed to it'), source: 'calibrated' },
    denied_rate: ratio('denied_rate', (s) => s.tickets_denied, (s) => s.records, 'tickets denied ÷ records', 0, 'assumed none'),
    blocked_rate: ratio('blocked_rate', (s) => s.runs_blocked, (s) => s.records - s.tickets_denied, 'runs blocked ÷ records not denied', 0, 'assumed none'),
    validation_failed_rate: ratio(
      'validation_failed_rate',
      (s) => s.runs - s.runs_blocked - s.runs_first_pass,
      (s) => s.runs - s.runs_blocked,
      'runs without a first-pass publish ÷ runs not blocked',
      0,
      'assumed none',
    ),
    pr_created_rate: ratio('pr_created_rate', (s) => s.mrs_reached_review, worked, 'PR/MRs reached review ÷ items neither denied nor blocked', 1, 'assumed every worked item reaches review'),
    acceptance_rate:
      acceptance === null
        ? { value: 0.5, evidence: evidence(0, 'no PR/MR reached review in the window: a placeholder, set it'), source: 'calibrated' }
        : withRange(
            { value: acceptance, evidence: evidence(total.records, `${fmt(total.accepted)} accepted ÷ ${fmt(total.mrs_reached_review)} PR/MRs reached review over ${months.length} months`), source: 'calibrated' },
            x.monthly.filter((m) => m.sums.mrs_reached_review > 0).map((m) => m.sums.accepted / m.sums.mrs_reached_review),
          ),
    rollback_rate:
      rollback === null
        ? { value: 0, evidence: evidence(0, 'nothing merged in the window: assumed none'), source: 'calibrated' }
        : withRange(
            { value: Math.min(rollback, 0.99), evidence: evidence(total.records, `${fmt(total.mrs_rolled_back)} rolled back ÷ ${fmt(total.mrs_merged)} merged`), source: 'calibrated' },
            x.monthly.filter((m) => m.sums.mrs_merged > 0).map((m) => Math.min(0.99, m.sums.mrs_rolled_back / m.sums.mrs_merged)),
          ),
    repair_attempts_per_item: ratio('repair_attempts_per_item', (s) => s.repair_runs, worked, 'repair runs ÷ items neither denied nor blocked', 0, 'assumed none'),
    repair_budget: {
      value: 100,
      evidence: evidence(
        x.recordsPastRepairBudget,
        `not enforced in the data (${x.recordsPastRepairBudget} records went past the ${x.pilot?.repairBudget !== null && x.pilot ? "pilot's" : "settings'"} budget of ${budget} runs); 100 means no budget, set ${budget} to model enforcing it`,
      ),
      source: 'calibrated',
    },
    price_per_credit: plan.price,
    free_credits: { value: plan.rules.freeCredits, evidence: evidence(0, `free credits of plan ${plan.rules.name} (reset ${plan.rules.allowanceResets === 'monthly' ? 'monthly' : 'never'}); ${plan.note}`), source: 'calibrated' },
    ai_credits_per_run: ratio('ai_credits_per_run', (s) => s.ai_credits_used, (s) => s.runs, 'cloud AI credits ÷ runs', 0, 'assumed none'),
    ai_credit_cost_per_run: ratio('ai_credit_cost_per_run', (s) => s.cost_ai_credits / 1e6, (s) => s.runs, `${x.settings.currency} of cloud AI credits ÷ runs`, 0, 'assumed none'),
    provider_cost_per_run: ratio('provider_cost_per_run', (s) => s.cost_provider / 1e6, (s) => s.runs, `${x.settings.currency} of provider spend ÷ runs`, 0, 'assumed none'),
    ci_minutes_per_run: ratio('ci_minutes_per_run', (s) => s.ci_minutes, (s) => s.runs, 'CI minutes ÷ runs', 0, 'assumed none'),
    ci_price_per_minute:
      total.ci_minutes > 0
        ? { value: total.cost_ci / 1e6 / total.ci_minutes, evidence: evidence(total.records, `${fmt(total.cost_ci / 1e6, 2)} ${x.settings.currency} of CI ÷ ${fmt(total.ci_minutes, 1)} minutes (the runner mix of the data at the settings' rates)`), source: 'calibrated' }
        : { value: ciRate, evidence: settingsNote('rate of an unknown runner'), source: 'calibrated' },
    intake_hours_per_item: ratio('intake_hours_per_item', (s) => s.intake_hours, (s) => s.records, 'intake hours ÷ records', 0, 'assumed none'),
    review_hours_per_pr: ratio('review_hours_per_pr', (s) => s.review_hours, (s) => s.mrs_reached_review, 'review hours ÷ PR/MRs reached review', 0, 'assumed none'),
    repair_hours_per_item: ratio('repair_hours_per_item', (s) => s.repair_hours, worked, 'repair hours ÷ items neither denied nor blocked', 0, 'assumed none'),
    rework_hours_per_merged: ratio('rework_hours_per_merged', (s) => s.rework_hours, (s) => s.mrs_merged, 'rework hours ÷ merged PR/MRs', 0, 'assumed none'),
    baseline_hours_per_item: ratio(
      'baseline_hours_per_item',
      (s) => s.baseline_hours,
      (s) => s.accepted,
      'baseline hours (non-AI items of the same type and size) ÷ accepted',
      0,
      'set the hours comparable work takes people',
    ),
    loaded_hourly_rate: { value: x.settings.loadedHourlyRateMicros / 1e6, evidence: settingsNote('loaded hourly rate'), source: 'calibrated' },
    productive_hours_per_fte: { value: x.settings.productiveHoursPerFtePerMonth, evidence: settingsNote('productive hours per FTE per month'), source: 'calibrated' },
  };

  return {
    name: x.name,
    currency: x.settings.currency,
    pilot: x.pilot?.name ?? null,
    startMonth: to ? addMonths(to, 1) : x.fallbackStartMonth,
    horizonMonths: x.horizonMonths,
    plan: plan.rules,
    assumptions,
    teams: x.teams.map((t) => calibrateTeam(t, assumptions.baseline_hours_per_item.value, x.settings.productiveHoursPerFtePerMonth, from, to)),
    capacity: { routedShare: 0.3, runCreditBudgetPerMonth: null, aiCreditBudgetPerMonth: null },
    calibration: { at: x.now, pilot: x.pilot?.name ?? null, fromMonth: from, toMonth: to, records: total.records },
  };
}

/** Adds P10–P90 of the monthly values as the range (kept around the value); none from fewer than two months. */
function withRange(a: Assumption, monthly: readonly number[]): Assumption {
  if (monthly.length < 2) return a;
  const low = Math.min(percentile(monthly, 0.1)!, a.value);
  const high = Math.max(percentile(monthly, 0.9)!, a.value);
  if (!(high > low)) return a;
  return { ...a, low, likely: a.value, high, evidence: { ...a.evidence, note: `${a.evidence.note}; range P10–P90 of the ${monthly.length} monthly values` } };
}

/** Compound monthly growth from a log-linear trend of the monthly volumes, ranged by ±1.28 standard errors (P10–P90). */
function growthOf(volumes: readonly number[], evidence: Evidence): Assumption {
  const trend = volumes.length >= 3 && volumes.filter((v) => v > 0).length >= 2 ? linearTrend(volumes.map((v) => Math.log(Math.max(v, 0.5)))) : null;
  if (!trend) return { value: 0, evidence: { ...evidence, note: 'fewer than three months of data: no growth assumed' }, source: 'calibrated' };
  const g = (slope: number) => Math.min(ASSUMPTIONS.monthly_growth.max, Math.max(ASSUMPTIONS.monthly_growth.min, Math.exp(slope) - 1));
  const value = g(trend.slope);
  const low = g(trend.slope - Z90 * trend.slopeSe);
  const high = g(trend.slope + Z90 * trend.slopeSe);
  const note = `log-linear trend of ${volumes.length} monthly record counts; range ±1.28 standard errors of the trend`;
  return high > low ? { value, low, likely: value, high, evidence: { ...evidence, note }, source: 'calibrated' } : { value, evidence: { ...evidence, note }, source: 'calibrated' };
}

/** The plan most of the window's records ran on (else the first plan in settings), priced in the workspace currency. */
function choosePlan(x: CalibrationInput) {
  const byRecords = [...x.recordsByPlan].filter((p) => p.plan !== null).sort((a, b) => b.records - a.records);
  const named = byRecords.map((p) => x.settings.plans.find((r) => r.name === p.plan)).find((r) => r !== undefined);
  const rules = named ?? x.settings.plans[0] ?? PlanRulesSchema.parse({ name: 'Default' });
  const others = byRecords.filter((p) => p.plan !== rules.name);
  const share = byRecords.find((p) => p.plan === rules.name);
  const basis = share ? `plan ${rules.name} carried ${share.records} of the window's records` : `no records name a plan; first plan in settings (${rules.name})`;
  const note = others.length ? `${basis}; others: ${others.map((p) => `${p.plan} (${p.records})`).join(', ')}` : basis;
  const listMicros = rules.shape === 'prepaid_balance' ? rules.feePerReviewMicros : rules.pricePerCreditMicros;
  const rate = rules.currency === x.settings.currency ? 1 : x.rateToWorkspace(rules.currency);
  const priceNote = rate === null ? `; no exchange rate ${rules.currency}→${x.settings.currency}, so the price is left in ${rules.currency}` : rate !== 1 ? `; converted from ${rules.currency} at ${rate}` : '';
  const price: Assumption = {
    value: (listMicros / 1e6) * (rate ?? 1),
    evidence: { records: share?.records ?? 0, from: x.monthly[0]?.month ?? null, to: x.monthly[x.monthly.length - 1]?.month ?? null, note: `${rules.shape === 'prepaid_balance' ? 'fee per review' : 'price per credit'} of plan ${rules.name}${priceNote}` },
    source: 'calibrated',
  };
  return { rules: { ...rules, currency: x.settings.currency }, price, note };
}

function calibrateTeam(t: TeamData, fallbackHours: number, productive: number, from: string | null, to: string | null): Team {
  const ev = (records: number, note: string): Evidence => ({ records, from, to, note });
  const intake = t.intakeByMonth.reduce((a, b) => a + b, 0);
  const logged = mean(t.loggedHoursByMonth);
  const a: Record<TeamAssumptionId, Assumption> = {
    headcount: {
      value: productive > 0 ? logged / productive : 0,
      evidence: ev(0, `${fmt(logged, 1)} hours logged per month ÷ ${productive} productive hours per FTE: a floor (hours not logged in Jira are missing); set the team's real headcount`),
      source: 'calibrated',
    },
    leave_share: { value: 0.1, evidence: ev(0, 'not in the data: a common allowance for leave and sickness'), source: 'calibrated' },
    intake_per_month: withRange({ value: mean(t.intakeByMonth), evidence: ev(intake, `work items created per month in the team's projects`), source: 'calibrated' }, t.intakeByMonth),
    backlog_items: { value: t.backlogItems, evidence: ev(t.backlogItems, 'work items open at the end of the window'), source: 'calibrated' },
    hours_per_item:
      t.accepted > 0
        ? { value: t.baselineHours / t.accepted, evidence: ev(t.aiRecords, `baseline hours ÷ accepted of the team's AI-path records (${fmt(t.accepted)} accepted)`), source: 'calibrated' }
        : { value: fallbackHours, evidence: ev(0, "no accepted AI-path records for the team: the scenario's baseline hours per item"), source: 'calibrated' },
    eligible_share: {
      value: intake > 0 ? Math.min(1, t.aiRecords / intake) : 0,
      evidence: ev(t.aiRecords, `${t.aiRecords} AI-path records ÷ ${intake} items of intake: the share that went through the AI path in the data`),
      source: 'calibrated',
    },
  };
  return { name: t.name, assumptions: a };
}
