import { ADDITIVE_MEASURES, COST_MEASURES, METRICS, type AdditiveMeasure, type MetricFormat, type MetricId } from '../metrics';

/**
 * Where a dimension's value lives:
 * - record: one value per record, on every fact row of the record (team, month, plan...)
 * - event: one value per group of run events (event type, provider, model); a record's own row,
 *   which carries its record-level measures, has none (null)
 * - bridge: many values per record (labels, pilots): a record appears under each of its values,
 *   and any total above that dimension counts it once
 */
export type DimensionLevel = 'record' | 'event' | 'bridge';

export type DimensionDef = {
  label: string;
  level: DimensionLevel;
  /** How a null value is shown; on event dimensions null marks the record's own row. */
  nullLabel: string;
  /** Values sort chronologically (their text sorts the same way). */
  time?: 'month' | 'quarter' | 'week';
  /** Only offered when person-level views are enabled in Settings. */
  people?: true;
  description: string;
};

export const DIMENSIONS = {
  team: { label: 'Team', level: 'record', nullLabel: '(no team)', description: 'Team of the record, from the Settings mapping by project, then by repository.' },
  project: { label: 'Project', level: 'record', nullLabel: '(no project)', description: 'Jira project key.' },
  repository: { label: 'Repository', level: 'record', nullLabel: '(no repository)', description: 'Repository of the record’s first merge request.' },
  issue_type: { label: 'Issue type', level: 'record', nullLabel: '(no ticket)', description: 'Jira issue type.' },
  size: { label: 'Size', level: 'record', nullLabel: '(unsized)', description: 'Size band from story points.' },
  label: {
    label: 'Workflow / label',
    level: 'bridge',
    nullLabel: '(no label)',
    description: 'Ticket and merge-request labels. A record with two labels appears under both; totals count it once.',
  },
  month: { label: 'Month', level: 'record', nullLabel: '(no month)', time: 'month', description: 'Month the record’s work ended (its period month).' },
  quarter: { label: 'Quarter', level: 'record', nullLabel: '(no quarter)', time: 'quarter', description: 'Calendar quarter of the period month.' },
  week: { label: 'Week', level: 'record', nullLabel: '(no week)', time: 'week', description: 'ISO week of the day the record’s work ended.' },
  event_type: {
    label: 'Run event type',
    level: 'event',
    nullLabel: '(record level)',
    description: 'Run event type. Record-level measures (accepted, hours, CI, human cost) are not split by event and show under “(record level)”.',
  },
  provider: { label: 'Provider', level: 'event', nullLabel: '(none)', description: 'Model provider of the run events; “(none)” for events without a model call and for record-level measures.' },
  model: { label: 'Model', level: 'event', nullLabel: '(none)', description: 'Model of the run events; “(none)” for events without a model call and for record-level measures.' },
  plan: { label: 'Plan', level: 'record', nullLabel: '(no plan)', description: 'Vendor plan of the record’s vendor workspace.' },
  workspace: { label: 'Vendor workspace', level: 'record', nullLabel: '(none)', description: 'Vendor workspace of the record’s runs.' },
  outcome: { label: 'Outcome', level: 'record', nullLabel: '(none)', description: 'Accepted, rejected, rolled back, open, denied, blocked, failed or no change.' },
  pilot: { label: 'Pilot', level: 'bridge', nullLabel: '(no pilot)', description: 'Pilots whose scope holds the record. A record in two pilots appears under both; totals count it once.' },
  person: { label: 'Person', level: 'record', nullLabel: '(unassigned)', people: true, description: 'Assignee of the ticket (person-level views only).' },
} as const satisfies Record<string, DimensionDef>;

export type DimensionId = keyof typeof DIMENSIONS;
export const DIMENSION_IDS = Object.keys(DIMENSIONS) as [DimensionId, ...DimensionId[]];
export const dimensionDef = (id: DimensionId): DimensionDef => DIMENSIONS[id];

