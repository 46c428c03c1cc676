import { z } from 'zod';
import { ADDITIVE_MEASURES } from '../metrics';
import { PlanRulesSchema } from '../plans';

const Month = z.string().regex(/^\d{4}-\d{2}$/);

/** What a value rests on: how many records, which months, and a plain note (or why it is a default). */
export const EvidenceSchema = z.object({
  records: z.number().int().nonnegative(),
  from: Month.nullable(),
  to: Month.nullable(),
  note: z.string().max(2000),
}).strict();
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * One assumption: the value the deterministic run uses, and optionally a range (low / likely /
 * high) Monte Carlo samples from and the tornado swings over. `likely` defaults to `value`.
 */
export const AssumptionSchema = z.object({
  value: z.number().finite(),
  low: z.number().finite().optional(),
  likely: z.number().finite().optional(),
  high: z.number().finite().optional(),
  evidence: EvidenceSchema,
  source: z.enum(['calibrated', 'override']),
}).strict();
export type Assumption = z.infer<typeof AssumptionSchema>;

export type AssumptionUnit = 'items' | 'people' | 'share' | 'growth' | 'runs' | 'credits' | 'money' | 'minutes' | 'hours';
type AssumptionDef = {
  label: string;
  group: 'Volume' | 'Funnel' | 'Repairs' | 'Plan' | 'AI usage' | 'CI' | 'Human hours' | 'Rates';
  unit: AssumptionUnit;
  min: number;
  max: number;
  description: string;
};

/**
 * The scenario's assumptions (PRODUCT.md "Scenario model"). Money is in major units of the
 * scenario currency (what people type); the engine's outputs are micros, like every other sum.
 */
export const ASSUMPTIONS = {
  monthly_volume: { label: 'Eligible items per month', group: 'Volume', unit: 'items', min: 0, max: 10_000_000, description: 'Work items per month eligible for the AI path, in the first month of the horizon.' },
  monthly_growth: { label: 'Monthly growth of eligible volume', group: 'Volume', unit: 'growth', min: -0.5, max: 2, description: 'Compound growth per month (0.03 = 3% a month).' },
  ai_share: { label: 'Share of eligible items routed to the AI path', group: 'Volume', unit: 'share', min: 0, max: 1, description: 'Items not routed stay on the human path; 0 gives the human-only baseline.' },
  denied_rate: { label: 'Denied before execution', group: 'Funnel', unit: 'share', min: 0, max: 1, description: 'Share of routed items the tool denies before running (no review output, no credit).' },
  blocked_rate: { label: 'Blocked before code changes', group: 'Funnel', unit: 'share', min: 0, max: 1, description: 'Share of executed items whose run is blocked before changing code; they leave the AI path.' },
  validation_failed_rate: { label: 'Runs ending without a PR/MR (validation failed)', group: 'Funnel', unit: 'share', min: 0, max: 1, description: 'Share of runs (not blocked) that fail validation before publishing a PR/MR.' },
  pr_created_rate: { label: 'Worked items that reach review as a PR/MR', group: 'Funnel', unit: 'share', min: 0, max: 1, description: 'Share of items neither denied nor blocked whose PR/MR reaches review.' },
  acceptance_rate: { label: 'Acceptance rate', group: 'Funnel', unit: 'share', min: 0, max: 1, description: 'Accepted ÷ PR/MRs that reached review (the metric of the same name).' },
  rollback_rate: { label: 'Rollback rate', group: 'Funnel', unit: 'share', min: 0, max: 0.99, description: 'Rolled back ÷ merged, within the rollback window.' },
  repair_attempts_per_item: { label: 'Repair runs per worked item', group: 'Repairs', unit: 'runs', min: 0, max: 100, description: 'Continuation and retry runs per item neither denied nor blocked, before any budget.' },
  repair_budget: {
    label: 'Repair budget (runs per item)',
    group: 'Repairs',
    unit: 'runs',
    min: 0,
    max: 100,
    description: 'Repair runs allowed per item; 100 means none is enforced. Items that would need more are stopped and not accepted.',
  },
  price_per_credit: { label: 'Price per run credit (PR/MR)', group: 'Plan', unit: 'money', min: 0, max: 1_000_000, description: 'Per credit beyond the free allowance; the fee per review on a prepaid-balance plan.' },
  free_credits: { label: 'Free run credits', group: 'Plan', unit: 'credits', min: 0, max: 10_000_000, description: "Credits included before any is charged, reset as the plan says (monthly or never)." },
  ai_credits_per_run: { label: 'Cloud AI credits per run', group: 'AI usage', unit: 'credits', min: 0, max: 10_000_000, description: 'Settled cloud AI credits per run (for an AI-credit budget).' },
  ai_credit_cost_per_run: { label: 'Cloud AI credit cost per run', group: 'AI usage', unit: 'money', min: 0, max: 1_000_000, description: 'Money settled for cloud AI credits per run.' },
  provider_cost_per_run: { label: 'Provider cost per run', group: 'AI usage', unit: 'money', min: 0, max: 1_000_000, description: 'Model provider spend per run (self-hosted plans pay the provider directly).' },
  ci_minutes_per_run: { label: 'CI minutes per run', group: 'CI', unit: 'minutes', min: 0, max: 100_000, description: 'CI minutes of the pipelines per run.' },
  ci_price_per_minute: { label: 'Price per CI minute', group: 'CI', unit: 'money', min: 0, max: 1_000, description: 'Blended over runner types.' },
  intake_hours_per_item: { label: 'Intake hours per item', group: 'Human hours', unit: 'hours', min: 0, max: 1_000, description: 'Human hours before the first AI run, per routed item.' },
  review_hours_per_pr: { label: 'Review hours per PR/MR reviewed', group: 'Human hours', unit: 'hours', min: 0, max: 1_000, description: 'Review hours per PR/MR that reached review.' },
  repair_hours_per_item: { label: 'Repair hours per worked item', group: 'Human hours', unit: 'hours', min: 0, max: 1_000, description: 'Human hours while the AI work is in progress, per item neither denied nor blocked.' },
  rework_hours_per_merged: { label: 'Rework hours per merged PR/MR', group: 'Human hours', unit: 'hours', min: 0, max: 1_000, description: 'Hours after the merge and on follow-up bugs, per merged PR/MR.' },
  baseline_hours_per_item: { label: 'Baseline human hours per item', group: 'Human hours', unit: 'hours', min: 0, max: 10_000, description: 'Hours comparable work takes on the human path.' },
  loaded_hourly_rate: { label: 'Loaded hourly rate', group: 'Rates', unit: 'money', min: 0, max: 100_000, description: 'Loaded cost of an engineering hour.' },
  productive_hours_per_fte: { label: 'Productive hours per FTE per month', group: 'Rates', unit: 'hours', min: 1, max: 744, description: 'Turns hours freed into FTE freed.' },
} as const satisfies Record<string, AssumptionDef>;

