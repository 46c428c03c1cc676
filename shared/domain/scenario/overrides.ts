import { majorNumberToMicros } from '../money';
import type { PlanRules } from '../plans';
import { ASSUMPTIONS, ASSUMPTION_IDS, TEAM_ASSUMPTIONS, TEAM_ASSUMPTION_IDS, type Assumption, type AssumptionId, type GoalMetric, type GoalTarget, type Scenario, type TeamAssumptionId } from './schema';

/** A scenario input the user can correct (unknown assumption, value out of range); the handler answers INVALID_INPUT. */
export class ScenarioInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioInputError';
  }
}

type Bounds = { label: string; min: number; max: number };
const SHARE_UNITS = new Set(['share', 'growth']);

/** Problems with an assumption's value and range, in words (empty when it is fine). */
export function assumptionIssues(key: string, a: Assumption, def: Bounds): string[] {
  const issues: string[] = [];
  const inside = (v: number | undefined, what: string) => {
    if (v !== undefined && (v < def.min || v > def.max)) issues.push(`${key}: ${what} ${v} is outside ${def.min}–${def.max}`);
  };
  inside(a.value, 'value');
  inside(a.low, 'low');
  inside(a.likely, 'likely');
  inside(a.high, 'high');
  const likely = a.likely ?? a.value;
  if ((a.low !== undefined && a.low > likely) || (a.high !== undefined && a.high < likely)) issues.push(`${key}: the range must run low ≤ likely ≤ high`);
  return issues;
}

/** Every problem with a scenario's assumptions (the zod schema checks shapes, this checks domains). */
export function scenarioIssues(s: Pick<Scenario, 'assumptions' | 'teams'>): string[] {
  const issues = ASSUMPTION_IDS.flatMap((id) => assumptionIssues(id, s.assumptions[id], ASSUMPTIONS[id]));
  const names = new Set<string>();
  for (const team of s.teams) {
    if (names.has(team.name.toLowerCase())) issues.push(`team ${team.name} appears twice`);
    names.add(team.name.toLowerCase());
    for (const id of TEAM_ASSUMPTION_IDS) issues.push(...assumptionIssues(`team.${team.name}.${id}`, team.assumptions[id], TEAM_ASSUMPTIONS[id]));
  }
  return issues;
}

/** "0.8", "80%", or a range "0.6:0.7:0.85" (low:likely:high, the value is the likely one). */
function parseValue(key: string, raw: string | number, unit: string): { value: number; low?: number; likely?: number; high?: number } {
  if (typeof raw === 'number') return { value: raw };
  const one = (text: string): number => {
    const t = text.trim();
    const percent = t.endsWith('%');
    const n = Number(percent ? t.slice(0, -1) : t);
    if (t === '' || !Number.isFinite(n)) throw new ScenarioInputError(`${key}: "${raw}" is not a number (use 0.8, 80% or low:likely:high)`);
    if (percent && !SHARE_UNITS.has(unit)) throw new ScenarioInputError(`${key}: a percentage only fits a share or a growth rate`);
    return percent ? n / 100 : n;
  };
  const parts = raw.split(':');
  if (parts.length === 1) return { value: one(parts[0]!) };
  if (parts.length !== 3) throw new ScenarioInputError(`${key}: a range is low:likely:high, got "${raw}"`);
  const [low, likely, high] = parts.map(one) as [number, number, number];
  return { value: likely, low, likely, high };
}

const override = (previous: Assumption, parsed: ReturnType<typeof parseValue>): Assumption => ({
  // A point override drops the calibrated range: the user said what the value is.
  ...parsed,
  evidence: previous.evidence,
  source: 'override',
});

export const OVERRIDE_KEYS_HELP = `an assumption (${ASSUMPTION_IDS.join(', ')}), team.NAME.(${TEAM_ASSUMPTION_IDS.join('|')}), plan, routed_share, run_credit_budget or ai_credit_budget`;

/**
 * A copy of the scenario with overrides applied (the CLI's --set and the run channel's `set`).
 * Keys: an assumption id; `team.NAME.ID` for a team's assumption; `plan` to switch to a plan of the
 * workspace by name (its price and free credits come with it); `routed_share`, `run_credit_budget`
 * and `ai_credit_budget` ("none" clears a budget) for the capacity plan. Values are numbers,
 * percentages or low:likely:high ranges. Checks every domain; throws ScenarioInputError.
 */