/** Dimensions stored as a column of every fact row (bridge dimensions live in their own tables). */
export type FactDimension = Exclude<DimensionId, 'label' | 'pilot'>;
export const FACT_DIMENSIONS = DIMENSION_IDS.filter((d): d is FactDimension => DIMENSIONS[d].level !== 'bridge');

/** Cost-line kinds, in the order of COST_MEASURES (cost_<kind>). */
export const COST_LINE_KINDS = ['run_credits', 'ai_credits', 'provider', 'ci', 'human'] as const;
export type CostLineKind = (typeof COST_LINE_KINDS)[number];

/** Counts stored on fact rows besides the additive measures: run events, and cost lines per kind. */
export const FACT_COUNTS = ['events', ...COST_LINE_KINDS.map((k) => `cost_lines_${k}` as const)] as const;
export type FactCount = (typeof FACT_COUNTS)[number];

/**
 * Every measure column of a fact row: the additive measures of shared/domain/metrics.ts under their
 * own names (`records` is 1 on a record's own row, 0 on its event rows), then the counts.
 */
export const FACT_MEASURES = [...ADDITIVE_MEASURES, ...FACT_COUNTS] as const;
export type FactMeasure = AdditiveMeasure | FactCount;

/** Measures carried by event rows (per group of run events); every other measure sits on the record's own row. */
export const EVENT_MEASURES = ['events', 'run_credits_used', 'ai_credits_used', 'cost_run_credits', 'cost_ai_credits', 'cost_provider'] as const satisfies readonly FactMeasure[];

/**
 * How a pivot measure aggregates:
 * - sum / count: a sum of fact columns (counts are sums of per-row counts)
 * - distinct: the number of distinct records with a fact row in the cell
 * - ratio / derived: a metric of shared/domain/metrics.ts evaluated on the cell's sums, never a
 *   sum or average of other cells
 */
export type MeasureKind = 'sum' | 'count' | 'distinct' | 'ratio' | 'derived';

export type MeasureField = {
  id: MeasureId;
  label: string;
  kind: MeasureKind;
  format: MetricFormat;
  /** Fact columns the value is computed from. */
  inputs: readonly FactMeasure[];
  /** Ratio measures: what is divided by what (a fact column, or ai_path_cost = every cost_* column). */
  numerator?: string;
  denominator?: string;
  description: string;
};

const ADDITIVE_LABELS: Record<AdditiveMeasure, [label: string, format: MetricFormat]> = {
  records: ['Records', 'count'],
  accepted: ['Accepted PR/MRs', 'count'],
  mrs_opened: ['PR/MRs opened', 'count'],
  mrs_reached_review: ['PR/MRs that reached review', 'count'],
  mrs_merged: ['PR/MRs merged', 'count'],
  mrs_rolled_back: ['PR/MRs rolled back', 'count'],
  runs: ['Runs', 'count'],
  runs_reached_validation: ['Runs that reached validation', 'count'],
  runs_first_pass: ['Runs passing validation first time', 'count'],
  repair_runs: ['Repair runs (continuation and retry)', 'count'],
  review_rounds: ['Review rounds', 'count'],
  review_hours: ['Review hours', 'hours'],
  intake_hours: ['Intake hours', 'hours'],
  repair_hours: ['Repair hours', 'hours'],
  rework_hours: ['Rework hours', 'hours'],
  human_hours: ['Human hours on the AI path', 'hours'],
  baseline_hours: ['Baseline human hours', 'hours'],
  ci_minutes: ['CI minutes', 'decimal'],
  tickets_denied: ['Tickets denied', 'count'],
  runs_blocked: ['Runs blocked', 'count'],
  runs_validation_failed: ['Runs failing validation', 'count'],
  run_credits_used: ['Run credits used', 'decimal'],
  ai_credits_used: ['AI credits used', 'decimal'],
  follow_up_bugs: ['Follow-up bugs', 'count'],
  cost_run_credits: ['Run-credit cost', 'money'],
  cost_ai_credits: ['AI-credit cost', 'money'],
  cost_provider: ['Provider spend', 'money'],
  cost_ci: ['CI cost', 'money'],
  cost_human: ['Human cost', 'money'],
};