export type AssumptionId = keyof typeof ASSUMPTIONS;
export const ASSUMPTION_IDS = Object.keys(ASSUMPTIONS) as AssumptionId[];
export type AssumptionValues = Record<AssumptionId, number>;

/** Per team of the capacity plan; headcount is the user's to set (calibrated only as a default). */
export const TEAM_ASSUMPTIONS = {
  headcount: { label: 'Engineers', group: 'Rates', unit: 'people', min: 0, max: 100_000, description: 'People whose hours the team plans with.' },
  leave_share: { label: 'Leave and absence', group: 'Rates', unit: 'share', min: 0, max: 1, description: 'Share of productive hours lost to leave.' },
  intake_per_month: { label: 'Intake per month', group: 'Volume', unit: 'items', min: 0, max: 10_000_000, description: 'New work items per month.' },
  backlog_items: { label: 'Backlog', group: 'Volume', unit: 'items', min: 0, max: 10_000_000, description: 'Open work items at the start of the horizon.' },
  hours_per_item: { label: 'Hours per item', group: 'Human hours', unit: 'hours', min: 0, max: 10_000, description: 'Human hours an item takes on the human path.' },
  eligible_share: { label: 'Share of intake eligible for the AI path', group: 'Volume', unit: 'share', min: 0, max: 1, description: 'Share of the intake the AI path may take.' },
} as const satisfies Record<string, AssumptionDef>;

export type TeamAssumptionId = keyof typeof TEAM_ASSUMPTIONS;
export const TEAM_ASSUMPTION_IDS = Object.keys(TEAM_ASSUMPTIONS) as TeamAssumptionId[];

const assumptionMap = <K extends string>(ids: readonly K[]) => z.object(Object.fromEntries(ids.map((id) => [id, AssumptionSchema])) as Record<K, typeof AssumptionSchema>).strict();

export const TeamSchema = z.object({ name: z.string().trim().min(1).max(200), assumptions: assumptionMap(TEAM_ASSUMPTION_IDS) }).strict();
export type Team = z.infer<typeof TeamSchema>;

