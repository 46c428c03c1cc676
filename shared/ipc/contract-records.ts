import { z } from 'zod';
import { ADDITIVE_MEASURES, METRICS } from '../domain/metrics';
import { PilotDraftSchema, PilotSchema } from '../domain/pilots';
import { RECORD_SIGNALS } from '../domain/records/types';
import { PlanRulesSchema } from '../domain/plans';
import { LinkingRulesSchema, WorkspaceSettingsSchema } from '../domain/settings';

const Month = z.string().regex(/^\d{4}-\d{2}$/);
const PilotName = z.string().trim().min(1).max(80);
const OUTCOMES = ['accepted', 'rejected', 'rolled_back', 'open', 'denied', 'blocked', 'failed', 'no_change'] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export const SignalCodeSchema = z.enum(Object.keys(RECORD_SIGNALS) as [keyof typeof RECORD_SIGNALS, ...(keyof typeof RECORD_SIGNALS)[]]);
export const RECORD_DIMENSION_IDS = ['team', 'project', 'repository', 'issue_type', 'size', 'outcome', 'month', 'quarter', 'workspace', 'plan'] as const;
export const RecordDimensionSchema = z.enum(RECORD_DIMENSION_IDS);
const MetricIdSchema = z.enum(Object.keys(METRICS) as [keyof typeof METRICS, ...(keyof typeof METRICS)[]]);

export const MeasureSumsSchema = z.object(Object.fromEntries(ADDITIVE_MEASURES.map((m) => [m, z.number()])) as Record<(typeof ADDITIVE_MEASURES)[number], z.ZodNumber>);
export const MetricValuesSchema = z.record(MetricIdSchema, z.number().nullable());

/** One accepted-work record as lists show it; money in the workspace currency (micros). */
export const RecordRowSchema = z.object({
  id: z.number().int(),
  recordKey: z.string(),
  ticketKey: z.string().nullable(),
  title: z.string().nullable(),
  team: z.string().nullable(),
  projectKey: z.string().nullable(),
  repository: z.string().nullable(),
  issueType: z.string().nullable(),
  size: z.string().nullable(),
  outcome: OutcomeSchema,
  periodMonth: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  mrUrl: z.string().nullable(),
  workspace: z.string().nullable(),
  plan: z.string().nullable(),
  /** Only filled when person-level views are enabled in Settings. */
  person: z.string().nullable(),
  runs: z.number().int(),
  repairRuns: z.number().int(),
  reviewRounds: z.number().int(),
  ciMinutes: z.number(),
  humanHours: z.number(),
  costRunCreditsMicros: z.number(),
  costAiCreditsMicros: z.number(),
  costProviderMicros: z.number(),
  costCiMicros: z.number(),
  costHumanMicros: z.number(),
  costTotalMicros: z.number(),
  /** Currencies of cost lines left out for want of an exchange rate. */
  missingRates: z.string().nullable(),
  signals: z.array(SignalCodeSchema),
});
export type RecordRow = z.infer<typeof RecordRowSchema>;

export const RecordFilterSchema = z
  .object({
    pilot: PilotName.optional(),
    search: z.string().max(200).optional(),
    outcomes: z.array(OutcomeSchema).max(8).optional(),
    team: z.string().max(200).optional(),
    project: z.string().max(200).optional(),
    repository: z.string().max(300).optional(),
    signal: SignalCodeSchema.optional(),
    fromMonth: Month.optional(),
    toMonth: Month.optional(),
    /** Exactly these records (drill-through from a metric, a signal or a reconciliation row). */
    ids: z.array(z.number().int()).max(100_000).optional(),
  })
  .strict();
export type RecordFilter = z.infer<typeof RecordFilterSchema>;

export const RecordsListInputSchema = RecordFilterSchema.extend({
  limit: z.number().int().min(1).max(100_000).default(5_000),
  offset: z.number().int().min(0).default(0),
}).strict();

export const RecordsListSchema = z.object({ rows: z.array(RecordRowSchema), total: z.number().int(), currency: z.string() });