const COUNT_LABELS: Record<FactCount, string> = {
  events: 'Run events',
  cost_lines_run_credits: 'Run-credit cost lines',
  cost_lines_ai_credits: 'AI-credit cost lines',
  cost_lines_provider: 'Provider cost lines',
  cost_lines_ci: 'CI cost lines',
  cost_lines_human: 'Human cost lines',
};

type MetricDefLike =
  | { kind: 'sum'; label: string; format: MetricFormat; of: AdditiveMeasure }
  | { kind: 'ratio'; label: string; format: MetricFormat; numerator: AdditiveMeasure | 'ai_path_cost'; denominator: AdditiveMeasure }
  | { kind: 'derived'; label: string; format: MetricFormat };

const metricField = (id: MetricId): MeasureField => {
  const def: MetricDefLike = METRICS[id];
  switch (def.kind) {
    case 'sum':
      return { id, label: def.label, kind: 'sum', format: def.format, inputs: [def.of], description: `Sum of ${def.of}.` };
    case 'ratio': {
      const numerator = def.numerator === 'ai_path_cost' ? [...COST_MEASURES] : [def.numerator];
      return {
        id,
        label: def.label,
        kind: 'ratio',
        format: def.format,
        inputs: [...numerator, def.denominator],
        numerator: def.numerator,
        denominator: def.denominator,
        description: `Ratio of sums: ${def.numerator} ÷ ${def.denominator}, at every level (cells, subtotals, totals); empty where ${def.denominator} is 0.`,
      };
    }
    case 'derived':
      // Derived metrics are code over the sums: they get every additive measure.
      return { id, label: def.label, kind: 'derived', format: def.format, inputs: [...ADDITIVE_MEASURES], description: 'Computed from the cell’s sums by its definition in PRODUCT.md.' };
  }
};

const metricIds = Object.keys(METRICS) as MetricId[];

/** Every pivot measure: each metric, each additive measure not already a metric, the counts, and distinct records. */
export const MEASURES: readonly MeasureField[] = [
  ...metricIds.map(metricField),
  ...ADDITIVE_MEASURES.filter((m) => m !== 'records' && !(metricIds as string[]).includes(m)).map(
    (m): MeasureField => ({ id: m, label: ADDITIVE_LABELS[m][0], kind: 'sum', format: ADDITIVE_LABELS[m][1], inputs: [m], description: `Sum of ${m}.` }),
  ),
  ...FACT_COUNTS.map((c): MeasureField => ({ id: c, label: COUNT_LABELS[c], kind: 'count', format: 'count', inputs: [c], description: `Count of ${COUNT_LABELS[c].toLowerCase()}.` })),
  { id: 'records', label: 'Records (distinct)', kind: 'distinct', format: 'count', inputs: ['records'], description: 'Distinct accepted-work records with a fact row in the cell; a record is counted once in every total.' },
];

export type MeasureId = MetricId | AdditiveMeasure | FactCount;
export const MEASURE_IDS = MEASURES.map((m) => m.id) as [MeasureId, ...MeasureId[]];
const BY_ID = new Map<string, MeasureField>(MEASURES.map((m) => [m.id, m]));

export function measureField(id: MeasureId): MeasureField {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`unknown measure ${id}`);
  return m;
}

/** Dimensions a workspace offers: person only when person-level views are enabled. */
export const availableDimensions = (opts: { peopleViewsEnabled: boolean }): DimensionId[] =>
  DIMENSION_IDS.filter((d) => opts.peopleViewsEnabled || !('people' in DIMENSIONS[d]));