/** How much of the eligible work the capacity plan routes, and the monthly budgets it must keep within. */
export const CapacityOptionsSchema = z.object({
  routedShare: z.number().min(0).max(1).default(0.3),
  runCreditBudgetPerMonth: z.number().nonnegative().nullable().default(null),
  aiCreditBudgetPerMonth: z.number().nonnegative().nullable().default(null),
}).strict();
export type CapacityOptions = z.infer<typeof CapacityOptionsSchema>;

export const ScenarioNameSchema = z.string().trim().min(1).max(80);

/**
 * A scenario as stored, calibrated, edited and run: plain data that structured-clones cleanly.
 * Strict at every level, as scenarios:save and scenarios:run take it whole: an unknown key (a
 * misspelt assumption, a field of ScenarioView sent back) is refused rather than dropped. The
 * stored documents are written through this schema, so they hold only its keys.
 */
export const ScenarioSchema = z.object({
  name: ScenarioNameSchema,
  /** Workspace currency: money assumptions are in it, outputs are micros of it. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  pilot: z.string().trim().min(1).max(80).nullable().default(null),
  /** First month of the horizon. */
  startMonth: Month,
  horizonMonths: z.number().int().min(1).max(120).default(12),
  /**
   * Shape, credits per event type and allowance reset of the plan; its price and free credits are
   * assumptions. Strict here only: workspace settings read PlanRulesSchema leniently, so settings
   * written by another version still open.
   */
  plan: PlanRulesSchema.strict(),
  assumptions: assumptionMap(ASSUMPTION_IDS),
  teams: z.array(TeamSchema).max(100).default([]),
  capacity: CapacityOptionsSchema.default(CapacityOptionsSchema.parse({})),
  calibration: z
    .object({ at: z.string(), pilot: z.string().nullable(), fromMonth: Month.nullable(), toMonth: Month.nullable(), records: z.number().int().nonnegative() })
    .strict()
    .nullable()
    .default(null),
}).strict();
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

// ----- results (plain data; money in micros of the scenario currency) -----

export const MeasureSumsShape = z.object(Object.fromEntries(ADDITIVE_MEASURES.map((m) => [m, z.number()])) as Record<(typeof ADDITIVE_MEASURES)[number], z.ZodNumber>);

const Figures = {
  /** Items eligible, and of them routed to the AI path. */
  eligible: z.number(),
  routed: z.number(),
  accepted: z.number(),
  aiPathCostMicros: z.number(),
  /** Every eligible item done by people: eligible × baseline hours × loaded rate. */
  humanPathCostMicros: z.number(),
  /** Items the AI path did not deliver (not routed, or not accepted), done by people. */
  fallbackCostMicros: z.number(),
  /** AI-path cost plus the fallback: what the month costs with the AI path. */
  scenarioCostMicros: z.number(),
  /** Human-path cost − scenario cost = accepted × human cost per item − AI-path cost. */
  netSavingMicros: z.number(),
  costPerAcceptedMicros: z.number().nullable(),
  humanCostPerItemMicros: z.number(),
  acceptanceRate: z.number().nullable(),
  hoursFreed: z.number(),
  fteFreed: z.number().nullable(),
  runCredits: z.number(),
  aiCredits: z.number(),
  /** Where AI-path cost per accepted equals human-path cost per item; null when out of reach. */
  breakEven: z.object({ acceptanceRate: z.number().nullable(), pricePerCredit: z.number().nullable() }),
};

export const PeriodResultSchema = z.object({
  month: Month,
  index: z.number().int(),
  ...Figures,
  /** The month's additive measures, in the shape of MeasureSums, evaluated by the metric definitions. */
  sums: MeasureSumsShape,
  cumulative: z.object({ aiPathCostMicros: z.number(), humanPathCostMicros: z.number(), scenarioCostMicros: z.number(), netSavingMicros: z.number(), hoursFreed: z.number() }),
});
export type PeriodResult = z.infer<typeof PeriodResultSchema>;

export const TotalsResultSchema = z.object({ months: z.number().int(), ...Figures, sums: MeasureSumsShape });
export type TotalsResult = z.infer<typeof TotalsResultSchema>;

export const DeterministicResultSchema = z.object({ periods: z.array(PeriodResultSchema), totals: TotalsResultSchema });
export type DeterministicResult = z.infer<typeof DeterministicResultSchema>;