export const CostLineViewSchema = z.object({
  kind: z.enum(['run_credits', 'ai_credits', 'provider', 'ci', 'human']),
  basis: z.enum(['measured', 'estimated']),
  evidence: z.string(),
  occurredOn: z.string(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  amountMicros: z.number(),
  currency: z.string(),
  /**
   * The line in the workspace currency at the rate of its date, as the record's totals hold it;
   * null when no rate exists (the line is then left out of the totals).
   */
  convertedMicros: z.number().nullable(),
});

export const EvidenceSourceSchema = z.object({
  kind: z.enum(['jira', 'gitlab', 'import']),
  /** "PAY-12", "northwind/ledger-service!44", "relay-events-2026.csv line 1204". */
  label: z.string(),
  url: z.string().nullable(),
  file: z.string().nullable(),
  line: z.number().int().nullable(),
});

/** One step of a record's evidence chain, in time order. */
export const EvidenceStepSchema = z.object({
  at: z.string(),
  kind: z.enum([
    'ticket_created',
    'ticket_status',
    'worklog',
    'run_event',
    'mr_opened',
    'pipeline',
    'review',
    'approval',
    'merged',
    'closed',
    'reverted',
    'follow_up_bug',
  ]),
  title: z.string(),
  detail: z.string().nullable(),
  /** 'good' / 'bad' colour the step (a passed pipeline, a failed validation); 'neutral' otherwise. */
  tone: z.enum(['good', 'bad', 'neutral']),
  source: EvidenceSourceSchema,
});
export type EvidenceStep = z.infer<typeof EvidenceStepSchema>;

export const RecordDetailSchema = z.object({
  record: RecordRowSchema,
  costLines: z.array(CostLineViewSchema),
  signals: z.array(z.object({ code: SignalCodeSchema, label: z.string(), detail: z.string() })),
  timeline: z.array(EvidenceStepSchema),
  /** True when the timeline was cut to its most recent steps. */
  truncated: z.boolean(),
});
export type RecordDetail = z.infer<typeof RecordDetailSchema>;

export const UnlinkedSchema = z.object({
  counts: z.object({ run_without_ticket: z.number().int(), run_without_mr: z.number().int(), ai_mr_without_ticket: z.number().int(), billing_line_without_run: z.number().int() }),
  items: z.array(
    z.object({
      kind: z.enum(['run_without_ticket', 'run_without_mr', 'ai_mr_without_ticket', 'billing_line_without_run']),
      ref: z.string(),
      detail: z.string(),
      url: z.string().nullable(),
      occurredAt: z.string(),
      amountMicros: z.number().nullable(),
      currency: z.string().nullable(),
    }),
  ),
  /** Workflow-level billing (Copilot seats and usage, Actions minutes) that no run can carry, by ledger. */
  workflowBilling: z.array(z.object({ ledger: z.string(), vendor: z.string(), lines: z.number().int(), amountMicros: z.number(), currency: z.string() })),
});

export const ReconciliationSchema = z.object({
  rows: z.array(
    z.object({
      month: Month,
      workspace: z.string(),
      plan: z.string().nullable(),
      currency: z.string(),
      billedCredits: z.number(),
      impliedCredits: z.number(),
      billedMicros: z.number(),
      impliedMicros: z.number(),
      mismatchedEvents: z.number().int(),
      /** Records holding the events that differ. */
      recordIds: z.array(z.number().int()),
    }),
  ),
});

export const SignalsSchema = z.object({
  signals: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      description: z.string(),
      count: z.number().int(),
      /** Records behind the signal (for workspace-level signals, the records of the months concerned). */
      recordIds: z.array(z.number().int()),
      /** Unlinked items behind it, when the signal is about things no record holds. */
      unlinkedKind: z.string().nullable(),
    }),
  ),
});

export const MetricsInputSchema = z
  .object({ by: RecordDimensionSchema.optional(), pilot: PilotName.optional(), fromMonth: Month.optional(), toMonth: Month.optional() })
  .strict();
