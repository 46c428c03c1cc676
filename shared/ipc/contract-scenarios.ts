import { z } from 'zod';
import { scenarioIssues } from '../domain/scenario/overrides';
import {
  ASSUMPTION_IDS,
  CapacityResultSchema,
  GoalSeekResultSchema,
  GoalTargetSchema,
  MonteCarloOptionsSchema,
  MonteCarloResultSchema,
  PeriodResultSchema,
  ScenarioNameSchema,
  ScenarioSchema,
  TORNADO_METRICS,
  TornadoResultSchema,
  TotalsResultSchema,
  type AssumptionId,
} from '../domain/scenario/schema';

const Name = ScenarioNameSchema;
const PilotName = z.string().trim().min(1).max(80);

/** A scenario whose assumptions are inside their domains and whose ranges run low ≤ likely ≤ high. */
export const ValidScenarioSchema = ScenarioSchema.superRefine((s, ctx) => {
  for (const message of scenarioIssues(s)) ctx.addIssue({ code: 'custom', message, path: ['assumptions'] });
});

export const ScenarioViewSchema = z.object({
  scenario: ScenarioSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Whether scenarios:undo has an earlier version (or the creation) to go back to. */
  canUndo: z.boolean(),
});
export type ScenarioView = z.infer<typeof ScenarioViewSchema>;

export const ScenarioSummarySchema = z.object({
  name: z.string(),
  pilot: z.string().nullable(),
  currency: z.string(),
  startMonth: z.string(),
  horizonMonths: z.number().int(),
  plan: z.string(),
  calibratedAt: z.string().nullable(),
  calibratedRecords: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canUndo: z.boolean(),
});

/** Overrides by key: an assumption id, team.NAME.ID, plan, routed_share, run_credit_budget, ai_credit_budget. Values as on the command line. */
export const ScenarioSetSchema = z.record(z.string().min(1).max(300), z.union([z.number().finite(), z.string().max(100)]));

export const ScenarioRunInputSchema = z
  .object({
    /** A saved scenario by name, or a scenario given whole (an unsaved, edited one). */
    name: Name.optional(),
    scenario: ValidScenarioSchema.optional(),
    /** Overrides the scenario's own horizon. */
    horizonMonths: z.number().int().min(1).max(120).optional(),
    set: ScenarioSetSchema.optional(),
    /** Bands: P10/P50/P90 from Monte Carlo over the ranges. Left out: no bands. */
    monteCarlo: MonteCarloOptionsSchema.optional(),
    tornado: z.boolean().default(true),
    tornadoMetric: z.enum(TORNADO_METRICS).default('netSavingMicros'),
    goalSeek: z.object({ assumption: z.enum(ASSUMPTION_IDS as [AssumptionId, ...AssumptionId[]]), target: GoalTargetSchema.default('break_even') }).strict().optional(),
    capacity: z.boolean().default(true),
  })
  .strict()
  .refine((x) => (x.name === undefined) !== (x.scenario === undefined), { message: 'give either the name of a saved scenario or a scenario, not both' });

export const ScenarioRunSchema = z.object({
  /** The scenario as run: after the overrides, with the horizon used. */
  scenario: ScenarioSchema,
  currency: z.string(),
  periods: z.array(PeriodResultSchema),
  totals: TotalsResultSchema,
  bands: MonteCarloResultSchema.nullable(),
  tornado: TornadoResultSchema.nullable(),
  goalSeek: GoalSeekResultSchema.nullable(),
  /** Per team and month, when the scenario has teams. */
  capacity: CapacityResultSchema.nullable(),
});
export type ScenarioRun = z.infer<typeof ScenarioRunSchema>;

export const SCENARIOS_CONTRACT = {
  /** Saved scenarios of the workspace, by name. */
  'scenarios:list': { input: z.object({}).strict(), output: z.array(ScenarioSummarySchema) },
  'scenarios:get': { input: z.object({ name: Name }).strict(), output: ScenarioViewSchema },
  /**
   * A new, unsaved scenario calibrated on the workspace's records (or a pilot's) over the last
   * `windowMonths` months with data: every assumption with its evidence and range.
   */
  'scenarios:calibrate': {
    input: z
      .object({
        name: Name.default('Calibrated'),
        pilot: PilotName.optional(),
        windowMonths: z.number().int().min(1).max(36).default(6),
        horizonMonths: z.number().int().min(1).max(120).default(12),
      })
      .strict(),
    output: ScenarioSchema,
  },
  /** Creates the scenario, or updates the saved one of the same name (undoable either way). */
  'scenarios:save': { input: ValidScenarioSchema, output: ScenarioViewSchema },
  'scenarios:rename': { input: z.object({ name: Name, newName: Name }).strict(), output: ScenarioViewSchema },
  'scenarios:duplicate': { input: z.object({ name: Name, newName: Name }).strict(), output: ScenarioViewSchema },
  /** Deletes a saved scenario; scenarios:undo with its name brings it back. */
  'scenarios:delete': { input: z.object({ name: Name }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Undoes the latest save, rename, duplicate, creation or deletion of the named scenario. */
  'scenarios:undo': {
    input: z.object({ name: Name }).strict(),
    output: z.object({ undone: z.enum(['create', 'save', 'rename', 'duplicate', 'delete']), scenario: ScenarioViewSchema.nullable() }),
  },
  /**
   * Runs a scenario with the shared engine: per-month results and totals, break-even, and on
   * request Monte Carlo bands, the tornado, a goal seek and the teams' capacity plan.
   */
  'scenarios:run': { input: ScenarioRunInputSchema, output: ScenarioRunSchema },
} as const;