export const BAND_METRICS = ['accepted', 'aiPathCostMicros', 'humanPathCostMicros', 'scenarioCostMicros', 'netSavingMicros', 'costPerAcceptedMicros', 'hoursFreed', 'fteFreed'] as const;
export type BandMetric = (typeof BAND_METRICS)[number];
export const BandSchema = z.object({ p10: z.number().nullable(), p50: z.number().nullable(), p90: z.number().nullable() });
export type Band = z.infer<typeof BandSchema>;
const Bands = z.object(Object.fromEntries(BAND_METRICS.map((m) => [m, BandSchema])) as Record<BandMetric, typeof BandSchema>);

export const MonteCarloOptionsSchema = z.object({
  draws: z.number().int().min(1).max(50_000).default(10_000),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  distribution: z.enum(['pert', 'triangular']).default('pert'),
}).strict();
export type MonteCarloOptions = z.infer<typeof MonteCarloOptionsSchema>;

export const MonteCarloResultSchema = z.object({
  draws: z.number().int(),
  seed: z.number().int(),
  distribution: z.enum(['pert', 'triangular']),
  /** Assumptions that had a range (the others stayed at their value). */
  sampled: z.array(z.string()),
  periods: z.array(z.object({ month: Month, bands: Bands })),
  totals: Bands,
  /** Share of draws whose total net saving is above zero. */
  probabilityOfSaving: z.number(),
});
export type MonteCarloResult = z.infer<typeof MonteCarloResultSchema>;

export const TORNADO_METRICS = ['netSavingMicros', 'costPerAcceptedMicros'] as const;
export type TornadoMetric = (typeof TORNADO_METRICS)[number];
export const TornadoResultSchema = z.object({
  metric: z.enum(TORNADO_METRICS),
  base: z.object({ netSavingMicros: z.number(), costPerAcceptedMicros: z.number().nullable() }),
  bars: z.array(
    z.object({
      assumption: z.string(),
      label: z.string(),
      low: z.number(),
      high: z.number(),
      atLow: z.object({ netSavingMicros: z.number(), costPerAcceptedMicros: z.number().nullable() }),
      atHigh: z.object({ netSavingMicros: z.number(), costPerAcceptedMicros: z.number().nullable() }),
      /** |metric at high − metric at low|; bars are ranked by it, largest first. */
      swing: z.number(),
    }),
  ),
  /** Assumptions without a range: give one a low and high to see its swing. */
  unranged: z.array(z.string()),
});
export type TornadoResult = z.infer<typeof TornadoResultSchema>;

export const GOAL_METRICS = ['netSavingMicros', 'costPerAcceptedMicros', 'hoursFreed', 'fteFreed', 'aiPathCostMicros', 'accepted'] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];
export const GoalTargetSchema = z.union([z.literal('break_even'), z.object({ metric: z.enum(GOAL_METRICS), value: z.number().finite() }).strict()]);
export type GoalTarget = z.infer<typeof GoalTargetSchema>;
export const GoalSeekResultSchema = z.object({
  assumption: z.string(),
  target: GoalTargetSchema,
  found: z.boolean(),
  value: z.number().nullable(),
  /** The metric at the value found (or at the nearer end of the search range). */
  achieved: z.number().nullable(),
  range: z.tuple([z.number(), z.number()]),
  iterations: z.number().int(),
  reason: z.string().nullable(),
});
export type GoalSeekResult = z.infer<typeof GoalSeekResultSchema>;

export const CapacityTeamMonthSchema = z.object({
  month: Month,
  availableHours: z.number(),
  intakeItems: z.number(),
  routedItems: z.number(),
  acceptedByAi: z.number(),
  /** Human hours the month's work needs: items left to people × hours per item, plus AI-path oversight. */
  demandHours: z.number(),
  hoursFreed: z.number(),
  fteFreed: z.number().nullable(),
  backlogItems: z.number(),
  backlogHours: z.number(),
  /** The same team with nothing routed, for the burn-down comparison. */
  backlogItemsWithoutAi: z.number(),
  runCredits: z.number(),
  aiCredits: z.number(),
});
export const CapacityResultSchema = z.object({
  routedShare: z.number(),
  teams: z.array(z.object({ name: z.string(), months: z.array(CapacityTeamMonthSchema) })),
  months: z.array(z.object({ month: Month, availableHours: z.number(), demandHours: z.number(), hoursFreed: z.number(), backlogItems: z.number(), backlogItemsWithoutAi: z.number(), runCredits: z.number(), aiCredits: z.number() })),
  /** Largest routed share whose monthly credits stay within each budget (null: no budget set). */
  maxShareWithinBudget: z.object({ runCredits: z.number().nullable(), aiCredits: z.number().nullable(), both: z.number().nullable() }),
});
export type CapacityResult = z.infer<typeof CapacityResultSchema>;