export const MetricsResultSchema = z.object({
  currency: z.string(),
  by: RecordDimensionSchema.nullable(),
  rows: z.array(z.object({ key: z.string().nullable(), sums: MeasureSumsSchema, metrics: MetricValuesSchema })),
  total: z.object({ sums: MeasureSumsSchema, metrics: MetricValuesSchema }),
  months: z.number().int(),
  missingRates: z.array(z.string()),
});
export type MetricsResult = z.infer<typeof MetricsResultSchema>;

type WithoutDefaults<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]> };

/** Every field optional and WITHOUT its default: `.partial()` alone would fill left-out fields with defaults. */
function patchOf<T extends z.ZodRawShape>(shape: T) {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) out[key] = (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : (schema as z.ZodType)).optional();
  return z.object(out as WithoutDefaults<T>).strict();
}

/**
 * Settings the user may change; anything left out keeps its value. The nested objects are strict
 * here only: readSettings parses stored settings with the lenient schemas, so settings written by
 * another version still open, while a patch with a misspelt rule or plan field is refused.
 */
export const SettingsPatchSchema = patchOf(WorkspaceSettingsSchema.omit({ isDemo: true }).shape).extend({
  linking: LinkingRulesSchema.strict().optional(),
  plans: z.array(PlanRulesSchema.strict()).optional(),
});

export const SettingsUpdateResultSchema = z.object({
  settings: WorkspaceSettingsSchema,
  /** Set when the change re-linked the records (linking rules, rates, plans, teams). */
  relinked: z.object({ records: z.number().int(), updated: z.number().int(), inserted: z.number().int(), deleted: z.number().int(), unlinked: z.number().int() }).nullable(),
});

export const PilotScorecardSchema = z.object({
  pilot: PilotSchema,
  currency: z.string(),
  records: z.number().int(),
  sums: MeasureSumsSchema,
  metrics: MetricValuesSchema,
  monthly: z.array(z.object({ month: Month, sums: MeasureSumsSchema, metrics: MetricValuesSchema })),
  signals: SignalsSchema.shape.signals,
  /** Records of the pilot's projects, teams and dates whose change landed outside its repositories. */
  outsideRepositories: z.array(z.number().int()),
});

export const RECORDS_CONTRACT = {
  /** Accepted-work records, filtered; money converted into the workspace currency. */
  'records:list': { input: RecordsListInputSchema, output: RecordsListSchema },
  /** One record: its cost lines with their basis, its risk signals, and its evidence chain. */
  'records:get': { input: z.object({ id: z.number().int() }).strict(), output: RecordDetailSchema },
  /** What linking could not attach: counts by kind, the items, and workflow-level billing. */
  'records:unlinked': { input: z.object({ limit: z.number().int().min(1).max(10_000).default(500) }).strict(), output: UnlinkedSchema },
  /** Vendor-billed run credits against what the plans imply, by month and vendor workspace. */
  'records:reconciliation': { input: z.object({}).strict(), output: ReconciliationSchema },
  /** Risk signals (PRODUCT.md), each with the records behind it. */
  'records:signals': { input: z.object({ pilot: PilotName.optional() }).strict(), output: SignalsSchema },
  /** Metrics (ratios of sums) over a slice, optionally per value of one dimension. */
  'metrics:get': { input: MetricsInputSchema, output: MetricsResultSchema },
  'settings:get': { input: z.object({}).strict(), output: WorkspaceSettingsSchema },
  /** Saves settings; linking rules, plans, rates or teams re-link the records without re-syncing. */
  'settings:update': { input: SettingsPatchSchema, output: SettingsUpdateResultSchema },
  'pilots:list': { input: z.object({}).strict(), output: z.array(PilotSchema) },
  /** Creates a pilot (no id) or updates one (with id). */
  'pilots:save': { input: PilotDraftSchema, output: PilotSchema },
  'pilots:delete': { input: z.object({ id: z.number().int() }).strict(), output: z.object({ deleted: z.boolean() }) },
  'pilots:scorecard': { input: z.object({ id: z.number().int() }).strict(), output: PilotScorecardSchema },
} as const;