export function applyOverrides(scenario: Scenario, set: Readonly<Record<string, string | number>>, opts: { plans?: readonly PlanRules[] } = {}): Scenario {
  // JSON copy: a scenario is plain data (structuredClone is not in the pure layer's lib).
  const s = JSON.parse(JSON.stringify(scenario)) as Scenario;
  for (const [rawKey, raw] of Object.entries(set)) {
    const key = rawKey.trim();
    if ((ASSUMPTION_IDS as string[]).includes(key)) {
      const id = key as AssumptionId;
      s.assumptions[id] = override(s.assumptions[id], parseValue(key, raw, ASSUMPTIONS[id].unit));
      continue;
    }
    const team = /^team\.(.+)\.([a-z_]+)$/.exec(key);
    if (team) {
      const [, name, id] = team as unknown as [string, string, string];
      const target = s.teams.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (!target) throw new ScenarioInputError(`${key}: no team "${name}" in this scenario (teams: ${s.teams.map((t) => t.name).join(', ') || 'none'})`);
      if (!(TEAM_ASSUMPTION_IDS as string[]).includes(id)) throw new ScenarioInputError(`${key}: a team assumption is one of ${TEAM_ASSUMPTION_IDS.join(', ')}`);
      const tid = id as TeamAssumptionId;
      target.assumptions[tid] = override(target.assumptions[tid], parseValue(key, raw, TEAM_ASSUMPTIONS[tid].unit));
      continue;
    }
    if (key === 'plan') {
      const plan = opts.plans?.find((p) => p.name.toLowerCase() === String(raw).trim().toLowerCase());
      if (!plan) throw new ScenarioInputError(`plan: no plan named "${raw}" (plans: ${(opts.plans ?? []).map((p) => p.name).join(', ') || 'none'})`);
      s.plan = { ...plan, currency: s.currency };
      const price = plan.shape === 'prepaid_balance' ? plan.feePerReviewMicros : plan.pricePerCreditMicros;
      s.assumptions.price_per_credit = override(s.assumptions.price_per_credit, { value: price / 1e6 });
      s.assumptions.free_credits = override(s.assumptions.free_credits, { value: plan.freeCredits });
      continue;
    }
    if (key === 'routed_share') {
      s.capacity.routedShare = parseValue(key, raw, 'share').value;
      if (s.capacity.routedShare < 0 || s.capacity.routedShare > 1) throw new ScenarioInputError('routed_share must be between 0 and 1');
      continue;
    }
    if (key === 'run_credit_budget' || key === 'ai_credit_budget') {
      const budget = String(raw).trim().toLowerCase() === 'none' ? null : parseValue(key, raw, 'credits').value;
      if (budget !== null && budget < 0) throw new ScenarioInputError(`${key} cannot be negative`);
      if (key === 'run_credit_budget') s.capacity.runCreditBudgetPerMonth = budget;
      else s.capacity.aiCreditBudgetPerMonth = budget;
      continue;
    }
    throw new ScenarioInputError(`unknown assumption "${key}": use ${OVERRIDE_KEYS_HELP}`);
  }
  const issues = scenarioIssues(s);
  if (issues.length) throw new ScenarioInputError(issues.join('; '));
  return s;
}

/** `--set` arguments ("ASSUMPTION=VALUE") as an override map; a later repeat wins. */
export function parseSetArguments(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const at = item.indexOf('=');
    if (at <= 0) throw new ScenarioInputError(`--set takes ASSUMPTION=VALUE, got "${item}"`);
    out[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  return out;
}

/** The goal-seek targets by their command-line names, and whether the amount is money (major units). */
export const GOAL_TARGET_NAMES: Readonly<Record<string, { metric: GoalMetric; money: boolean }>> = {
  'net-saving': { metric: 'netSavingMicros', money: true },
  'cost-per-accepted': { metric: 'costPerAcceptedMicros', money: true },
  'ai-path-cost': { metric: 'aiPathCostMicros', money: true },
  'hours-freed': { metric: 'hoursFreed', money: false },
  'fte-freed': { metric: 'fteFreed', money: false },
  accepted: { metric: 'accepted', money: false },
};
const GOAL_HELP = `break-even or ${Object.keys(GOAL_TARGET_NAMES)
  .map((n) => `${n}=AMOUNT`)
  .join(', ')}`;

/**
 * `--vary ASSUMPTION --target break-even|net-saving=25000|…` as a goal-seek question. Money amounts
 * are in the scenario's currency, major units, as the CSV output prints them.
 */
export function parseGoalArguments(vary: string | undefined, target: string | undefined): { assumption: AssumptionId; target: GoalTarget } {
  if (!vary) throw new ScenarioInputError(`--vary ASSUMPTION is required: one of ${ASSUMPTION_IDS.join(', ')}`);
  if (!(ASSUMPTION_IDS as readonly string[]).includes(vary)) throw new ScenarioInputError(`unknown assumption "${vary}" for --vary: use one of ${ASSUMPTION_IDS.join(', ')}`);
  const assumption = vary as AssumptionId;
  const text = (target ?? 'break-even').trim();
  if (text === 'break-even') return { assumption, target: 'break_even' };
  const at = text.indexOf('=');
  const def = at > 0 ? GOAL_TARGET_NAMES[text.slice(0, at).trim()] : undefined;
  const amount = at > 0 ? Number(text.slice(at + 1).trim().replace(/,/g, '')) : NaN;
  if (!def || text.slice(at + 1).trim() === '' || !Number.isFinite(amount)) throw new ScenarioInputError(`--target takes ${GOAL_HELP}; got "${text}"`);
  return { assumption, target: { metric: def.metric, value: def.money ? majorNumberToMicros(amount) : amount } };
}
